import ArgumentParser
import Git
import History
import Reports

/// `ktlo commits`: one record per commit, with its churn per file and its classification.
struct CommitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commits",
        abstract: "List commits with their churn per file (ndjson, json, csv or table).",
        discussion: """
            Each commit is diffed against its first parent (a root commit against the empty tree), with rename \
            detection, counting lines exactly as `git log --numstat` does. Merge commits are listed but carry \
            no churn unless --merges diff. Lockfiles, vendored, generated and minified files stay in the \
            record, flagged excluded, and count toward no total.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    func validate() throws {
        if let format = output.format, !Self.formats.contains(format) {
            throw ValidationError("ktlo commits writes \(Self.formats.map(\.rawValue).joined(separator: ", ")), "
                                      + "not \(format.rawValue)")
        }
    }

    static let formats: [OutputFormat] = [.ndjson, .json, .csv, .table]

    func run() throws {
        let reader: HistoryReader
        do {
            reader = try HistoryReader(path: history.repo, options: try history.historyOptions())
        } catch let error as HistoryError {
            throw CommandFailure.unusable(error.description)
        }
        var renderer = makeRenderer(output.resolvedFormat(fallback: .ndjson))
        let writer = try OutputWriter(path: output.output)
        var warned = 0
        func printNewWarnings() {
            guard !output.quiet else { return }
            for warning in reader.warnings.dropFirst(warned) { Terminal.printWarning(warning.message) }
            warned = reader.warnings.count
        }
        printNewWarnings()

        var branch: String?
        if case .branch(let name, _) = reader.head { branch = name }
        try writer.write(renderer.begin(CommitsContext(repositoryPath: reader.repositoryPath,
                                                       head: reader.head.commit, branch: branch)))
        do {
            while let record = try reader.next() {
                try writer.write(renderer.render(record))
            }
        } catch let error as HistoryError {
            throw CommandFailure.unusable(error.description)
        }
        try writer.write(renderer.end(warnings: reader.warnings))
        try writer.finish()
        printNewWarnings()
    }

    private func makeRenderer(_ format: OutputFormat) -> any CommitRenderer {
        switch format {
        case .json: JSONCommitRenderer()
        case .csv: CSVCommitRenderer()
        case .table: TableCommitRenderer(width: output.output == nil ? Terminal.width : nil)
        default: NDJSONCommitRenderer()
        }
    }
}
