import Analysis
import ChurnCache
import Configuration
import Dispatch
import Foundation
import Git
import History
import Reports
import Synchronization

/// What `hotspots` and `coupling` share: one walk over the range, aggregated per file (or folder), with the size and
/// complexity of the files at the analysed revision read from their blobs.
///
/// The order matters for memory: a walk without diffs first learns the range's span, its recent window and its
/// author-days (a few percent of the cost); then the real walk streams each commit through the aggregator, which
/// keeps per-file figures only.
struct HotspotAnalysis {
    let source: ReportSource
    let result: HistoryAggregator.Result
    let profile: RangeProfile
    /// The files at the analysed revision, with their blobs.
    let files: [String: TreeFile]
    let repository: Repository
    let grouping: Grouping
    /// The run's cache, where measures of file contents are kept between runs.
    let cache: ChurnCache?

    /// The recent window's length by default: half a year.
    static let defaultRecentDays = 182

    /// The effort report built from the same walk, when `effortOptions` asked for one (`ktlo analyze`).
    let effort: EffortReport?
    /// The commits of the range the walk read, merges included.
    let walked: Int

    /// - Parameter effortOptions: given, every classified commit of the walk also goes into an effort report with
    ///   these options (made from the configuration), so that `ktlo analyze` diffs the history once.
    init(_ history: HistoryArguments, by: GroupingArgument, recentDays: Int = defaultRecentDays, quiet: Bool,
         maxChangesetSize: Int = CouplingOptions().maximumChangesetSize,
         effortOptions: ((KtloConfiguration) throws -> EffortReportBuilder.Options)? = nil) throws {
        let session = try AnalysisSession(history)
        let reader = try session.reader(history)
        let classifier = try session.classifier(measuringOn: reader)
        try self.init(history, session: session, reader: reader, classifier: classifier, by: by,
                      recentDays: recentDays, quiet: quiet, maxChangesetSize: maxChangesetSize,
                      effortOptions: try effortOptions.map { try $0(session.configuration) })
    }

    /// The analysis of `reader`'s range, for a command that opened the session and the reader itself (`ktlo ci`
    /// reads the cache's recorded tip before the walk replaces it).
    /// - Parameters:
    ///   - effortOptions: given, every classified commit of the walk also goes into an effort report with these
    ///     options, so that the history is diffed once.
    ///   - progress: advanced by one per commit of the walk that diffs.
    init(_ history: HistoryArguments, session: AnalysisSession, reader: HistoryReader, classifier: CommitClassifier,
         by: GroupingArgument, recentDays: Int = defaultRecentDays, quiet: Bool,
         maxChangesetSize: Int = CouplingOptions().maximumChangesetSize,
         effortOptions: EffortReportBuilder.Options? = nil, progress: ProgressDisplay? = nil) throws {
        var builder = effortOptions.map { EffortReportBuilder(options: $0) }
        repository = session.repository
        cache = reader.cache
        let grouping = by.grouping(components: session.configuration.components)
        self.grouping = grouping

        var tip: [TreeFile] = []
        if let revision = reader.analysedRevision {
            do {
                tip = try session.repository.files(at: revision).filter { $0.mode == .regular || $0.mode == .executable }
            } catch {
                throw CommandFailure.unusable("cannot read the files of \(revision): \(error.message)")
            }
        }
        files = Dictionary(tip.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

        // The walk that learns the profile leaves its commits for the real walk, which then need not read them.
        let memo = CommitMemo()
        profile = try Self.profile(history, session: session, classifier: classifier, recentDays: recentDays,
                                   memo: memo)
        reader.replayCommits(from: memo)
        var aggregator = HistoryAggregator(presentFiles: tip.map(\.path), profile: profile, grouping: grouping,
                                           maxChangesetSize: maxChangesetSize, isBot: classifier.isBot)
        var walked = 0
        do {
            defer { progress?.finish() }
            func nextRecord() throws(HistoryError) -> CommitRecord? {
                guard let record = try reader.next() else { return nil }
                progress?.advance()
                walked += 1
                return record
            }
            func add(_ record: CommitRecord, _ classification: Classification) throws(HistoryError) {
                aggregator.add(record, classification)
                if builder != nil {
                    let isBot = classifier.isBot(record.author)
                    builder?.add(ClassifiedCommit(record: record, classification: classification, isBot: isBot),
                                 isBot: isBot)
                }
            }
            // Hotspots need no streaming: only full batches, classified while the next is read.
            try ClassificationStream(classifier: classifier, maxDelay: .seconds(3600)).forEach(nextRecord, add)
        } catch {
            throw CommandFailure.unusable(error.description)
        }
        self.walked = walked
        result = aggregator.result()
        effort = builder?.build()
        if !quiet {
            for warning in reader.warnings { Terminal.printWarning(warning.message) }
        }
        var branch: String?
        if case .branch(let name, _) = reader.head { branch = name }
        source = ReportSource(repositoryPath: reader.repositoryPath, head: reader.head.commit, branch: branch,
                              analysedRevision: reader.analysedRevision,
                              oldest: result.commits > 0 ? profile.oldest : nil,
                              newest: result.commits > 0 ? profile.newest : nil,
                              commits: result.commits, warnings: reader.warnings)
    }

    /// The range's span, recent window and author-days, from a walk that reads commits without diffing them.
    private static func profile(_ history: HistoryArguments, session: AnalysisSession,
                                classifier: CommitClassifier, recentDays: Int,
                                memo: CommitMemo) throws -> RangeProfile {
        var builder = RangeProfile.Builder(recentDays: recentDays)
        do {
            var options = try history.historyOptions(session.configuration)
            options.readsChurn = false
            options.cache = .none  // nothing to read from it or to keep: this walk diffs nothing
            let headers = try HistoryReader(repository: session.repository, options: options)
            headers.recordCommits(into: memo)
            while let record = try headers.next() {
                builder.add(record, isBot: classifier.isBot(record.author))
            }
        } catch let error as HistoryError {
            throw CommandFailure.unusable(error.description)
        }
        return builder.build()
    }

    /// Size and complexity per row, for the rows that changed in the range: each file's blob read at the analysed
    /// revision, binary and generated files left out. What the cache knows of a blob is not measured again (a CI
    /// run after a merge measures the files the merge changed); the rest is spread over the cores, each worker with
    /// its own repository handle (libgit2's handles are not shared between threads).
    func measureRows() throws -> [String: SourceMetrics] {
        let wanted = result.entities.filter { $0.revisions > 0 }.flatMap(\.files).compactMap { files[$0] }
        let perFile = try Self.measure(wanted, gitDirectory: repository.gitDirectory, cache: cache)
        var rows: [String: SourceMetrics] = [:]
        for history in result.entities where history.revisions > 0 {
            let measured = history.files.compactMap { perFile[$0] }
            guard !measured.isEmpty else { continue }
            rows[history.path] = grouping.isFile ? measured[0] : SourceMetrics.combined(measured)
        }
        return rows
    }

    /// The measures of `files` by path; binary, generated and unreadable files have none.
    private static func measure(_ files: [TreeFile], gitDirectory: String,
                                cache: ChurnCache?) throws -> [String: SourceMetrics] {
        var measured: [String: SourceMetrics] = [:]
        var unknown: [TreeFile] = []
        if let cache {
            for (kind, group) in Dictionary(grouping: files, by: { metricsKind(path: $0.path) }) {
                let known = cache.blobFacts(of: group.map(\.id), kind: kind)
                for file in group {
                    guard let bytes = known[file.id] else {
                        unknown.append(file)
                        continue
                    }
                    // No bytes: a content that is not measured (binary or generated).
                    if bytes.isEmpty { continue }
                    if let metrics = SourceMetrics(bytes: bytes) {
                        measured[file.path] = metrics
                    } else {
                        unknown.append(file)
                    }
                }
            }
        } else {
            unknown = files
        }
        let outcomes = try measureContents(unknown, gitDirectory: gitDirectory)
        var facts: [String: [(blob: ObjectID, facts: [UInt8])]] = [:]
        for file in unknown {
            guard let outcome = outcomes[file.path] else { continue }  // unreadable: nothing to remember
            if let metrics = outcome { measured[file.path] = metrics }
            facts[metricsKind(path: file.path), default: []].append((file.id, outcome?.bytes ?? []))
        }
        for (kind, facts) in facts { cache?.storeBlobFacts(facts, kind: kind) }
        return measured
    }

    /// What the measures of a content depend on besides the content: the analyser's version and the language the
    /// path's name gives (without one, the content's own `#!` line decides).
    private static func metricsKind(path: String) -> String {
        "source-metrics v\(SourceAnalyzer.version) \(Language.of(path: path)?.rawValue ?? "-")"
    }

    /// Reads and measures `files` over the cores: per path, the measures, or `nil` for a binary or generated
    /// content; a file whose blob is missing (a partial clone) has no entry.
    private static func measureContents(_ files: [TreeFile],
                                        gitDirectory: String) throws -> [String: SourceMetrics?] {
        guard !files.isEmpty else { return [:] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count / 64))
        let results = Mutex<[String: SourceMetrics?]>([:])
        let failure = Mutex<String?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let repository = try Repository.open(at: gitDirectory)
                var local: [String: SourceMetrics?] = [:]
                var index = worker
                while index < files.count {
                    let file = files[index]
                    index += workers
                    let content: BlobContent
                    do {
                        content = try repository.blobContent(file.id)
                    } catch let error as GitError where error.code == .notFound {
                        continue  // a partial clone: the file cannot be measured, the rest can
                    }
                    if content.isBinary || SourceAnalyzer.looksGenerated(content.bytes) {
                        local[file.path] = .some(nil)
                    } else {
                        local[file.path] = SourceAnalyzer.measure(content.bytes, path: file.path)
                    }
                }
                results.withLock { $0.merge(local) { first, _ in first } }
            } catch {
                failure.withLock { $0 = "cannot read the files: \((error as? GitError)?.message ?? "\(error)")" }
            }
        }
        if let message = failure.withLock({ $0 }) { throw CommandFailure.unusable(message) }
        return results.withLock { $0 }
    }

    /// The complexity of `hotspot`'s file at up to `points` commits that changed it, evenly spaced over its history
    /// (its first and its latest version included), oldest first, each read from its blob as of that commit.
    func trend(of hotspot: Hotspot, points: Int = 6) -> [TrendPoint] {
        let samples = hotspot.history.samples  // newest first
        guard grouping.isFile, !samples.isEmpty else { return [] }
        let count = min(points, samples.count)
        let indices = Set(count == 1 ? [0] : (0..<count).map { $0 * (samples.count - 1) / (count - 1) })
        return indices.sorted(by: >).compactMap { index -> TrendPoint? in
            let touch = samples[index]
            guard let blob = try? repository.blobID(at: touch.path, in: touch.commit),
                  let content = try? repository.blobContent(blob), !content.isBinary else { return nil }
            let metrics = SourceAnalyzer.measure(content.bytes, path: touch.path)
            return TrendPoint(commit: touch.commit, time: touch.time, complexity: metrics.complexity,
                              codeLines: metrics.codeLines)
        }
    }
}
