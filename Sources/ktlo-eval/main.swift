// ktlo-eval: measures the classifier against labelled commits. Not part of the product; scripts/eval-classifier
// runs it. See Evaluation/README.md.
import Analysis
import Foundation
import Git
import History

let arguments = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ktlo-eval: \(message)\n".utf8))
    exit(2)
}
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let mirrors = option("--mirrors") ?? ProcessInfo.processInfo.environment["KTLO_MIRRORS"] ?? "/work/.mirror"
let showErrors = Int(option("--show-errors") ?? "0") ?? 0
/// `--rules-only`: the classifier without its learned last stage, to measure what the model adds.
let learnedModel = !arguments.contains("--rules-only")

/// The local clone of `owner/name`, in the layout `fetch` leaves (MIRRORS/owner+name/repo).
func clonePath(_ repository: String) -> String {
    "\(mirrors)/\(repository.replacingOccurrences(of: "/", with: "+"))/repo"
}

/// One commit's record, read through the same engine as `ktlo commits`.
func record(_ sha: String, in path: String) throws -> CommitRecord {
    let reader = try HistoryReader(path: path, options: HistoryOptions(revisions: [sha], maxCount: 1))
    guard let record = try reader.next() else { throw CocoaError(.fileNoSuchFile) }
    return record
}

func adoption(in path: String) throws -> ConventionalCommitAdoption {
    let reader = try HistoryReader(path: path, options: HistoryOptions())
    return ConventionalCommitAdoption.measure(subjects: try reader.sampleSubjects())
}

/// A Conventional Commit's declared category, and the commit with its type prefix hidden: the classifier then sees
/// only the description, as in a repository without the convention. `nil` for other commits.
func prefixHidden(_ commit: CommitRecord) -> (Category, CommitRecord)? {
    guard let conventional = ConventionalCommit.parse(subject: commit.summary,
                                                      body: CommitClassifier.body(of: commit.message)),
          let label = conventional.declaredCategory else { return nil }
    let hidden = CommitRecord(
        id: commit.id, parents: commit.parents, author: commit.author, authorTime: commit.authorTime,
        committerTime: commit.committerTime, summary: conventional.description,
        message: conventional.description + "\n" + commit.message.drop { $0 != "\n" },
        files: commit.files, isShallowBoundary: commit.isShallowBoundary, isDiffed: commit.isDiffed)
    return (label, hidden)
}

/// The rows of a labelled CSV file (columns repo, sha, label, certain, split) in one split, several separated by
/// commas ("dev,test,fresh"), or all of them.
func labelledRows(_ path: String, split: String) throws -> [(repository: String, sha: String, label: Category,
                                                             certain: Bool, split: String)] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline)
    let wanted = Set(split.split(separator: ",").map(String.init))
    let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
    func column(_ name: String, _ fields: [String]) -> String? {
        header.firstIndex(of: name).flatMap { $0 < fields.count ? fields[$0] : nil }
    }
    var rows: [(String, String, Category, Bool, String)] = []
    for line in lines.dropFirst() {
        let fields = line.split(separator: ",").map(String.init)
        guard let repository = column("repo", fields), let sha = column("sha", fields),
              let label = column("label", fields).flatMap(Category.init(rawValue:)) else { fail("bad row: \(line)") }
        let rowSplit = column("split", fields) ?? "dev"
        if !wanted.contains("all") && !wanted.contains(rowSplit) { continue }
        rows.append((repository, sha, label, column("certain", fields).map { $0 == "yes" } ?? true, rowSplit))
    }
    return rows
}

/// Runs the command the arguments name; its errors end in `fail`, one line on stderr, not a crash.
func runCommand() throws {
    switch arguments.first {
    case "labels":
        guard arguments.count >= 2 else {
            fail("usage: ktlo-eval labels FILE.csv [--split SPLIT[,SPLIT…]|all] [--certain-only] [--rules] [--reasons]")
        }
        let split = option("--split") ?? "all"
        let rows = try labelledRows(arguments[1], split: split).filter { $0.certain || !arguments.contains("--certain-only") }
        var classifiers: [String: CommitClassifier] = [:]
        var results = EvaluationResults()
        // How often each deciding rule (the first reason) is right and wrong, 6-way: where the errors come from.
        var deciding: [String: (right: Int, wrong: Int)] = [:]
        for row in rows {
            let path = clonePath(row.repository)
            if classifiers[row.repository] == nil {
                classifiers[row.repository] = CommitClassifier(
                    configuration: ClassifierConfiguration(learnedModel: learnedModel),
                    adoption: try adoption(in: path))
            }
            let commit = try record(row.sha, in: path)
            let classification = classifiers[row.repository]!.classify(commit)
            // --reasons: every rule that fired, not only the deciding one.
            let why = arguments.contains("--reasons")
                ? classification.reasons.map { "\($0.rule): \($0.detail)" }.joined(separator: "; ")
                : classification.reasons.first?.detail ?? ""
            results.add(expected: row.label, actual: classification.category, group: row.repository,
                        detail: "\(row.repository) \(row.sha.prefix(10)) [\(row.certain ? "sure" : "unsure")] "
                            + "\(commit.summary.prefix(70)) → \(why)")
            let rule = classification.reasons.first?.rule ?? "none"
            let right = EvaluationResults.sixWay(row.label) == EvaluationResults.sixWay(classification.category)
            deciding[rule, default: (0, 0)].right += right ? 1 : 0
            deciding[rule, default: (0, 0)].wrong += right ? 0 : 1
        }
        let sure = arguments.contains("--certain-only") ? ", labels both annotators were sure of" : ""
        print("Hand-labelled commits (\(split) split\(sure)): \(rows.count)")
        results.report(showErrors: showErrors)
        if arguments.contains("--rules") {
            print("Deciding rules (6-way right / wrong):")
            for (rule, tally) in deciding.sorted(by: { $0.value.wrong > $1.value.wrong || $0.value.wrong == $1.value.wrong && $0.key < $1.key }) {
                print("  \(rule): \(tally.right) / \(tally.wrong)")
            }
        }

    case "conventional":
        // On repositories that write Conventional Commits: agreement with the declared type, then accuracy with the
        // prefix hidden from the classifier.
        let limit = Int(option("--limit") ?? "2000") ?? 2000
        let repositories = arguments.dropFirst().prefix { !$0.hasPrefix("--") }
        var declared = EvaluationResults(), masked = EvaluationResults(), maskedPeople = EvaluationResults()
        for repository in repositories {
            let path = clonePath(repository)
            let reader = try HistoryReader(path: path, options: HistoryOptions())
            let adoption = ConventionalCommitAdoption.measure(subjects: try reader.sampleSubjects())
            let trusting = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: learnedModel),
                                            adoption: adoption)
            let blind = CommitClassifier(configuration: ClassifierConfiguration(conventionalCommits: .never,
                                                                                learnedModel: learnedModel),
                                         adoption: adoption)
            print("\(repository): \(adoption)")
            var seen = 0
            while seen < limit, let commit = try reader.next() {
                guard !commit.isMerge, let (label, hidden) = prefixHidden(commit) else { continue }
                seen += 1
                let detail = "\(repository) \(commit.id.abbreviated()) \(commit.summary.prefix(70))"
                declared.add(expected: label, actual: trusting.classify(commit).category, group: repository, detail: detail)
                let guess = blind.classify(hidden)
                if label != .revert {
                    masked.add(expected: label, actual: guess.category, group: repository,
                               detail: "\(detail) → \(guess.reasons.first?.detail ?? "")")
                    // Bots' types come from their configuration, not from what the commit does; ktlo files every bot
                    // commit under maintenance. The set without them measures how well messages are understood.
                    if !guess.reasons.contains(where: { $0.rule == "structure.bot" }) {
                        maskedPeople.add(expected: label, actual: guess.category, group: repository,
                                         detail: "\(detail) → \(guess.reasons.first?.detail ?? "")")
                    }
                }
            }
        }
        print("\n== Declared type, trusted (agreement with the declared type)")
        declared.report(showErrors: showErrors, sixWay: false)
        print("\n== Prefix hidden")
        masked.report(showErrors: showErrors, sixWay: false)
        print("\n== Prefix hidden, commits by people (bots left out)")
        maskedPeople.report(showErrors: 0, sixWay: false)

    case "features":
        // What the classifier's learned stage reads, one JSON object a line, for Evaluation/train-model.py: the
        // hand-labelled commits of one split (--labels FILE --split dev) and prefix-hidden Conventional Commits of the
        // repositories named. Commits an earlier rule decides have no features (the model never sees them).
        // "rules" is what the classifier decides with its shipped model, "rules_only" what the rules alone decide: the
        // cross-validation (Evaluation/cross-validate.py) takes the latter for commits the model never sees.
        func emit(_ source: String, _ repository: String, _ sha: String, _ label: Category, _ split: String,
                  _ features: [String: Double], _ rules: Category, _ rulesOnly: Category) {
            let object: [String: Any] = ["source": source, "repo": repository, "sha": sha, "label": label.rawValue,
                                         "split": split, "rules": rules.rawValue, "rules_only": rulesOnly.rawValue,
                                         "features": features]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        if let labels = option("--labels") {
            var classifiers: [String: (CommitClassifier, CommitClassifier)] = [:]
            // One split, or several separated by commas ("dev,test,fresh").
            for row in try labelledRows(labels, split: option("--split") ?? "dev") {
                let path = clonePath(row.repository)
                if classifiers[row.repository] == nil {
                    let measured = try adoption(in: path)
                    classifiers[row.repository] = (
                        CommitClassifier(adoption: measured),
                        CommitClassifier(configuration: ClassifierConfiguration(learnedModel: false), adoption: measured))
                }
                let commit = try record(row.sha, in: path)
                let (classifier, rulesAlone) = classifiers[row.repository]!
                emit("hand", row.repository, row.sha, row.label, row.split, classifier.modelFeatures(commit) ?? [:],
                     classifier.classify(commit).category, rulesAlone.classify(commit).category)
            }
        }
        let limit = Int(option("--limit") ?? "5000") ?? 5000
        for repository in arguments.dropFirst().prefix(while: { !$0.hasPrefix("--") }) {
            let path = clonePath(repository)
            let reader = try HistoryReader(path: path, options: HistoryOptions())
            let adoption = ConventionalCommitAdoption.measure(subjects: try reader.sampleSubjects())
            let blind = CommitClassifier(configuration: ClassifierConfiguration(conventionalCommits: .never),
                                         adoption: adoption)
            let blindRules = CommitClassifier(configuration: ClassifierConfiguration(conventionalCommits: .never,
                                                                                     learnedModel: false),
                                              adoption: adoption)
            var seen = 0
            while seen < limit, let commit = try reader.next() {
                guard !commit.isMerge, let (label, hidden) = prefixHidden(commit), label != .revert else { continue }
                seen += 1
                emit("cc", repository, commit.id.description, label, "cc", blind.modelFeatures(hidden) ?? [:],
                     blind.classify(hidden).category, blindRules.classify(hidden).category)
            }
        }

    case "aggregation":
        // What aggregation costs once the records are read and classified: ktlo report's own work.
        guard arguments.count >= 2 else { fail("usage: ktlo-eval aggregation OWNER/NAME") }
        let reader = try HistoryReader(path: clonePath(arguments[1]), options: HistoryOptions())
        let classifier = CommitClassifier(adoption: ConventionalCommitAdoption.measure(subjects: try reader.sampleSubjects()))
        let clock = ContinuousClock()
        var records: [CommitRecord] = []
        let reading = clock.measure { while let record = try? reader.next() { records.append(record) } }
        var classified: [ClassifiedCommit] = []
        let classifying = clock.measure {
            classified = zip(records, classifier.classify(records)).map { ClassifiedCommit(record: $0, classification: $1) }
        }
        var report: EffortReport?
        let aggregating = clock.measure {
            var builder = EffortReportBuilder(options: .init(calendar: PeriodCalendar(kind: .week),
                                                             components: ComponentMap(), byAuthor: true))
            for commit in classified { builder.add(commit, isBot: classifier.isBot(commit.record.author)) }
            report = builder.build()
        }
        print("\(records.count) commits: read and diffed in \(reading), classified in \(classifying), "
              + "aggregated by week, component and author (\(report?.periods.count ?? 0) periods) in \(aggregating)")

    case "run-cost":
        // What classification adds to a run: the same read as `ktlo report` makes (diffs on every core, from a warm
        // cache, the usual case after the first run), once without classifying and once classifying as ktlo does;
        // alternated, medians of the wall-clock times.
        guard arguments.count >= 2 else {
            fail("usage: ktlo-eval run-cost OWNER/NAME [--rounds N] [--cache FILE | --cold] [--rules-only]")
        }
        let path = clonePath(arguments[1])
        let rounds = Int(option("--rounds") ?? "5") ?? 5
        let cacheFile = option("--cache")
            ?? NSTemporaryDirectory() + "ktlo-run-cost-\(arguments[1].replacingOccurrences(of: "/", with: "+")).sqlite"
        // --cold: no cache, every commit diffed (a first run).
        let cold = arguments.contains("--cold")
        let options = HistoryOptions(jobs: ProcessInfo.processInfo.activeProcessorCount,
                                     cache: cold ? .none : .file(cacheFile))
        let classifier = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: learnedModel),
                                          adoption: try adoption(in: path))
        /// The process's processor time so far (every thread, user and system), in seconds.
        func processorSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        /// One read: its wall-clock time, its processor time and the number of records.
        func read(classifying: Bool) throws -> (wall: Double, processor: Double, count: Int) {
            let clock = ContinuousClock()
            // What the classifications come to, printed nowhere: kept so the work cannot be optimised away.
            var count = 0, merges = 0
            let startProcessor = processorSeconds()
            let elapsed = try clock.measure {
                let reader = try HistoryReader(path: path, options: options)
                if classifying {
                    // As ktlo classifies: in batches, on other threads while the next batch is read.
                    func nextRecord() throws(HistoryError) -> CommitRecord? { try reader.next() }
                    func tally(_ record: CommitRecord, _ classification: Classification) throws(HistoryError) {
                        count += 1
                        merges += classification.category == .merge || classifier.isBot(record.author) ? 1 : 0
                    }
                    try ClassificationStream(classifier: classifier).forEach(nextRecord, tally)
                } else {
                    while try reader.next() != nil { count += 1 }
                }
            }
            return (seconds(elapsed), processorSeconds() - startProcessor, merges > count ? 0 : count)
        }
        _ = try read(classifying: false)  // fills the cache (or the page cache)
        var plain: [Double] = [], classified: [Double] = []
        var plainProcessor: [Double] = [], classifiedProcessor: [Double] = []
        var count = 0
        for _ in 0..<rounds {
            let without = try read(classifying: false), with = try read(classifying: true)
            plain.append(without.wall)
            classified.append(with.wall)
            plainProcessor.append(without.processor)
            classifiedProcessor.append(with.processor)
            count = without.count
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        let added = median(classified) - median(plain)
        let addedProcessor = median(classifiedProcessor) - median(plainProcessor)
        let perHundredThousand = 1e5 / Double(max(count, 1))
        print(String(format: "%@: %d commits read %@ in %.3f s (median of %d), %.3f s when classified: "
                         + "classification adds %.3f s, %.2f s per 100,000 commits (processor time: %.2f s per 100,000)",
                     arguments[1], count, cold ? "and diffed" : "from a warm cache", median(plain), rounds,
                     median(classified), added, added * perHundredThousand, addedProcessor * perHundredThousand))

    case "speed":
        // Classification cost: classify `--count` records (cycling over the repository's real ones) and time it.
        guard arguments.count >= 2 else { fail("usage: ktlo-eval speed OWNER/NAME [--count N]") }
        let count = Int(option("--count") ?? "100000") ?? 100_000
        let distinct = Int(option("--distinct") ?? "10000") ?? 10_000
        if arguments.contains("--streaming") {
            // As in a run: each record classified right after it is read, while it is still in the cache.
            let path = clonePath(arguments[1])
            let reader = try HistoryReader(path: path, options: HistoryOptions())
            let classifier = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: learnedModel),
                                              adoption: ConventionalCommitAdoption.measure(subjects: try reader.sampleSubjects()))
            let clock = ContinuousClock()
            var total = Duration.zero
            var count = 0
            let batchSize = Int(option("--batch") ?? "1") ?? 1
            var batch: [CommitRecord] = []
            func classifyBatch() {
                let start = clock.now
                if arguments.contains("--parallel") {
                    _ = classifier.classify(batch)
                } else {
                    for record in batch { _ = classifier.classify(record) }
                }
                total += clock.now - start
                count += batch.count
                batch.removeAll(keepingCapacity: true)
            }
            while let record = try reader.next() {
                batch.append(record)
                if batch.count >= batchSize { classifyBatch() }
            }
            classifyBatch()
            let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
            print(String(format: "classified %d commits as they were read, in %.3f s: %.2f µs each; 100,000 would take %.2f s",
                         count, seconds, seconds / Double(count) * 1e6, seconds / Double(count) * 1e5))
            exit(0)
        }
        let reader = try HistoryReader(path: clonePath(arguments[1]), options: HistoryOptions(maxCount: distinct))
        var records: [CommitRecord] = []
        while let record = try reader.next() { records.append(record) }
        let classifier = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: learnedModel),
                                          adoption: ConventionalCommitAdoption.measure(subjects: try reader.sampleSubjects()))
        /// The timed work, in a function of its own so a profiler can name it (`--toggle-collect='*timedClassification*'`).
        @inline(never) func timedClassification() -> [Category: Int] {
            var tally: [Category: Int] = [:]
            for index in 0..<count { tally[classifier.classify(records[index % records.count]).category, default: 0] += 1 }
            return tally
        }
        let clock = ContinuousClock()
        var tally: [Category: Int] = [:]
        let elapsed = clock.measure { tally = timedClassification() }
        precondition(tally.values.reduce(0, +) == count, "every classification counted")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "classified %d commits (%d distinct) in %.3f s: %.2f µs each", count, records.count,
                     seconds, seconds / Double(count) * 1e6))

    default:
        fail("usage: ktlo-eval labels FILE.csv [--split SPLIT[,SPLIT…]|all] | conventional OWNER/NAME... [--limit N] | "
                 + "features [--labels FILE.csv --split SPLITS] [OWNER/NAME...] | aggregation OWNER/NAME | "
                 + "run-cost OWNER/NAME | speed OWNER/NAME [--count N]   (options: --mirrors DIR, --show-errors N, "
                 + "--rules-only)")
    }
}

do {
    try runCommand()
} catch let error as CocoaError {
    // Foundation's own text names no file; the path it failed on does.
    fail((error.filePath.map { "\($0): " } ?? "") + error.localizedDescription)
} catch {
    fail("\(error)")
}
