#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a commit message says about the commit's purpose: the subject first (its opening verb most), then the
/// body, then its trailers.
///
/// Words are compared by hash (``Words``, ``WordSet``): a subject's rules make no string until a reason quotes one.
struct MessageEvidence {
    let lexicon: Lexicon

    /// Weighs the subject's description (its Conventional-Commit or area prefix removed), the area and the body.
    func collect(description: String, words: Words, area: String?, body: Substring, into evidence: inout Evidence) {
        var words = words
        // "diff: --ignore-cr-at-eol", "log: add --since-as-filter": a subject naming a command-line option.
        if Self.namesAnOption(description) {
            evidence.add(.feature, 1.5, .option)
        }
        var suppressed = openingRules(words, into: &evidence)
        suppressed.formUnion(fixObjectRules(&words, into: &evidence))
        if !suppressed.contains(.fix) { suppressed.formUnion(fixWarningRule(words, into: &evidence)) }
        lexicon.table.scan(words) { index, position in
            let entry = lexicon.entry(at: index)
            guard entry.marker == nil && !suppressed.contains(entry.category) else { return }
            // "don't allow chained replicas", "never enable X": a capability withdrawn, usually because it was wrong.
            if entry.category == .feature, position > 0, Self.negatingWords.contains(words.hash(at: position - 1)) {
                evidence.add(.fix, 2, .negatedFeature(words.token(at: position - 1), term: entry.term))
                return
            }
            if entry.isConfigured { evidence.hasConfiguredWord = true }
            let opening = position == 0
            let weight = entry.subjectWeight + (opening ? 1 : 0)
            evidence.add(entry.category, weight, .word(entry.category, term: entry.term, opening: opening))
        }
        if let area { areaRules(area, into: &evidence) }
        bodyRules(body, suppressed: suppressed, into: &evidence)
    }

    /// Rules about how the subject opens, including the classic traps single words get wrong. Returns the
    /// categories whose plain word matches must be ignored because a trap explained them.
    private func openingRules(_ words: Words, into evidence: inout Evidence) -> CategorySet {
        guard !words.isEmpty else { return .none }
        let first = words.hash(at: 0)
        let count = words.count
        // The word after the verb, skipping articles and vague quantifiers.
        var object: Int?
        for index in 1..<max(1, count) where !Self.fillers.contains(words.hash(at: index)) {
            object = index
            break
        }
        let secondWord = count > 1 ? words.hash(at: 1) : nil

        // "fix typo", "fix comment", "fix warning": the object is not a defect.
        if Self.fixVerbs.contains(first), let object {
            if Self.documentationObjects.contains(words.hash(at: object)) {
                evidence.add(.docs, 4, .fixTypo(words.token(at: 0), words.token(at: object)))
                return CategorySet(.fix)
            }
            if Self.styleObjects.contains(words.hash(at: object)) {
                evidence.add(.refactor, 4, .fixWarning(words.token(at: 0), words.token(at: object)))
                return CategorySet(.fix)
            }
        }
        // "add a helper", "introduce a wrapper": new code that only restructures.
        if Self.addVerbs.contains(first) || first == Self.introduce || first == Self.introduces,
           let what = words.firstIndex(in: Self.restructuringObjects, from: 1) {
            evidence.add(.refactor, 5, .addHelper(words.token(at: 0), words.token(at: what)))
            return CategorySet(.feature)
        }
        // "add docs for X", "update the README", "add tests for Y": the object says what the commit is.
        if Self.writingVerbs.contains(first)
            || Self.removalVerbs.contains(first) && words.firstIndex(in: Self.comment, from: 1) != nil,
           let object = words.firstIndex(in: Self.documentationOrTestObjects, from: 1, to: 6) {
            let category: Category = Self.testObjects.contains(words.hash(at: object)) ? .test : .docs
            evidence.add(category, 4, .worksOn(category, words.token(at: 0), words.token(at: object)))
            return CategorySet(.feature)
        }
        // "add missing check", "add NULL check": adding what should have been there is a fix.
        if Self.addVerbs.contains(first), let what = words.firstIndex(in: Self.missingObjects, from: 1) {
            evidence.add(.fix, 5, .addMissing(words.token(at: 0), words.token(at: what)))
            return CategorySet(.feature)
        }
        // "allow X again", "re-enable": restoring what a regression took away.
        if words.contains(Self.again) || first == Self.reenable || first == Self.restore || first == Self.restores {
            evidence.add(.fix, 3, .restore(words.token(at: 0)))
            return CategorySet(.feature)
        }
        // "Do not…", "Don't…", "Avoid…", "Prevent…", "Never…", "Stop…", "Make sure…": common fix subjects.
        if Self.negations.contains(first) || (first == Self.do && secondWord == Self.not)
            || (first == Self.make && secondWord == Self.sure) || (first == Self.no && secondWord == Self.longer) {
            evidence.add(.fix, 3.5, .negation(words.token(at: 0)))
        }
        // "make X work", "make it compile": making something do what it should.
        if first == Self.make || first == Self.makes, let work = words.firstIndex(in: Self.workingWords, from: 1),
           work - 1 <= 5 {
            evidence.add(.fix, 3, .makeWork(words.token(at: work)))
        }
        // "preserve X", "respect Y", "keep Z": describing the behaviour that should have been.
        if Self.correctiveVerbs.contains(first) {
            evidence.add(.fix, 3, .correctiveVerb(words.token(at: 0)))
        }
        if Self.handleVerbs.contains(first) {
            evidence.add(.fix, 2, .handle(words.token(at: 0)))
        }
        // "update X to 1.2", "bump Y": a dependency or vendored update.
        if Self.updateVerbs.contains(first), Self.mentionsVersion(words) {
            evidence.add(.maintenance, 4, .updateVersion(words.token(at: 0)))
        }
        return .none
    }

    /// "… (fix #771)": an issue reference, not a fix word. "Compiler warning fix", "typo fix", "performance fix":
    /// what is fixed is not a defect. Removes the issue references from `words` and returns the categories whose
    /// word matches the traps explained.
    private func fixObjectRules(_ words: inout Words, into evidence: inout Evidence) -> CategorySet {
        var index = 0
        while index + 1 < words.count {
            let hash = words.hash(at: index)
            if (Self.fixVerbs.contains(hash) || hash == Self.closes || hash == Self.see),
               words.words[index + 1].isNumeric, index > 0 {
                evidence.add(.fix, 1.5, .fixesIssue(words.token(at: index), words.token(at: index + 1)))
                words.remove(index...(index + 1))
                continue
            }
            index += 1
        }
        guard let fix = words.firstIndex(in: Self.fixWords), fix > 0 else {
            return .none
        }
        let before = words.hash(at: fix - 1)
        if Self.styleObjects.contains(before) || Self.performanceWords.contains(before) {
            evidence.add(.refactor, 4, .fixWarning(words.token(at: fix - 1), words.token(at: fix)))
            return CategorySet(.fix)
        }
        if Self.documentationObjects.contains(before) {
            evidence.add(.docs, 4, .fixTypo(words.token(at: fix - 1), words.token(at: fix)))
            return CategorySet(.fix)
        }
        return .none
    }

    /// "Fix unused warning", "Hide or fix some warnings", "Change a type to fix a warning with some compilers": a
    /// fix verb whose object, a few words on, is a warning or the code's layout. The protocol calls these
    /// refactors; the opening rule only sees the word right after the verb. A preposition or conjunction in between
    /// ("fix crash when a warning is printed") starts another clause, and the rule does not fire.
    private func fixWarningRule(_ words: Words, into evidence: inout Evidence) -> CategorySet {
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard Self.fixVerbs.contains(words.hash(at: index)) else { continue }
            var next = index + 1
            while next < min(words.count, index + 4) {
                let hash = words.hash(at: next)
                if Self.clauseWords.contains(hash) { break }
                if Self.warningObjects.contains(hash) {
                    evidence.add(.refactor, 4, .fixWarning(words.token(at: index), words.token(at: next)))
                    return CategorySet(.fix)
                }
                next += 1
            }
        }
        return .none
    }

    private func areaRules(_ area: String, into evidence: inout Evidence) {
        if area.utf8.allSatisfy({ $0 < 0x80 }) {
            asciiAreaRules(area, into: &evidence)
            return
        }
        let area = area.lowercased()
        let head = area.split(separator: "/").first.map(String.init) ?? area
        // "fix: …" in a repository that never adopted Conventional Commits: not decisive, but still a word.
        let type = String(area.prefix { $0.isLetter })
        if let category = ConventionalCommit.typeCategories[type], category != .other {
            evidence.add(category, 4, .prefix(type, category))
            return
        }
        if Self.documentationAreas.contains(head) || area.hasSuffix(".md") || area.hasSuffix(".txt")
            || area.hasSuffix(".adoc") {
            evidence.add(.docs, 4, .area(area, "documentation"))
        } else if head == "l10n" || head == "i18n" || area.hasSuffix(".po") {
            evidence.add(.other, 4, .area(area, "translation"))
        } else if Self.testAreas.contains(head) || area.hasPrefix("t/") || area.hasPrefix("t") && area.count == 6
            && String(area.dropFirst()).isNumeric {
            evidence.add(.test, 3, .area(area, "the tests"))
        } else if Self.maintenanceAreas.contains(head) {
            evidence.add(.maintenance, 3, .area(area, "build or CI"))
        }
    }

    /// ``areaRules(_:into:)`` for an ASCII area, where bytes are characters: the area's words compared by hash
    /// (``WordSet``), its lower-cased text only made when a rule fires.
    private func asciiAreaRules(_ area: String, into evidence: inout Evidence) {
        var lowered = area
        let bytes = Array(area.utf8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var made = false
        func text() -> String {
            if !made {
                lowered = String(decoding: bytes, as: UTF8.self)
                made = true
            }
            return lowered
        }
        // The head: the first non-empty part between slashes, or the whole area when there is none.
        let head = WordHash.head(ofASCII: bytes)
        // "fix: …" in a repository that never adopted Conventional Commits: not decisive, but still a word.
        var letters = 0
        while letters < bytes.count && (0x61...0x7A).contains(bytes[letters]) { letters += 1 }
        if let category = Self.typeCategoryHashes.value(WordHash.hash(bytes[0..<letters])), category != .other {
            evidence.add(category, 4, .prefix(String(decoding: bytes[0..<letters], as: UTF8.self), category))
            return
        }
        func hasSuffix(_ suffix: String) -> Bool { bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        if Self.documentationAreaSet.contains(head) || hasSuffix(".md") || hasSuffix(".txt") || hasSuffix(".adoc") {
            evidence.add(.docs, 4, .area(text(), "documentation"))
        } else if head == Self.l10n || head == Self.i18n || hasSuffix(".po") {
            evidence.add(.other, 4, .area(text(), "translation"))
        } else if Self.testAreaSet.contains(head) || bytes.starts(with: [0x74, 0x2F])
            || bytes.first == 0x74 && bytes.count == 6 && bytes.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) {
            evidence.add(.test, 3, .area(text(), "the tests"))
        } else if Self.maintenanceAreaSet.contains(head) {
            evidence.add(.maintenance, 3, .area(text(), "build or CI"))
        }
    }

    private func bodyRules(_ body: Substring, suppressed: CategorySet, into evidence: inout Evidence) {
        guard !body.isEmpty else { return }
        // One pass over the bytes: trailer lines are read as trailers, the rest is prose, read word by word through
        // hashed lookups. Long bodies are read up to a limit, plus their end, where the trailers are.
        var body = body
        var trailers: [(key: String, value: String)] = []
        var matched: [Int32] = []
        matched.reserveCapacity(16)
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
                    if Self.readTrailer(UnsafeBufferPointer(rebasing: all[first..<end]), into: &trailers) {
                        // A trailer, read (or one no rule reads).
                    } else if proseBytes < Self.proseLimit {
                        proseBytes += line.count
                        // `matched` is the scan's record of what it found: each phrase comes once.
                        lexicon.table.scan(line, seen: &matched) { _, _ in }
                        if !mentionsCVE, line.count >= 4 { mentionsCVE = Self.containsCVE(line) }
                    }
                    start = end + 1
                }
            }
        }
        for (key, value) in trailers { trailerRule(key, value, into: &evidence) }
        if mentionsCVE {
            evidence.add(.fix, 3, .cve)
        }
        if matched.contains(where: { lexicon.entry(at: Int($0)).marker == .noFunctionalChange }) {
            evidence.add(.refactor, 3, .noFunctionalChange)
        }
        // Weights per category, inline and indexed by category: no hashing, nothing allocated.
        var weights = InlineArray<9, Double>(repeating: 0)
        for index in matched {
            let entry = lexicon.entry(at: Int(index))
            guard entry.bodyWeight > 0 && !suppressed.contains(entry.category) else { continue }
            if entry.isConfigured { evidence.hasConfiguredWord = true }
            weights[entry.category.ordinal] += entry.bodyWeight
        }
        for category in Self.sortedCategories where weights[category.ordinal] > 0 {
            // The body explains; it adds a little weight, never enough to outvote a clear subject. The reason quotes
            // the category's first three terms.
            var terms: (String?, String?, String?) = (nil, nil, nil)
            for index in matched where terms.2 == nil {
                let entry = lexicon.entry(at: Int(index))
                guard entry.category == category && entry.bodyWeight > 0 && !suppressed.contains(entry.category)
                else { continue }
                if terms.0 == nil { terms.0 = entry.term } else if terms.1 == nil { terms.1 = entry.term } else {
                    terms.2 = entry.term
                }
            }
            evidence.add(category, min(weights[category.ordinal], 2) * 0.75,
                         .bodyWords(category, terms.0 ?? "", terms.1, terms.2))
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
                evidence.add(.fix, 5, .fixesCommit(token.prefix(12)))
            } else {
                evidence.add(.fix, 1.5, .fixesLink)
            }
        case "reported-by", "reported", "bug", "bug-id", "bugzilla", "reported-and-tested-by":
            evidence.add(.fix, 1.5, .reportedBy(key))
        default:
            break
        }
    }

    /// Whether a line is a trailer: `Key: value` at the start of a line, with a key of letters and dashes (git's
    /// trailer syntax), or GitHub's `Fixes #123`. Appends the key (lower-cased) and the value of a trailer a rule
    /// reads to `trailers`. Works on the line's bytes: most lines are prose and cost one scan, and most trailers
    /// (`Signed-off-by`) are recognised without making a string.
    private static func readTrailer(_ line: UnsafeBufferPointer<UInt8>,
                                    into trailers: inout [(key: String, value: String)]) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var index = line.startIndex
        while index < line.endIndex, index - line.startIndex < 30, isLetter(line[index]) || line[index] == 0x2D {
            index += 1
        }
        // The key's hash, lower-cased (only for lines that have a key: most lines are prose).
        var keyHash: UInt64 {
            WordHash.hash(UnsafeBufferPointer(rebasing: line[line.startIndex..<index]).lazy.map { $0 | 0x20 })
        }
        func key() -> String {
            String(decoding: UnsafeBufferPointer(rebasing: line[line.startIndex..<index]), as: UTF8.self).lowercased()
        }
        if index > line.startIndex, index < line.endIndex, line[index] == 0x3A {
            if readTrailerKeys.contains(keyHash) {
                var valueStart = index + 1
                while valueStart < line.endIndex && line[valueStart] == 0x20 { valueStart += 1 }
                trailers.append((key(), String(decoding: UnsafeBufferPointer(rebasing: line[valueStart...]),
                                               as: UTF8.self)))
            }
            return true
        }
        // "Fixes #123", "closes #45": a word, a space, a hash.
        if index > line.startIndex, index + 1 < line.endIndex, line[index] == 0x20, line[index + 1] == 0x23,
           issueKeys.contains(keyHash) {
            if fixWords.contains(keyHash) {
                trailers.append((key(), String(decoding: UnsafeBufferPointer(rebasing: line[(index + 1)...]),
                                               as: UTF8.self)))
            }
            return true
        }
        return false
    }

    /// The trailer keys a rule reads (``trailerRule(_:_:into:)``).
    private static let readTrailerKeys = WordSet(["fixes", "fix", "fixed", "reported-by", "reported", "bug", "bug-id",
                                                  "bugzilla", "reported-and-tested-by"])
    /// The words of GitHub's `Fixes #123` lines.
    private static let issueKeys = WordSet(["fixes", "fix", "fixed", "closes", "resolves"])

    /// `--word` at the start of the subject or after a space: a command-line option.
    static func namesAnOption(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(namesAnOption) ?? Array(text.utf8).withUnsafeBufferPointer(namesAnOption)
    }

    private static func namesAnOption(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0x2D && bytes[index + 1] == 0x2D {
                let letter = bytes[index + 2]
                if (index == 0 || bytes[index - 1] == 0x20) && (0x61...0x7A).contains(letter) { return true }
            }
            index += 1
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

    static let documentationOrTestObjects = WordSet(documentationObjectWords + testObjectWords)
    static let fixWords = WordSet(["fix", "fixes", "fixed"])
    static let comment = WordSet(["comment"])
    // Single words the rules name.
    static let introduce = WordHash.of("introduce"), introduces = WordHash.of("introduces")
    static let again = WordHash.of("again"), reenable = WordHash.of("reenable"), restore = WordHash.of("restore")
    static let restores = WordHash.of("restores")
    static let `do` = WordHash.of("do"), not = WordHash.of("not"), make = WordHash.of("make")
    static let makes = WordHash.of("makes"), sure = WordHash.of("sure"), no = WordHash.of("no")
    static let longer = WordHash.of("longer"), closes = WordHash.of("closes"), see = WordHash.of("see")
    static let latest = WordHash.of("latest"), version = WordHash.of("version"), versions = WordHash.of("versions")

    static let fillers = WordSet(["a", "an", "the", "some", "minor", "small", "trivial", "various", "several",
                                          "more", "few", "two", "all", "remaining", "obvious", "couple", "of", "up"])
    static let negatingWords = WordSet(["dont", "not", "never", "no", "cannot", "doesnt", "wont", "nor"])
    static let fixVerbs = WordSet(["fix", "fixes", "fixed", "fixing", "correct", "corrects", "corrected"])
    static let documentationObjects = WordSet(documentationObjectWords)
    static let documentationObjectWords = [
        "typo", "typos", "typographical", "spelling", "misspelling", "misspellings", "grammar", "wording",
        "comment", "comments", "doc", "docs", "documentation", "docstring", "manpage", "readme", "link", "links",
        "changelog", "language",
    ]
    static let styleObjects = WordSet([
        "whitespace", "indentation", "indent", "style", "formatting", "format", "warning", "warnings", "lint",
        "linter", "checkpatch", "clippy", "eslint", "shellcheck", "pylint", "flake8", "compiler", "gcc", "clang",
        "msvc", "sparse", "cppcheck", "codespell", "spacing", "spaces", "space", "tabs", "includes",
    ])
    /// What ``fixWarningRule(_:into:)`` looks for a few words after a fix verb: warnings and layout, not the
    /// compilers (a build fixed for a compiler is a repair).
    static let warningObjects = WordSet(["warning", "warnings", "whitespace", "indentation", "spacing", "spaces",
                                         "formatting", "lint", "checkpatch", "codespell", "shellcheck"])
    /// Words that open another clause: what follows them is not the fix verb's object.
    static let clauseWords = WordSet(["when", "if", "in", "on", "for", "after", "before", "while", "with", "and",
                                      "by", "that", "which", "where", "from", "to"])
    static let performanceWords = WordSet(["performance", "perf", "speed", "speedup", "optimization",
                                                   "optimisation"])
    static let addVerbs = WordSet(["add", "adds", "added", "adding", "insert", "put"])
    static let missingObjects = WordSet([
        "missing", "check", "checks", "guard", "guards", "null", "nul", "bounds", "sanity", "validation",
        "safety", "lock", "locking", "free", "cast", "overflow", "errno", "assert", "assertion", "return",
        "braces", "parentheses", "parens", "forgotten", "include", "declaration",
    ])
    /// A version number: two numbers in a row (1.2 → "1", "2"), "v3", "latest" or "version".
    static func mentionsVersion(_ words: Words) -> Bool {
        let all = words.words
        for index in all.indices {
            let word = all[index]
            if word.hash == latest || word.hash == version || word.hash == versions { return true }
            if word.isVersionWord { return true }
            if word.isNumeric, index + 1 < all.count, all[index + 1].isNumeric {
                return true
            }
        }
        return false
    }

    static let workingWords = WordSet(["work", "works", "compile", "build", "pass", "succeed", "behave",
                                                "consistent", "correct", "safe", "robust", "portable"])
    static let writingVerbs = WordSet(["add", "adds", "added", "adding", "update", "updates", "updated",
                                               "improve", "improves", "improved", "write", "expand", "extend",
                                               "rewrite", "clarify", "polish", "new", "more", "move", "tweak"])
    static let testObjects = WordSet(testObjectWords)
    static let testObjectWords = ["test", "tests", "testcase", "testcases", "testing", "unittest",
                                              "unittests", "spec", "specs", "coverage", "benchmark", "benchmarks",
                                              "regress", "testsuite"]
    static let removalVerbs = WordSet(["remove", "removes", "removed", "drop", "drops", "dropped", "delete",
                                            "deleted", "fix", "fixes", "fixed", "correct", "reword", "update"])
    static let correctiveVerbs = WordSet(["preserve", "preserves", "respect", "respects", "retain", "retains",
                                                  "keep", "keeps", "honor", "honour", "honors", "honours", "resolve",
                                                  "properly", "correctly", "recover", "tolerate", "accept"])
    static let restructuringObjects = WordSet(["helper", "helpers", "wrapper", "wrappers", "macro",
                                                       "macros", "abstraction", "typedef", "accessor", "accessors"])
    static let negations = WordSet(["dont", "never", "avoid", "avoids", "prevent", "prevents", "stop",
                                            "stops", "ensure", "ensures", "disallow", "forbid", "reject", "refuse",
                                            "protect", "guard", "unbreak", "mitigate", "sanitize", "sanitise",
                                            "plug", "squelch"])
    static let handleVerbs = WordSet(["handle", "handles", "check", "checks", "validate", "validates",
                                              "detect", "catch", "recover", "retry", "initialize", "initialise",
                                              "reset", "release", "free", "close"])
    static let updateVerbs = WordSet(["update", "updates", "updated", "upgrade", "upgrades", "bump", "bumps",
                                              "bumped", "sync", "import", "pull"])
    static let documentationAreaSet = WordSet(Array(documentationAreas))
    static let testAreaSet = WordSet(Array(testAreas))
    static let maintenanceAreaSet = WordSet(Array(maintenanceAreas))
    static let typeCategoryHashes = WordTable(ConventionalCommit.typeCategories)
    static let l10n = WordHash.of("l10n"), i18n = WordHash.of("i18n")
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
