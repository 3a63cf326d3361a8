/// Words and phrases that say what a commit was for, with how much each counts in the subject and in the body.
///
/// Built from the commit-classification literature (Mockus & Votta, Hattori & Lanza, Levin & Yehudai, Amit &
/// Feitelson's corrective terms, the refactoring vocabularies of Ratzinger and Kim) and tuned on a development
/// sample of labelled commits; the held-out test sample is only ever measured (`scripts/eval-classifier`).
/// Traps that single words cannot handle ("add missing …", "fix typo") are rules in ``MessageEvidence``.
struct Lexicon: Sendable {
    struct Entry: Sendable {
        let category: Category
        let subjectWeight: Double
        let bodyWeight: Double
        /// Set for phrases that are a rule of their own rather than a word of a category.
        var marker: Marker?
        /// The word, or the words of a phrase joined by spaces, as reasons quote them (made once, not per commit).
        let term: String
        /// True for the configuration's words: the team's own vocabulary, which the learned model never saw.
        let isConfigured: Bool

        init(words: [String], category: Category, subjectWeight: Double, bodyWeight: Double, marker: Marker? = nil,
             isConfigured: Bool = false) {
            self.isConfigured = isConfigured
            self.category = category
            self.subjectWeight = subjectWeight
            self.bodyWeight = bodyWeight
            self.marker = marker
            term = words.joined(separator: " ")
        }
    }

    /// Phrases the body rules look for by name.
    enum Marker: Sendable {
        /// "no functional change", "NFC": the author says the commit only restructures.
        case noFunctionalChange
    }

    /// The entries, looked up by hashed words.
    private(set) var table = PhraseTable<Entry>()

    /// - Parameter extraWords: the configuration's words; a term configured for a category leaves every built-in
    ///   category it had, so a team can also move a word ("extend" means refactor here).
    init(extraWords: [Category: [String]] = [:]) {
        let configured = Set(extraWords.values.joined().map { Words($0.lowercased()).tokens.joined(separator: " ") })
        for (category, subjectWeight, bodyWeight, terms) in Self.builtIn {
            for term in terms where !configured.contains(term) { add(term, category, subjectWeight, bodyWeight) }
        }
        for (category, terms) in extraWords {
            for term in terms { add(term.lowercased(), category, 3, 1, isConfigured: true) }
        }
        for phrase in ["no functional change", "no functional changes", "no behavior change", "no behaviour change",
                       "no behavioral change", "no behavioural change", "nfc", "no change in behavior",
                       "no change in behaviour", "no user visible change"] {
            table.add(phrase, Entry(words: Words(phrase).tokens, category: .refactor, subjectWeight: 0, bodyWeight: 0,
                                    marker: .noFunctionalChange))
        }
    }

    private mutating func add(_ term: String, _ category: Category, _ subjectWeight: Double, _ bodyWeight: Double,
                              isConfigured: Bool = false) {
        let words = Words(term).tokens
        guard !words.isEmpty, words.count <= 4 else { return }
        table.add(term, Entry(words: words, category: category, subjectWeight: subjectWeight, bodyWeight: bodyWeight,
                              isConfigured: isConfigured))
    }

    /// The entry numbered `index`, as reported by a scan of ``table``.
    func entry(at index: Int) -> Entry { table.value(at: index) }

    /// (category, weight in the subject, weight in the body, terms).
    static let builtIn: [(Category, Double, Double, [String])] = [
        // Defects: the corrective vocabulary.
        (.fix, 3, 1, [
            "fix", "fixes", "fixed", "fixing", "fixup", "bugfix", "hotfix", "bug", "bugs", "buggy", "crash", "crashes",
            "crashed", "crashing", "segfault", "segfaults", "segv", "sigsegv", "leak", "leaks", "leaking", "leaked",
            "overflow", "overflows", "underflow", "regression", "regressions", "regressed", "cve", "vulnerability",
            "vulnerabilities", "deadlock", "deadlocks", "hang", "hangs", "hanging", "corrupt", "corrupted",
            "corruption", "incorrect", "incorrectly", "wrong", "wrongly", "broken", "breakage", "mistake",
            "mistakenly", "npe", "uninitialized", "uninitialised", "misbehave", "misbehaves", "erroneous",
            "erroneously", "bogus", "oops", "workaround", "repair", "repairs", "unbreak", "race condition",
            "data race", "use after free", "double free", "null pointer", "null dereference", "null deref",
            "off by one", "out of bounds", "infinite loop", "memory leak", "buffer overflow", "heap overflow",
            "stack overflow", "integer overflow", "assertion failure", "does not work", "doesnt work",
            "did not work", "didnt work", "not working", "is missing", "was missing", "were missing", "forgot",
            "forgotten", "accidentally", "unintended", "unintentionally", "spurious", "resolves", "resolved",
            "correctly", "properly", "ensure", "ensures",
        ]),
        (.fix, 2, 1, [
            "error", "errors", "fail", "fails", "failed", "failing", "failure", "failures", "problem", "problems",
            "invalid", "missing", "unexpected", "unexpectedly", "abort", "aborts", "panic", "panics", "assert",
            "assertion", "security", "race", "races", "racy", "correct", "issue", "mismatch", "truncated",
            "truncation", "deref", "dereference", "null", "nul", "timeout", "stuck", "ub", "undefined behavior",
            "undefined behaviour", "sanitizer", "asan", "ubsan", "valgrind", "coverity", "ossfuzz", "oss fuzz",
            "fuzz", "fuzzer", "clusterfuzz", "lost", "losing", "should", "should not", "shouldnt", "must not",
            "needs to", "need to", "has to", "precise", "accurate", "accuracy", "dont", "doesnt", "didnt", "wont",
            "cant", "cannot", "isnt", "arent", "wasnt", "do not", "does not", "not be",
        ]),
        // Restructuring without a change in behaviour, and speed.
        (.refactor, 3, 1, [
            "refactor", "refactors", "refactored", "refactoring", "refactorings", "cleanup", "cleanups", "clean up",
            "cleaned up", "cleaning up", "clean", "tidy", "tidied", "simplify", "simplifies", "simplified",
            "simplification", "rename", "renames", "renamed", "renaming", "restructure", "restructured",
            "reorganize", "reorganise", "reorganized", "reorganised", "reorder", "rework", "reworked", "rewrite",
            "rewrote", "rewritten", "unused", "dead code", "redundant", "unnecessary", "unneeded", "needless",
            "superfluous", "obsolete", "deduplicate", "dedup", "dedupe", "duplication", "duplicate code", "extract",
            "factor out", "factored out", "split", "move", "moved", "moves", "moving", "inline", "inlined",
            "optimize", "optimise", "optimized", "optimised", "optimization", "optimisation", "optimizations",
            "optimisations", "speed up", "speedup", "speeds up", "faster", "performance", "perf", "cosmetic",
            "cosmetics", "style", "whitespace", "indentation", "indent", "reindent", "reformat", "reformatted",
            "formatting", "coding style", "code style", "checkpatch", "lint", "linter", "clippy", "warning",
            "warnings", "silence", "quiet", "shut up", "const", "constify", "static", "typedef", "modernize",
            "modernise", "consolidate", "unify", "streamline", "readability", "readable", "encapsulate", "helper",
            "helpers", "macro", "macros", "reduce", "avoid", "replace", "replaced", "deprecate", "deprecated",
            "remove", "removes", "removed", "removing", "drop", "drops", "dropped", "delete", "deleted", "get rid",
            "convert", "converted", "less", "fewer", "reclaim", "shrink", "reuse", "efficient", "efficiency", "memory usage",
        ]),
        // "Use X" is as often a fix ("use the right length") or a feature ("use the terminal's title capability")
        // as a restructuring: a hint, not a verdict.
        // "Improve X" likewise, and "cache" or "internal" are as often the thing a fix or a feature is about.
        (.refactor, 1, 0.5, ["use", "uses", "improve", "improves", "improved", "improvement", "improvements", "cache",
                             "internal", "internally"]),
        // Nouns that name what a change is about more often than that it adds one ("clear the NOADDR flag").
        (.feature, 1.5, 0.5, ["flag", "option", "options"]),
        // New capabilities.
        (.feature, 3, 1, [
            "add", "adds", "added", "adding", "implement", "implements", "implemented", "implementing",
            "implementation", "introduce", "introduces", "introduced", "introducing", "support", "supports",
            "supported", "new", "feature", "features", "allow", "allows", "enable", "enables", "provide",
            "provides", "expose", "exposes", "configurable", "teach", "teaches", "learn",
            "learns", "learned", "create", "creates", "ability", "able", "subcommand", "experimental",
            "extend", "extends", "extended", "extension", "optionally", "customizable", "customize", "plugin",
            "endpoint",
        ]),
        // Documentation.
        (.docs, 3, 0.5, [
            "doc", "docs", "document", "documents", "documented", "documentation", "readme", "manpage",
            "man page", "manual", "changelog", "relnotes", "release notes", "release note", "typo", "typos",
            "spelling", "grammar", "wording", "comment", "comments", "docstring", "docstrings", "javadoc",
            "doxygen", "copyedit", "clarify", "clarifies", "explain", "explains", "faq", "tutorial", "example",
            "examples", "proofread",
        ]),
        // Tests.
        (.test, 3, 0.5, [
            "test", "tests", "testing", "testcase", "testcases", "testsuite", "unittest", "unittests", "coverage",
            "flaky", "flakiness", "spec", "specs", "regression test", "unit test", "unit tests",
        ]),
        // Keeping the project running.
        (.maintenance, 3, 1, [
            "bump", "bumped", "bumps", "upgrade", "upgraded", "upgrades", "dependency", "dependencies", "vendor",
            "vendored", "submodule", "travis", "appveyor", "workflow", "workflows", "github actions", "makefile",
            "cmakelists", "autotools", "autoconf", "automake", "meson", "gitignore", "mailmap", "build system",
            "packaging", "dockerfile", "toolchain", "renovate", "dependabot", "lockfile", "codeowners",
        ]),
        // Tool names that code mentions in passing as often as the build does.
        (.maintenance, 1.5, 0.5, [
            "deps", "ci", "gha", "azure", "cirrus", "jenkins", "cmake", "configure", "docker", "npm", "pip", "cargo",
            "gradle", "maven", "infrastructure", "tooling", "pipeline",
        ]),
        (.other, 1, 0, ["release", "released", "releasing", "version", "prepare", "preparing"]),
        (.other, 3, 0, ["translation", "translations", "translate", "l10n", "i18n", "copyright"]),
    ]
}
