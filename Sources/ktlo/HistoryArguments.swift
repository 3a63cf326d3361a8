import ArgumentParser
import Configuration
import Foundation
import Git
import History

/// The options every command that reads history takes: which repository, which commits, which paths.
struct HistoryArguments: ParsableArguments {
    @Option(name: .customLong("repo"),
            help: ArgumentHelp("The repository to analyse (default: the one containing the current folder); "
                                   + "report and commits take several.", valueName: "path"))
    var repositories: [String] = []

    @Option(help: ArgumentHelp("A file naming repositories to analyse, one path a line (relative to the file's "
                                   + "folder; blank lines and # comments skipped); for report and commits.",
                               valueName: "file"))
    var reposFile: String?

    /// The repository of a command that analyses one (``AnalysisSession`` refuses more).
    var repo: String? { repositories.first }

    /// More than one repository, or a list of them, was asked for.
    var namesSeveralRepositories: Bool { repositories.count > 1 || reposFile != nil }

    @Option(help: ArgumentHelp("The configuration file (default: .ktlo.yml at the top of the repository).",
                               valueName: "file"))
    var config: String?

    @Argument(help: ArgumentHelp("Revisions: a branch, tag or commit; A..B; A...B; ^A to leave out (default: HEAD).",
                                 valueName: "revision"))
    var revisions: [String] = []

    @Option(help: ArgumentHelp("Only commits authored on or after this date: YYYY-MM-DD (in the author's calendar), "
                                   + "an ISO 8601 timestamp, or 'N days|weeks|months|years ago'.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only commits authored on or before this date (same forms as --since).",
                               valueName: "date"))
    var until: String?

    @Option(name: [.customShort("n"), .long], help: ArgumentHelp("Stop after this many commits.", valueName: "count"))
    var maxCount: Int?

    @Flag(help: "Follow only the first parent of merges (the mainline).")
    var firstParent = false

    @Option(help: ArgumentHelp("Count only paths matching this glob; commits touching none are left out. Repeatable.",
                               valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Count no churn for paths matching this glob. Repeatable.", valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "Count lockfiles, vendored, generated and minified files too.")
    var noDefaultExcludes = false

    @Flag(help: "Do not detect renames (a rename counts as a deletion and an addition).")
    var noRenames = false

    @Option(help: ArgumentHelp("Similarity in percent from which a deleted and an added file are a rename.",
                               valueName: "percent"))
    var renameThreshold = 50

    @Option(help: ArgumentHelp("Skip inexact rename detection in commits with more candidate files than this.",
                               valueName: "count"))
    var renameLimit = 1000

    @Option(help: ArgumentHelp("What merge commits carry: 'none' (no churn) or 'diff' (their diff against the "
                                   + "first parent).", valueName: "mode"))
    var merges: MergeMode = .none

    enum MergeMode: String, ExpressibleByArgument, CaseIterable {
        case none, diff
    }

    @Option(name: [.customShort("j"), .long],
            help: ArgumentHelp("Threads that diff commits (default: the machine's cores); the numbers never depend "
                                   + "on it.", valueName: "count"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Keep each commit's diff in this SQLite file, so the next run diffs only new commits "
                                   + "(default: ktlo/churn.sqlite in the repository's git directory).",
                               valueName: "path"))
    var cache: String?

    @Flag(help: "Use no cache: diff every commit, store nothing.")
    var noCache = false

    /// Where the diffs are kept, as the options ask.
    var cacheLocation: CacheLocation {
        if noCache { return .none }
        if let cache { return .file(cache) }
        return .inRepository
    }

    func validate() throws {
        guard (0...100).contains(renameThreshold) else {
            throw ValidationError("--rename-threshold must be between 0 and 100, not \(renameThreshold)")
        }
        guard renameLimit >= 0 else { throw ValidationError("--rename-limit must not be negative") }
        if let maxCount, maxCount < 0 { throw ValidationError("--max-count must not be negative") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if noCache && cache != nil { throw ValidationError("--cache and --no-cache contradict each other") }
        _ = try dateBound(since, option: "--since")
        _ = try dateBound(until, option: "--until")
    }

    /// The history options these arguments describe, on top of the configuration's.
    func historyOptions(_ configuration: KtloConfiguration, revisions: [String]? = nil,
                        maxCount: Int? = nil) throws -> HistoryOptions {
        HistoryOptions(
            revisions: revisions ?? self.revisions,
            firstParent: firstParent,
            since: try dateBound(since, option: "--since"),
            until: try dateBound(until, option: "--until"),
            diff: DiffOptions(detectRenames: !noRenames, renameThreshold: renameThreshold, renameLimit: renameLimit),
            paths: configuration.pathFilter(include: include, exclude: exclude, noDefaultExcludes: noDefaultExcludes),
            useLinguistAttributes: configuration.useLinguistAttributes,
            diffMerges: merges == .diff,
            maxCount: maxCount ?? self.maxCount,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            cache: cacheLocation
        )
    }

    private func dateBound(_ text: String?, option: String) throws -> DateBound? {
        guard let text else { return nil }
        guard let bound = DateBound.parse(text, now: Int64(Date().timeIntervalSince1970)) else {
            throw ValidationError("\(option) '\(text)' is not a date: use YYYY-MM-DD, an ISO 8601 timestamp, "
                                      + "or 'N days|weeks|months|years ago'")
        }
        return bound
    }
}
