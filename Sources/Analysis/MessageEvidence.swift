#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a commit message says about the commit's purpose: the subject first (its opening verb most), then the
/// body, then its trailers.
struct MessageEvidence {
    let lexicon: Lexicon

    /// Weighs the subject's description (its Conventional-Commit or area prefix removed), the area and the body.
    func collect(description: String, words: Words, area: String?, body: Substring, into evidence: inout Evidence) {
        var words = words
        // "diff: --ignore-cr-at-eol", "log: add --since-as-filter": a subject naming a command-line option.
        if Self.namesAnOption(description) {
            evidence.add(.feature, 1.5, rule: "message.option", "the subject names a command-line option")
        }
        var suppressed = openingRules(words, into: &evidence)
        suppressed.formUnion(fixObjectRules(&words, into: &evidence))
        for (entry, position) in lexicon.matches(in: words)
        where entry.marker == nil && !suppressed.contains(entry.category) {
            // "don't allow chained replicas", "never enable X": a capability withdrawn, usually because it was wrong.
            if entry.category == .feature, position > 0, Self.negatingWords.contains(words.tokens[position - 1]) {
                let term = "\(words.tokens[position - 1]) \(entry.term)"
                evidence.add(.fix, 2, rule: "message.negated-feature", "'\(term)' withdraws a behaviour, as fixes do")
                continue
            }
            if entry.isConfigured { evidence.hasConfiguredWord = true }
            let opening = position == 0
            let weight = entry.subjectWeight + (opening ? 1 : 0)
            let term = entry.term
            evidence.add(entry.category, weight, rule: Self.wordRules[entry.category.ordinal],
                         opening ? "the subject opens with '\(term)'" : "the subject says '\(term)'")
        }
        if let area { areaRules(area, into: &evidence) }
        bodyRules(body, suppressed: suppressed, into: &evidence)
    }

    /// Rules about how the subject opens, including the classic traps single words get wrong. Returns the
    /// categories whose plain word matches must be ignored because a trap explained them.
    private func openingRules(_ words: Words, into evidence: inout Evidence) -> Set<Category> {
        let tokens = words.tokens
        guard let first = tokens.first else { return [] }
        let rest = tokens.dropFirst()
        // The word after the verb, skipping articles and vague quantifiers.
        let object = rest.first { !Self.fillers.contains($0) }

        // "fix typo", "fix comment", "fix warning": the object is not a defect.
        if Self.fixVerbs.contains(first), let object {
            if Self.documentationObjects.contains(object) {
                evidence.add(.docs, 4, rule: "message.fix-typo",
                             "'\(first) \(object)' corrects text, not a defect")
                return [.fix]
            }
            if Self.styleObjects.contains(object) {
                evidence.add(.refactor, 4, rule: "message.fix-warning",
                             "'\(first) \(object)' tidies the code, not a defect")
                return [.fix]
            }
        }
        // "add a helper", "introduce a wrapper": new code that only restructures.
        if Self.addVerbs.contains(first) || first == "introduce" || first == "introduces",
           rest.contains(where: { Self.restructuringObjects.contains($0) }) {
            let what = rest.first { Self.restructuringObjects.contains($0) } ?? ""
            evidence.add(.refactor, 5, rule: "message.add-helper", "'\(first) … \(what)' restructures the code")
            return [.feature]
        }
        // "add docs for X", "update the README", "add tests for Y": the object says what the commit is.
        if Self.writingVerbs.contains(first) || Self.removalVerbs.contains(first) && rest.contains("comment"),
           let object = rest.prefix(5).first(where: {
            Self.documentationObjects.contains($0) || Self.testObjects.contains($0)
        }) {
            let category: Category = Self.testObjects.contains(object) ? .test : .docs
            evidence.add(category, 4, rule: "message.\(category.rawValue)-object",
                         "'\(first) … \(object)' works on \(category == .test ? "tests" : "documentation")")
            return [.feature]
        }
        // "add missing check", "add NULL check": adding what should have been there is a fix.
        if Self.addVerbs.contains(first), rest.contains(where: { Self.missingObjects.contains($0) }) {
            let what = rest.first { Self.missingObjects.contains($0) } ?? ""
            evidence.add(.fix, 5, rule: "message.add-missing", "'\(first) … \(what)' adds what was missing: a fix")
            return [.feature]
        }
        // "allow X again", "re-enable": restoring what a regression took away.
        if tokens.contains("again") || first == "reenable" || first == "restore" || first == "restores" {
            evidence.add(.fix, 3, rule: "message.restore", "restores earlier behaviour ('\(first)…again')")
            return [.feature]
        }
        // "Do not…", "Don't…", "Avoid…", "Prevent…", "Never…", "Stop…", "Make sure…": common fix subjects.
        if Self.negations.contains(first) || (first == "do" && rest.first == "not")
            || (first == "make" && rest.first == "sure") || (first == "no" && rest.first == "longer") {
            evidence.add(.fix, 3.5, rule: "message.negation", "the subject opens with '\(first)', as fixes often do")
        }
        // "make X work", "make it compile": making something do what it should.
        if first == "make" || first == "makes", let work = rest.firstIndex(where: { Self.workingWords.contains($0) }),
           work - rest.startIndex <= 5 {
            evidence.add(.fix, 3, rule: "message.make-work", "'make … \(tokens[work])' repairs something")
        }
        // "preserve X", "respect Y", "keep Z": describing the behaviour that should have been.
        if Self.correctiveVerbs.contains(first) {
            evidence.add(.fix, 3, rule: "message.corrective-verb", "'\(first) …' restores the intended behaviour")
        }
        if Self.handleVerbs.contains(first) {
            evidence.add(.fix, 2, rule: "message.handle", "'\(first) …' deals with a case that went wrong")
        }
        // "update X to 1.2", "bump Y": a dependency or vendored update.
        if Self.updateVerbs.contains(first), Self.mentionsVersion(words) {
            evidence.add(.maintenance, 4, rule: "message.update-version", "'\(first) … <version>' updates a dependency")
        }
        return []
    }

    /// "… (fix #771)": an issue reference, not a fix word. "Compiler warning fix", "typo fix", "performance fix":
    /// what is fixed is not a defect. Removes the issue references from `words` and returns the categories whose
    /// word matches the traps explained.
    private func fixObjectRules(_ words: inout Words, into evidence: inout Evidence) -> Set<Category> {
        var tokens = words.tokens
        var index = 0
        while index + 1 < tokens.count {
            if (Self.fixVerbs.contains(tokens[index]) || tokens[index] == "closes" || tokens[index] == "see"),
               tokens[index + 1].isNumeric, index > 0 {
                evidence.add(.fix, 1.5, rule: "message.fixes-issue",
                             "the subject says '\(tokens[index]) #\(tokens[index + 1])'")
                tokens.removeSubrange(index...(index + 1))
                continue
            }
            index += 1
        }
        words = Words(tokens: tokens)
        guard let fix = tokens.firstIndex(where: { $0 == "fix" || $0 == "fixes" || $0 == "fixed" }), fix > 0 else {
            return []
        }
        let before = tokens[fix - 1]
        if Self.styleObjects.contains(before) || Self.performanceWords.contains(before) {
            evidence.add(.refactor, 4, rule: "message.fix-warning", "'\(before) \(tokens[fix])' tidies the code, not a defect")
            return [.fix]
        }
        if Self.documentationObjects.contains(before) {
            evidence.add(.docs, 4, rule: "message.fix-typo", "'\(before) \(tokens[fix])' corrects text, not a defect")
            return [.fix]
        }
        return []
    }

    private func areaRules(_ area: String, into evidence: inout Evidence) {
        let area = area.lowercased()
        let head = area.split(separator: "/").first.map(String.init) ?? area
        // "fix: …" in a repository that never adopted Conventional Commits: not decisive, but still a word.
        let type = String(area.prefix { $0.isLetter })
        if let category = ConventionalCommit.typeCategories[type], category != .other {
            evidence.add(category, 4, rule: "message.prefix", "the subject's prefix '\(type):' says \(category.rawValue)")
            return
        }
        if Self.documentationAreas.contains(head) || area.hasSuffix(".md") || area.hasSuffix(".txt")
            || area.hasSuffix(".adoc") {
            evidence.add(.docs, 4, rule: "message.area", "the subject's area '\(area)' is documentation")
        } else if head == "l10n" || head == "i18n" || area.hasSuffix(".po") {
            evidence.add(.other, 4, rule: "message.area", "the subject's area '\(area)' is translation")
        } else if Self.testAreas.contains(head) || area.hasPrefix("t/") || area.hasPrefix("t") && area.count == 6
            && String(area.dropFirst()).isNumeric {
            evidence.add(.test, 3, rule: "message.area", "the subject's area '\(area)' is the tests")
        } else if Self.maintenanceAreas.contains(head) {
            evidence.add(.maintenance, 3, rule: "message.area", "the subject's area '\(area)' is build or CI")
        }
    }

    private func bodyRules(_ body: Substring, suppressed: Set<Category>, into evidence: inout Evidence) {
        guard !body.isEmpty else { return }
        // One pass over the bytes: trailer lines are read as trailers, the rest is prose, read word by word through
        // hashed lookups. Long bodies are read up to a limit, plus their end, where the trailers are.
        var body = body
        var trailers: [(key: String, value: String)] = []
        var matched: [Int] = []
        var mentionsCVE = false
        body.withUTF8 { all in
            let limit = 4000
            let ranges = all.count <= limit ? [0..<all.count] : [0..<limit, max(limit, all.count - 1000)..<all.count]
            var proseBytes = 0
            for range in ranges {
                var start = range.lowerBound
                while start < range.upperBound {
                    // The line's end, found by libc's vectorised memchr: every line is read for trailers.
                    let end = memchr(all.baseAddress! + start, 0x0A, range.upperBound - start)
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(all.baseAddress!) } ?? range.upperBound
                    var first = start
                    while first < end && (all[first] == 0x20 || all[first] == 0x09) { first += 1 }
                    let line = UnsafeBufferPointer(rebasing: all[start..<end])
                    if let trailer = Self.trailer(UnsafeBufferPointer(rebasing: all[first..<end])) {
                        trailers.append(trailer)
                    } else if proseBytes < Self.proseLimit {
                        proseBytes += line.count
                        lexicon.table.scan(line) { index, _ in
                            if !matched.contains(index) { matched.append(index) }
                        }
                        if !mentionsCVE, line.count >= 4 { mentionsCVE = Self.containsCVE(line) }
                    }
                    start = end + 1
                }
            }
        }
        for (key, value) in trailers { trailerRule(key, value, into: &evidence) }
        let entries = matched.map(lexicon.entry(at:))
        let noFunctionalChange = entries.contains { $0.marker == .noFunctionalChange }
        if mentionsCVE {
            evidence.add(.fix, 3, rule: "message.cve", "the message names a CVE")
        }
        if noFunctionalChange {
            evidence.add(.refactor, 3, rule: "message.no-functional-change", "the body says there is no functional change")
        }
        // Weights and the first three terms per category, in arrays indexed by category: no hashing per commit.
        var weights = [Double](repeating: 0, count: Category.count)
        var terms = [[Lexicon.Entry]](repeating: [], count: Category.count)
        for entry in entries where entry.bodyWeight > 0 && !suppressed.contains(entry.category) {
            if entry.isConfigured { evidence.hasConfiguredWord = true }
            let ordinal = entry.category.ordinal
            weights[ordinal] += entry.bodyWeight
            if terms[ordinal].count < 3 { terms[ordinal].append(entry) }
        }
        for category in Self.sortedCategories where weights[category.ordinal] > 0 {
            // The body explains; it adds a little weight, never enough to outvote a clear subject.
            let quoted = terms[category.ordinal].map { "'\($0.term)'" }.joined(separator: ", ")
            evidence.add(category, min(weights[category.ordinal], 2) * 0.75, rule: Self.bodyWordRules[category.ordinal],
                         "the body says \(quoted)")
        }
    }

    private static func containsCVE(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 4, let base = line.baseAddress else { return false }
        var offset = 0
        // From one "C" to the next with memchr, then the three bytes after it.
        while offset <= line.count - 4, let found = memchr(base + offset, 0x43, line.count - 3 - offset) {
            let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if line[index + 1] == 0x56 && line[index + 2] == 0x45 && line[index + 3] == 0x2D { return true }
            offset = index + 1
        }
        return false
    }

    private func trailerRule(_ key: String, _ value: String, into evidence: inout Evidence) {
        switch key {
        case "fixes", "fix", "fixed":
            let token = value.split(separator: " ").first ?? ""
            if token.count >= 7, token.allSatisfy(\.isHexDigit) {
                evidence.add(.fix, 5, rule: "message.fixes-trailer",
                             "a 'Fixes: \(token.prefix(12))' trailer names the commit that introduced the defect")
            } else {
                evidence.add(.fix, 1.5, rule: "message.fixes-trailer", "a 'Fixes' trailer links an issue")
            }
        case "reported-by", "reported", "bug", "bug-id", "bugzilla", "reported-and-tested-by":
            evidence.add(.fix, 1.5, rule: "message.reported-by", "a '\(key)' trailer: someone reported a problem")
        default:
            break
        }
    }

    /// `Key: value` at the start of a line, with a key of letters and dashes (git's trailer syntax), or GitHub's
    /// `Fixes #123`; `nil` for prose. Works on the line's bytes: most lines are prose and cost one scan.
    private static func trailer(_ line: UnsafeBufferPointer<UInt8>) -> (key: String, value: String)? {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var index = line.startIndex
        while index < line.endIndex, index - line.startIndex < 30, isLetter(line[index]) || line[index] == 0x2D {
            index += 1
        }
        if index > line.startIndex, index < line.endIndex, line[index] == 0x3A {
            let key = String(decoding: UnsafeBufferPointer(rebasing: line[line.startIndex..<index]), as: UTF8.self).lowercased()
            var valueStart = index + 1
            while valueStart < line.endIndex && line[valueStart] == 0x20 { valueStart += 1 }
            return (key, String(decoding: UnsafeBufferPointer(rebasing: line[valueStart...]), as: UTF8.self))
        }
        // "Fixes #123", "closes #45": a word, a space, a hash.
        if index > line.startIndex, index + 1 < line.endIndex, line[index] == 0x20, line[index + 1] == 0x23 {
            let key = String(decoding: UnsafeBufferPointer(rebasing: line[line.startIndex..<index]), as: UTF8.self).lowercased()
            if ["fixes", "fix", "fixed", "closes", "resolves"].contains(key) {
                return (key, String(decoding: UnsafeBufferPointer(rebasing: line[(index + 1)...]), as: UTF8.self))
            }
        }
        return nil
    }

    /// `--word` at the start of the subject or after a space: a command-line option.
    static func namesAnOption(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for index in bytes.indices where index + 2 < bytes.count && bytes[index] == 0x2D && bytes[index + 1] == 0x2D {
            let letter = bytes[index + 2]
            if (index == 0 || bytes[index - 1] == 0x20) && (0x61...0x7A).contains(letter) { return true }
        }
        return false
    }

    /// The categories in the order body evidence is added (their `Comparable` order).
    static let sortedCategories = Category.allCases.sorted()

    /// Rule names per category, made once (in `Category.allCases` order).
    static let wordRules = Category.allCases.map { "message.\($0.rawValue)-word" }
    static let bodyWordRules = Category.allCases.map { "message.body-\($0.rawValue)-words" }

    /// How much of a body's prose is read: its opening explains the commit; the rest adds time, not accuracy
    /// (on the labelled commits, 1,000 bytes classify as well as 1,500).
    static let proseLimit = 1000

    static let fillers: Set<String> = ["a", "an", "the", "some", "minor", "small", "trivial", "various", "several",
                                          "more", "few", "two", "all", "remaining", "obvious", "couple", "of", "up"]
    static let negatingWords: Set<String> = ["dont", "not", "never", "no", "cannot", "doesnt", "wont", "nor"]
    static let fixVerbs: Set<String> = ["fix", "fixes", "fixed", "fixing", "correct", "corrects", "corrected"]
    static let documentationObjects: Set<String> = [
        "typo", "typos", "typographical", "spelling", "misspelling", "misspellings", "grammar", "wording",
        "comment", "comments", "doc", "docs", "documentation", "docstring", "manpage", "readme", "link", "links",
        "changelog", "language",
    ]
    static let styleObjects: Set<String> = [
        "whitespace", "indentation", "indent", "style", "formatting", "format", "warning", "warnings", "lint",
        "linter", "checkpatch", "clippy", "eslint", "shellcheck", "pylint", "flake8", "compiler", "gcc", "clang",
        "msvc", "sparse", "cppcheck", "codespell", "spacing", "spaces", "space", "tabs", "includes",
    ]
    static let performanceWords: Set<String> = ["performance", "perf", "speed", "speedup", "optimization",
                                                   "optimisation"]
    static let addVerbs: Set<String> = ["add", "adds", "added", "adding", "insert", "put"]
    static let missingObjects: Set<String> = [
        "missing", "check", "checks", "guard", "guards", "null", "nul", "bounds", "sanity", "validation",
        "safety", "lock", "locking", "free", "cast", "overflow", "errno", "assert", "assertion", "return",
        "braces", "parentheses", "parens", "forgotten", "include", "declaration",
    ]
    /// A version number: two numbers in a row (1.2 → "1", "2"), "v3", "latest" or "version".
    static func mentionsVersion(_ words: Words) -> Bool {
        let tokens = words.tokens
        for index in tokens.indices {
            let token = tokens[index]
            if token == "latest" || token == "version" || token == "versions" { return true }
            if token.isVersionWord { return true }
            if token.isNumeric, index + 1 < tokens.count, tokens[index + 1].isNumeric {
                return true
            }
        }
        return false
    }

    static let workingWords: Set<String> = ["work", "works", "compile", "build", "pass", "succeed", "behave",
                                                "consistent", "correct", "safe", "robust", "portable"]
    static let writingVerbs: Set<String> = ["add", "adds", "added", "adding", "update", "updates", "updated",
                                               "improve", "improves", "improved", "write", "expand", "extend",
                                               "rewrite", "clarify", "polish", "new", "more", "move", "tweak"]
    static let testObjects: Set<String> = ["test", "tests", "testcase", "testcases", "testing", "unittest",
                                              "unittests", "spec", "specs", "coverage", "benchmark", "benchmarks",
                                              "regress", "testsuite"]
    static let removalVerbs: Set<String> = ["remove", "removes", "removed", "drop", "drops", "dropped", "delete",
                                            "deleted", "fix", "fixes", "fixed", "correct", "reword", "update"]
    static let correctiveVerbs: Set<String> = ["preserve", "preserves", "respect", "respects", "retain", "retains",
                                                  "keep", "keeps", "honor", "honour", "honors", "honours", "resolve",
                                                  "properly", "correctly", "recover", "tolerate", "accept"]
    static let restructuringObjects: Set<String> = ["helper", "helpers", "wrapper", "wrappers", "macro",
                                                       "macros", "abstraction", "typedef", "accessor", "accessors"]
    static let negations: Set<String> = ["dont", "never", "avoid", "avoids", "prevent", "prevents", "stop",
                                            "stops", "ensure", "ensures", "disallow", "forbid", "reject", "refuse",
                                            "protect", "guard", "unbreak", "mitigate", "sanitize", "sanitise",
                                            "plug", "squelch"]
    static let handleVerbs: Set<String> = ["handle", "handles", "check", "checks", "validate", "validates",
                                              "detect", "catch", "recover", "retry", "initialize", "initialise",
                                              "reset", "release", "free", "close"]
    static let updateVerbs: Set<String> = ["update", "updates", "updated", "upgrade", "upgrades", "bump", "bumps",
                                              "bumped", "sync", "import", "pull"]
    static let documentationAreas: Set<String> = ["doc", "docs", "documentation", "readme", "man", "manual",
                                                  "manpage", "changes", "changelog", "news", "relnotes", "faq",
                                                  "examples", "example", "website", "install", "contributing",
                                                  "release-notes", "copying", "license"]
    static let testAreas: Set<String> = ["test", "tests", "testing", "testsuite", "t", "unittest", "unittests",
                                         "spec", "specs", "e2e", "fuzz", "fuzzing", "ossfuzz", "runtests", "clar",
                                         "jq.test", "test-lib", "test-lib.sh", "tests/unit"]
    static let maintenanceAreas: Set<String> = ["ci", "build", "cmake", "configure", "makefile", "autotools",
                                                "automake", "autoconf", "meson", "deps", "vendor", "github",
                                                "gha", "workflows", "workflow", "actions", "travis", "appveyor",
                                                "azure", "cirrus", "packaging", "docker", "dockerfile", "mailmap",
                                                "gitignore", "release", "tools", "tooling", "scripts", "m4",
                                                "configure.ac", "makefile.am", "cmakelists.txt"]
}
