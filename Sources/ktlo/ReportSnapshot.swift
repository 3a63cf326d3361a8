import Analysis
import ChurnCache
import Foundation
import Git
import History

/// `ktlo report`'s snapshot: the compact effort of every commit of the range, kept in the cache with the tip it
/// ends at, so that a run after a merge reads only the commits after that tip.
///
/// Diffs come from the cache already, but a run over 80,000 commits still reads and classifies every one of them
/// (seconds on git/git). The effort report needs far less of a commit — who, which day, what category, how many
/// lines — and what it needs does not change once the commit is classified under the same settings. So a run whose
/// previous tip is an ancestor of its own reads the new commits (`HEAD ^previous`), classifies them, and adds them
/// to the stored ones; the history behind the previous tip is the same commits either way. One key keeps a snapshot
/// per line of history (branches, worktrees, repositories sharing a cache), each extended by the runs that descend
/// from it.
///
/// The key names everything a stored commit's figures depend on besides the commit itself: ktlo's build, the
/// revision, the diff settings, dates, path filters, the configuration's text, whether Conventional Commits are
/// trusted, the `.mailmap` and the attribute files that mark generated code. Any change is another key, and a full
/// walk. Runs that cannot be split this way do not use snapshots: ranges, `--first-parent`, `--max-count`, shallow
/// clones, a component breakdown (it needs every file), no cache; and a run that warned about its history (a
/// malformed commit, missing blobs) stores none, so that the warning is given again next time.
struct ReportSnapshot {
    let key: String
    let revision: String
    let tip: ObjectID
    let cache: ChurnCache

    /// The snapshot settings of a run, or `nil` when the run cannot use one.
    init?(session: AnalysisSession, reader: HistoryReader, classifier: CommitClassifier, keepsFiles: Bool) {
        let options = reader.options
        guard let cache = reader.cache, let tip = reader.analysedRevision, !keepsFiles, !options.firstParent,
              options.maxCount == nil, options.revisions.count <= 1, !session.repository.isShallow else { return nil }
        let revision = options.revisions.first ?? "HEAD"
        guard !revision.hasPrefix("^"), !revision.contains("..") else { return nil }
        var parts = [
            "ktlo \(KtloVersion.current) \(Self.executableIdentity)",
            "revision \(revision)",
            "diff \(ChurnCache.settingsKey(for: options.diff)) merges \(options.diffMerges)",
            "since \(options.since.map { "\($0)" } ?? "-") until \(options.until.map { "\($0)" } ?? "-")",
            "include \(options.paths.include.map(\.text)) exclude \(options.paths.exclude.map(\.text))",
            "default excludes \(options.paths.useDefaultExcludes) linguist \(options.useLinguistAttributes)",
            "conventional commits \(classifier.adoption.isAdopted)",
            "configuration\n\(session.configurationText)",
            "mailmap\n\(session.repository.mailmapSources())",
        ]
        if options.useLinguistAttributes {
            guard let sources = try? session.repository.attributeSources(at: tip) else { return nil }
            parts.append("attributes\n\(sources)")
        }
        key = "report v1 " + Self.digest(parts.joined(separator: "\n"))
        self.revision = revision
        self.tip = tip
        self.cache = cache
    }

    /// Adds every commit of `reader`'s range to `builder`: through a snapshot when the run can use one (reading only
    /// the commits after the stored tip), else by reading them all, storing a snapshot for the next run.
    /// - Returns: what the history's readers warned about, and how many commits the range holds.
    static func addRange(of reader: HistoryReader, history: HistoryArguments, session: AnalysisSession,
                         classifier: CommitClassifier, to builder: inout EffortReportBuilder,
                         quiet: Bool) throws -> (warnings: [HistoryWarning], commits: Int) {
        let snapshot = ReportSnapshot(session: session, reader: reader, classifier: classifier,
                                      keepsFiles: builder.keepsFiles)
        do {
            if let snapshot, let stored = snapshot.load(session.repository) {
                var commits = stored.commits
                var newReader = reader
                if stored.tip != snapshot.tip {
                    newReader = try session.reader(history, revisions: [snapshot.tip.hex, "^" + stored.tip.hex])
                    let progress = ProgressDisplay.make(for: [newReader], quiet: quiet)
                    try ClassifiedCommits.forEach(in: [newReader], classifier: classifier, progress: progress) { commit in
                        commits.append(EffortCommit(commit, isBot: commit.isBot, keepFiles: false))
                    }
                }
                for commit in commits { builder.add(commit) }
                if !newReader.warnings.contains(where: { $0.kind != "cache" }) {
                    snapshot.store(commits, replacing: stored.tip)
                }
                snapshot.recordTip()
                return (newReader.warnings, commits.count)
            }
            var commits: [EffortCommit] = []
            var count = 0
            let progress = ProgressDisplay.make(for: [reader], quiet: quiet)
            try ClassifiedCommits.forEach(in: [reader], classifier: classifier, progress: progress) { commit in
                builder.add(commit, isBot: commit.isBot)
                count += 1
                if snapshot != nil { commits.append(EffortCommit(commit, isBot: commit.isBot, keepFiles: false)) }
            }
            if let snapshot, !reader.warnings.contains(where: { $0.kind != "cache" }) {
                snapshot.store(commits, replacing: nil)
            }
            return (reader.warnings, count)
        } catch let error as HistoryError {
            throw CommandFailure.unusable(error.description)
        }
    }

    /// The stored commits and the tip they end at: the latest stored snapshot under this key whose tip is this run's
    /// tip or one of its ancestors. Another branch's, worktree's or repository's snapshots share the key but not
    /// the ancestry, and are passed over.
    func load(_ repository: Repository) -> (tip: ObjectID, commits: [EffortCommit])? {
        for storedTip in cache.snapshotTips(key: key) where (try? repository.isAncestor(storedTip, of: tip)) == true {
            guard let data = cache.snapshot(key: key, tip: storedTip),
                  let commits = EffortCommitCoding.decode(data) else { return nil }
            return (storedTip, commits)
        }
        return nil
    }

    /// Keeps `commits`, the whole range's, as the snapshot of this run's tip, in place of the snapshot of `replaced`
    /// it extends (`nil` after a full walk: the other tips' snapshots stay for their own next runs).
    func store(_ commits: [EffortCommit], replacing replaced: ObjectID?) {
        cache.storeSnapshot(key: key, tip: tip, data: EffortCommitCoding.encode(commits), replacing: replaced)
    }

    /// Records this run's tip as the last analysed one of its revision, as a full walk does (for `ktlo ci`).
    func recordTip() {
        cache.recordTip(tip, of: revision)
    }

    /// The running build of ktlo: a rebuilt binary may classify differently even under the same version number.
    private static let executableIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = attributes?[.size] as? Int ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()

    /// FNV-1a, 64 bits, with the text's length: stable across runs, unlike `Hasher`.
    private static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(hash, radix: 16) + "-" + String(text.utf8.count)
    }
}
