import Dispatch
import Foundation
import History

/// Decides what each commit was for — one category, its bucket, a confidence and the reasons — from its message
/// and its churn.
///
/// The rules run from the most certain to the least:
/// 1. structure: merges, reverts, bot authors, releases and version bumps;
/// 2. a Conventional-Commit type, in a repository that has adopted them;
/// 3. what the diff touched: only documentation is docs whatever the message says, only tests is test, only CI or
///    dependencies is maintenance;
/// 4. the words of the message, subject first, with the classic traps handled ("add missing check" is a fix,
///    "fix typo" is documentation);
/// 5. the shape of the churn, which decides what the words do not;
/// 6. a learned model that weighs the evidence of 4 and 5 together with the subject's words and the change's shape,
///    as labelled commits taught it (``LinearModel``), unless the configuration turns it off.
///
/// Classification is pure and cheap (a few microseconds a commit), so it is recomputed on every run and a changed
/// configuration takes effect at once.
public struct CommitClassifier: Sendable {
    public let configuration: ClassifierConfiguration
    public let adoption: ConventionalCommitAdoption
    private let message: MessageEvidence
    private let paths: PathClassifier
    private let pathClasses = PathClassCache()
    private let botCache = BotCache()
    private let bots: [String]
    private let model: LinearModel?

    public init(configuration: ClassifierConfiguration = ClassifierConfiguration(),
                adoption: ConventionalCommitAdoption) {
        self.configuration = configuration
        switch configuration.conventionalCommits {
        case .auto: self.adoption = adoption
        case .always: self.adoption = .forced(true)
        case .never: self.adoption = .forced(false)
        }
        message = MessageEvidence(lexicon: Lexicon(extraWords: configuration.words))
        paths = PathClassifier(extra: configuration.paths)
        bots = configuration.bots.map { $0.lowercased() }
        model = configuration.learnedModel ? LinearModel.shipped : nil
    }

    public func classify(_ record: CommitRecord) -> Classification {
        switch triage(record) {
        case .decided(let classification): return classification
        case .open(let open):
            guard let model else { return decide(open.evidence) }
            return decide(open, with: model)
        }
    }

    /// What the last stage reads when no structural, Conventional-Commit or path rule decided.
    struct OpenCommit {
        let record: CommitRecord
        let area: String?
        let words: Words
        let body: Substring
        let classes: [PathClass]
        let evidence: Evidence
    }

    enum Triage {
        case decided(Classification)
        case open(OpenCommit)
    }

    /// Runs the rules in order; the first certain one decides, or the message and churn evidence is collected.
    func triage(_ record: CommitRecord) -> Triage {
        if record.isMerge {
            return .decided(decided(.merge, 1, Reason(.merge(parents: record.parents.count))))
        }
        let subject = record.summary
        let body = Self.body(of: record.message)
        if let revert = Self.revertReason(subject: subject, body: body) {
            return .decided(decided(.revert, 0.97, revert))
        }
        if let bot = botReason(record.author) {
            return .decided(decided(.maintenance, 0.95, bot))
        }

        let conventional = ConventionalCommit.parse(subject: subject, body: body)
        if adoption.isAdopted, let conventional, let category = conventional.declaredCategory {
            return .decided(decided(category, 0.95,
                                    Reason(.conventionalType(conventional.type, scope: conventional.scope, adoption))))
        }
        var (area, description) = Self.splitArea(subject: subject, conventional: conventional)
        // "Sync OpenBSD patchset 180:", "Fixes from Bob:": a subject that only introduces the body says nothing;
        // the body's first line says what the commit does.
        if subject.hasSuffix(":"), let line = body.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) {
            (area, description) = Self.splitArea(subject: String(line).trimmingSpaces(), conventional: nil)
        }

        let words = Words(description)
        if let release = Self.releaseReason(words) {
            return .decided(decided(.other, 0.85, release))
        }
        if words.contains(Self.copyright) {
            return .decided(decided(.other, 0.8, Reason(rule: "structure.copyright",
                                                        detail: "the subject updates copyright notices")))
        }

        let classes = record.files.map { pathClasses.classify($0, with: paths) }
        if let pathDecision = pathRule(record, classes: classes, words: words) {
            return .decided(pathDecision)
        }

        var evidence = Evidence()
        message.collect(description: description, words: words, area: area, body: body, into: &evidence)
        churnRules(record, classes: classes, into: &evidence)
        return .open(OpenCommit(record: record, area: area, words: words, body: body, classes: classes,
                                evidence: evidence))
    }

    // MARK: Structure

    private func decided(_ category: Category, _ confidence: Double, _ reason: Reason) -> Classification {
        Classification(category: category, bucket: configuration.buckets.bucket(for: category),
                       confidence: confidence, reasons: [reason])
    }

    /// The message after its first paragraph (the subject).
    public static func body(of message: String) -> Substring {
        // Leading empty lines skipped (a line feed is always a character of its own, so bytes say the same).
        let leading = message.utf8.prefix { $0 == 0x0A }.count
        let text = message[message.utf8.index(message.utf8.startIndex, offsetBy: leading)...]
        guard let offset = text.firstByteOffset(of: "\n\n") else { return "" }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset + 2)
        return text[start...]
    }

    static func revertReason(subject: String, body: Substring) -> Reason? {
        // "Revert \"…\"", "revert 1234abc": compared byte by byte, case-insensitively, without a lower-cased copy.
        if subject.utf8.count >= 7, zip(subject.utf8.prefix(7), "revert ".utf8).allSatisfy({ $0 | 0x20 == $1 }) {
            return Reason(.revertSubject)
        }
        // git writes the line at the top of the body; a long body is not searched to its end.
        if body.firstByteOffset(of: "This reverts commit ", within: 600) != nil {
            let head = Substring(body.utf8.prefix(600))
            let offset = head.firstByteOffset(of: "This reverts commit ") ?? 0
            let start = head.utf8.index(head.utf8.startIndex, offsetBy: offset + "This reverts commit ".utf8.count)
            let sha = head[start...].prefix { $0.isHexDigit }
            return Reason(.revertBody(sha.prefix(12)))
        }
        return nil
    }

    /// Whether an author is a bot: their commits are maintenance and spend no dev-days.
    public func isBot(_ author: Identity) -> Bool {
        botReason(author) != nil
    }

    private func botReason(_ author: Identity) -> Reason? {
        if let known = botCache.known(author) { return known.reason }
        let reason = findBot(author)
        botCache.remember(author, reason)
        return reason
    }

    private func findBot(_ author: Identity) -> Reason? {
        let name = author.name.lowercased(), email = author.email.lowercased()
        if name.hasSuffix("[bot]") || email.containsBytes("[bot]@") {
            return Reason(rule: "structure.bot", detail: "the author '\(author.name)' is a bot")
        }
        for known in Self.knownBots + bots where name.containsBytes(known) || email.containsBytes(known) {
            return Reason(rule: "structure.bot", detail: "the author '\(author.name)' is a bot ('\(known)')")
        }
        return nil
    }

    public static let knownBots = ["dependabot", "renovate", "github-actions", "greenkeeper", "snyk-bot", "pre-commit-ci",
                            "mergify", "allcontributors", "imgbot", "weblate", "semantic-release-bot"]

    /// Splits `area: description` (or a Conventional-Commit prefix not trusted as a type) from the subject.
    static func splitArea(subject: String, conventional: ConventionalCommit?) -> (area: String?, description: String) {
        if let conventional {
            return (conventional.scope.map { "\(conventional.type)(\($0))" } ?? conventional.type,
                    conventional.description)
        }
        var text = Substring(subject)
        // "[area] subject"
        if subject.utf8.first == 0x5B, text.first == "[", let close = text.firstIndex(of: "]"), text.distance(from: text.startIndex, to: close) <= 32 {
            let area = text[text.index(after: text.startIndex)..<close]
            return (String(area), String(text[text.index(after: close)...]).trimmingSpaces())
        }
        // "area: subject", "area/sub: subject", "a, b: subject": a short prefix without spaces, then ": ".
        if let offset = text.firstByteOffset(of: ": ") {
            let colon = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            let after = text.utf8.index(colon, offsetBy: 2)
            let area = text[text.startIndex..<colon]
            // An area has no spaces ("builtin/log.c", "t7004", "CI/azure"), except in a list ("doc, tests").
            if !area.isEmpty, area.utf8.count <= 40 || area.count <= 40, Self.isAreaList(area) {
                text = text[after...]
                return (String(area), String(text).trimmingSpaces())
            }
        }
        return (nil, subject)
    }

    /// Whether the text before ": " is one word, or a list of words each but the last ending with a comma.
    private static func isAreaList(_ area: Substring) -> Bool {
        guard area.utf8.allSatisfy({ $0 < 0x80 }) else {
            // Beyond ASCII a space can be part of a larger character: compared as characters.
            let words = area.split(separator: " ")
            return words.count == 1 || words.dropLast().allSatisfy { $0.hasSuffix(",") }
        }
        // ASCII: bytes are characters. Words are split at spaces, empty ones left out, as `split` does.
        var words = 0
        var allListed = true  // every word before the current one ended with a comma
        var wordEndsListed = true  // the current word so far ends with a comma
        var previous: UInt8 = 0x20
        for byte in area.utf8 {
            if byte != 0x20 {
                if previous == 0x20 {
                    // A word starts: the one before it must have ended with a comma.
                    if words > 0 && !wordEndsListed { allListed = false }
                    words += 1
                }
                wordEndsListed = byte == 0x2C
            }
            previous = byte
        }
        return words == 1 || allListed
    }

    /// "Redis 7.2.4", "v1.8.1", "Release 2.3", "Bump version to 1.2", "Prepare for 2.40", "Git 2.44-rc0".
    static func releaseReason(_ words: Words) -> Reason? {
        guard !words.isEmpty else { return nil }
        let first = words.hash(at: 0)
        // "Start working on the next release", "Prepare for the release": release chores without a number.
        if Self.releaseCycleVerbs.contains(first), words.count <= 8,
           words.contains(Self.release) || words.contains(Self.cycle) {
            return Reason(rule: "structure.release", detail: "the subject starts a release cycle ('\(words.token(at: 0)) …')")
        }
        // Versions: numbers ("7.2.4" is three), or "v2".
        var numbers = 0, vNumbers = 0
        for word in words.words {
            if word.startsWithDigit { numbers += 1 } else if word.isVersionWord { vNumbers += 1 }
        }
        guard numbers >= 2 || vNumbers > 0 else { return nil }
        var others = 0
        for word in words.words
        where !word.startsWithDigit && !word.isVersionWord && !Self.preReleaseWords.contains(word.hash) {
            others += 1
        }
        if others <= 1 {
            return Reason(rule: "structure.release", detail: "the subject is a version: a release")
        }
        if Self.releaseVerbs.contains(first), others <= 7 {
            return Reason(rule: "structure.release",
                          detail: "the subject prepares or makes a release ('\(words.token(at: 0)) …')")
        }
        return nil
    }

    private static let preReleaseWords = WordSet(["rc", "rc0", "rc1", "rc2", "rc3", "beta", "alpha"])
    // "version: bump for next cycle", "Bump version for the next release": the number moves, nothing else.
    private static let releaseCycleVerbs = WordSet(["start", "starting", "begin", "prepare", "preparing", "open",
                                                    "opening", "bump", "bumps", "bumped"])
    private static let releaseVerbs = WordSet(["release", "released", "releasing", "prepare", "preparing", "bump",
                                               "bumped", "tag", "tagged", "start", "version", "changelog", "relnotes"])
    private static let release = WordHash.of("release"), cycle = WordHash.of("cycle")
    private static let copyright = WordHash.of("copyright")

    // MARK: Paths

    /// A decision from what the diff touched alone, when it is unambiguous.
    private func pathRule(_ record: CommitRecord, classes: [PathClass], words: Words) -> Classification? {
        guard !classes.isEmpty else { return nil }
        let kinds = PathClassSet(classes)
        let count = record.files.count
        func only(_ category: Category, _ confidence: Double, _ rule: String, _ what: String) -> Classification {
            decided(category, confidence, Reason(.pathsOnly(rule: rule, what: what, files: count)))
        }
        if kinds == [.generated] { return only(.maintenance, 0.8, "paths.only-generated", "generated files") }
        let meaningful = kinds.removing(.generated)
        if meaningful == [.docs] { return only(.docs, 0.9, "paths.only-documentation", "documentation") }
        if meaningful == [.test] { return only(.test, 0.85, "paths.only-tests", "tests") }
        if meaningful == [.docs, .test] {
            var docLines = 0, testLines = 0
            for index in record.files.indices {
                let lines = max(1, record.files[index].added + record.files[index].deleted)
                if classes[index] == .docs { docLines += lines } else if classes[index] == .test { testLines += lines }
            }
            return docLines >= testLines
                ? only(.docs, 0.75, "paths.only-documentation", "documentation and tests, mostly documentation")
                : only(.test, 0.75, "paths.only-tests", "tests and documentation, mostly tests")
        }
        if meaningful == [.ci] { return only(.maintenance, 0.9, "paths.only-CI", "CI configuration") }
        if meaningful == [.dependencies] {
            return only(.maintenance, 0.9, "paths.only-dependencies", "dependencies (manifests, lockfiles, vendored code)")
        }
        if meaningful.isSubset(of: [.ci, .build, .dependencies]) {
            // Build changes are maintenance, unless the message says they repair a broken build. "Add install
            // rules", "support /WX", "Add .gitignore": a capability of the build is still maintenance (on the
            // 1,200 hand-labelled commits such subjects were maintenance 4 times in 6, a feature once).
            var evidence = Evidence()
            message.collect(description: words.text, words: words, area: nil, body: "", into: &evidence)
            if evidence.score(.fix) >= 3, evidence.score(.fix) > evidence.score(.feature) {
                return Classification(category: .fix, bucket: configuration.buckets.bucket(for: .fix), confidence: 0.65,
                                      reasons: [Reason(.pathsOnlyBuild(files: count, purpose: "to repair the build"))]
                                          + evidence.reasons(.fix))
            }
            return only(.maintenance, 0.8, "paths.only-build", "build, CI or dependency files")
        }
        return nil
    }

    // MARK: Churn

    /// The shape of the change: new files and mostly added lines lean feature; renames and deletions lean
    /// refactor; a few lines in one or two existing files lean fix.
    private func churnRules(_ record: CommitRecord, classes: [PathClass], into evidence: inout Evidence) {
        // The shape of the code change alone: tests and docs that come with it say little about its purpose.
        var added = 0, deleted = 0, newFiles = 0, renames = 0, files = 0
        var testLines = 0, docLines = 0, allLines = 0
        // Indices rather than zip: iterating the files by value would copy (and retain) each one.
        for index in record.files.indices where classes[index] != .generated && record.files[index].counts {
            let pathClass = classes[index]
            let fileAdded = record.files[index].added, fileDeleted = record.files[index].deleted
            let lines = fileAdded + fileDeleted
            allLines += lines
            switch pathClass {
            case .test: testLines += lines
            case .docs: docLines += lines
            default:
                files += 1
                added += fileAdded
                deleted += fileDeleted
                if record.files[index].status == .added && (pathClass == .code || pathClass == .other) { newFiles += 1 }
                if record.files[index].status == .renamed { renames += 1 }
            }
        }
        if docLines * 2 > allLines && allLines > 0 {
            evidence.add(.docs, 1, .churnDocs, fromMessage: false)
        }
        guard files > 0 else { return }
        if record.parents.isEmpty {
            evidence.add(.feature, 2, .firstCommit, fromMessage: false)
        }
        if newFiles > 0 && added >= 3 * deleted + 20 {
            evidence.add(.feature, 1.5, .newCode(added: added, deleted: deleted, newFiles: newFiles), fromMessage: false)
        } else if renames > 0 && renames * 2 >= files {
            evidence.add(.refactor, 1.5, .renames(renames, of: files), fromMessage: false)
        } else if deleted >= 2 * added && deleted >= 10 {
            evidence.add(.refactor, 1, .deletions(added: added, deleted: deleted), fromMessage: false)
        } else if testLines > 0 && newFiles == 0 && added + deleted <= 60 {
            evidence.add(.fix, 1, .testedEdit(added: added, deleted: deleted), fromMessage: false)
        } else if files <= 2 && added + deleted <= 12 && newFiles == 0 && deleted == 0 && added >= 3 {
            evidence.add(.feature, 0.5, .smallAddition(added: added), fromMessage: false)
        } else if files <= 2 && added + deleted <= 12 && newFiles == 0 {
            evidence.add(.fix, 0.75, .smallEdit(added: added, deleted: deleted, files: files), fromMessage: false)
        } else if added >= 4 * deleted + 40 {
            evidence.add(.feature, 0.75, .growth(added: added, deleted: deleted), fromMessage: false)
        } else if newFiles > 0 && deleted == 0 {
            evidence.add(.feature, 0.75, .newFiles(newFiles), fromMessage: false)
        } else if added >= 2 * deleted + 10 {
            // Code that grows by much more than it is reshaped: new behaviour arrives as added lines, a repair
            // mostly changes lines that were there.
            evidence.add(.feature, 0.5, .moreAdded(added: added, deleted: deleted), fromMessage: false)
        } else {
            // An edit to existing code with no other clue: most such commits are fixes, so that is the best guess.
            evidence.add(.fix, 0.25, .edit(added: added, deleted: deleted), fromMessage: false)
        }
    }

    /// The learned model's decision, explained by the rules that found evidence for the same category and by the
    /// signs the model weighed most.
    private func decide(_ open: OpenCommit, with model: LinearModel) -> Classification {
        // A word the team configured is an instruction the model never learned: the rules, which weigh it, decide.
        if open.evidence.hasConfiguredWord { return decide(open.evidence) }
        var scorer = model.scorer()
        ModelFeatures.collect(open, into: &scorer)
        guard let verdict = scorer.verdict(excluding: Self.structural) else {
            return decide(open.evidence)
        }
        let category = verdict.category
        let percent = Int((verdict.probability * 100).rounded())
        // Written when read, like the rules' reasons (``Clue/model(_:percent:strongest:)``).
        let modelReason = Reason(.model(category, percent: percent, strongest: verdict.strongest))
        var confidence = verdict.probability
        if !open.evidence.hasMessageEvidence { confidence = min(confidence, 0.45) }
        // When the rules already led to this category, they are the explanation and the model confirms it. When the
        // model overruled them, it comes first, and the rules it overruled are named: the reader sees both sides.
        var reasons: [Reason] = []
        if let leader = open.evidence.leader?.category, leader != category {
            reasons.append(modelReason)
            open.evidence.appendReasons(category, to: &reasons)
            reasons.append(Reason(.overruled(leader, open.evidence.reasons(leader))))
        } else {
            open.evidence.appendReasons(category, to: &reasons)
            reasons.append(modelReason)
        }
        return Classification(category: category, bucket: configuration.buckets.bucket(for: category),
                              confidence: min(0.9, confidence), reasons: reasons)
    }

    /// The categories only the structure rules decide.
    private static let structural = CategorySet([.revert, .merge])

    private func decide(_ evidence: Evidence) -> Classification {
        guard let top = evidence.leader else {
            return Classification(category: .other, bucket: configuration.buckets.bucket(for: .other),
                                  confidence: 0.3,
                                  reasons: [Reason(rule: "fallback.nothing",
                                                   detail: "neither the message nor the change says what it was for")])
        }
        var confidence = 0.35 + 0.6 * (top.score - top.runnerUp) / (top.score + 2)
        if !evidence.hasMessageEvidence { confidence = min(confidence, 0.45) }
        return Classification(category: top.category, bucket: configuration.buckets.bucket(for: top.category),
                              confidence: min(0.9, confidence), reasons: evidence.reasons(top.category))
    }

}

extension CommitClassifier {
    /// Classifies many records at once, spread over the machine's cores.
    ///
    /// Classifying in batches rather than one record between two diffs keeps the classifier's tables in the CPU
    /// caches: measured on redis/redis, 50 µs a commit one at a time against 13 µs in batches of 512, before the
    /// cores are counted.
    public func classify(_ records: [CommitRecord]) -> [Classification] {
        guard records.count > 1 else { return records.map(classify) }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(cores, max(1, records.count / 32))
        var results = [Classification?](repeating: nil, count: records.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                // Each chunk writes only its own slots.
                var index = chunk * records.count / chunks
                let end = (chunk + 1) * records.count / chunks
                while index < end {
                    output[index] = classify(records[index])
                    index += 1
                }
            }
        }
        return results.map { $0! }
    }
}
