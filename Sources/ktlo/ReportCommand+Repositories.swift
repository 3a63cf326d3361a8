import Analysis
import ArgumentParser
import Configuration
import Foundation
import History
import Reports

/// `ktlo report` over several repositories (`--repo` more than once, `--repos-file`) and from saved records
/// (`--from`): one report, with a breakdown by repository, whose every number is the same either way.
///
/// Configuration in a run over several repositories: `--config FILE` is one configuration for the whole run, as it
/// is for one repository — every repository is read and classified by the same rules, so that their shares compare
/// (whether Conventional Commits are trusted is still measured per repository). Without it, each repository is read
/// and classified by its own `.ktlo.yml`, and the report (buckets, budget, components, teams) follows the first
/// repository's, with a warning when the others' differ.
extension ReportCommand {
    func runOverRepositories(_ paths: [String]) throws {
        let shared = try history.config.map { path throws(CommandFailure) in
            try AnalysisSession.loadConfiguration(file: path)
        }
        let analyses = try RepositoryAnalysis.analyse(paths: paths, arguments: history, shared: shared,
                                                      keepFiles: byComponent)
        var warnings = analyses.flatMap(\.warnings)
        let configuration: KtloConfiguration
        if let shared {
            configuration = shared
        } else {
            configuration = analyses[0].configuration
            let differing = analyses.dropFirst().filter {
                Self.reportSettings($0.configuration) != Self.reportSettings(configuration)
            }
            if !differing.isEmpty {
                warnings.append(HistoryWarning(
                    kind: "configuration",
                    message: "the buckets, budget, components or teams of \(differing.map(\.name).joined(separator: ", "))"
                        + " differ from those of \(analyses[0].name), which this report follows; give the "
                        + "organisation's file with --config"))
            }
        }
        var builder = EffortReportBuilder(options: try builderOptions(configuration))
        for analysis in analyses {
            for commit in analysis.commits { builder.add(commit) }
        }
        if !output.quiet {
            for warning in warnings { Terminal.printWarning(warning.message) }
        }
        try write(builder.build(), context: Self.context(analyses.map(\.name)), warnings: warnings)
    }

    func runFromRecords() throws {
        let configuration = try history.config.map { path throws(CommandFailure) in
            try AnalysisSession.loadConfiguration(file: path)
        } ?? KtloConfiguration()
        var reader = SavedRecordReader(keepFiles: byComponent)
        for file in from {
            let data: Data?
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: file)
            }
            guard let data else { throw CommandFailure.unusable("cannot read the records file \(file)") }
            do {
                try reader.read(data, file: file == "-" ? "standard input" : file)
            } catch {
                throw CommandFailure.unusable(error.description)
            }
        }
        var warnings: [HistoryWarning] = []
        if reader.duplicates > 0 {
            warnings.append(HistoryWarning(kind: "duplicate_records",
                                           message: "\(reader.duplicates) record(s) repeat a commit of the same "
                                               + "repository read before; each commit counts once"))
        }
        if reader.shallowBoundaries > 0 {
            warnings.append(HistoryWarning(kind: "shallow_clone",
                                           message: "\(reader.shallowBoundaries) record(s) are shallow-clone "
                                               + "boundaries, whose churn is unknown; records of the full history "
                                               + "give complete figures"))
        }
        var builder = EffortReportBuilder(options: try builderOptions(configuration))
        for commit in reader.commits { builder.add(commit) }
        if !output.quiet {
            for warning in warnings { Terminal.printWarning(warning.message) }
        }
        try write(builder.build(), context: Self.context(reader.repositories), warnings: warnings)
    }

    /// Saved records were read with their own range, paths and diff settings: options that choose or read commits
    /// have nothing to act on.
    func validateFrom() throws {
        var given: [String] = []
        if !history.repositories.isEmpty { given.append("--repo") }
        if history.reposFile != nil { given.append("--repos-file") }
        if !history.revisions.isEmpty { given.append("a revision") }
        if history.since != nil { given.append("--since") }
        if history.until != nil { given.append("--until") }
        if history.maxCount != nil { given.append("--max-count") }
        if history.firstParent { given.append("--first-parent") }
        if !history.include.isEmpty { given.append("--include") }
        if !history.exclude.isEmpty { given.append("--exclude") }
        if history.noDefaultExcludes { given.append("--no-default-excludes") }
        if history.noRenames { given.append("--no-renames") }
        if history.renameThreshold != 50 { given.append("--rename-threshold") }
        if history.renameLimit != 1000 { given.append("--rename-limit") }
        if history.merges != .none { given.append("--merges") }
        if !given.isEmpty {
            throw ValidationError("--from reads saved records, which were read with their own range and settings: "
                                      + "it cannot be combined with \(given.joined(separator: ", "))")
        }
    }

    /// What the report is about, for its title: the repositories, by name (a long list is cut short).
    private static func context(_ names: [String]) -> RepositoryContext {
        let label: String
        switch names.count {
        case 0: label = "no repository"
        case 1: label = names[0]
        default:
            let shown = names.prefix(5).joined(separator: ", ")
            label = "\(names.count) repositories: " + shown + (names.count > 5 ? " and \(names.count - 5) more" : "")
        }
        return RepositoryContext(repositoryPath: label, head: nil, branch: nil)
    }

    /// The settings a report follows, as text to compare.
    private static func reportSettings(_ configuration: KtloConfiguration) -> String {
        let buckets = Category.allCases.map { "\($0.rawValue)=\(configuration.classifier.buckets.bucket(for: $0)?.rawValue ?? "-")" }
        let budget = configuration.budget?.lines.map { "\($0.target)=\($0.percent)" } ?? []
        let components = configuration.components.map { "\($0.name)=\($0.globs)" }
        let teams = configuration.teams.map { "\($0.name)=\($0.members)" }
        return [buckets, budget, components, teams].map { $0.joined(separator: ",") }.joined(separator: ";")
    }
}
