import Analysis
import ArgumentParser
import Git
import History
import Reports

/// `ktlo commits`: one record per commit, with its churn per file and its classification.
struct CommitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commits",
        abstract: "List commits with their classification and churn per file (ndjson, json, csv or table).",
        discussion: """
            Each commit is diffed against its first parent (a root commit against the empty tree), with rename \
            detection, counting lines exactly as `git log --numstat` does, and classified (feature, fix, \
            refactor, maintenance, docs, test, revert, merge, other) with a confidence and its reasons. Merge \
            commits are listed but carry no churn unless --merges diff. Lockfiles, vendored, generated and \
            minified files stay in the record, flagged excluded, and count toward no total.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    func validate() throws {
        try output.validate(formats: Self.formats, command: "commits")
    }

    static let formats: [OutputFormat] = [.ndjson, .json, .csv, .table]

    func run() throws {
        let session = try AnalysisSession(history)
        let reader = try session.reader(history)
        let classifier = try session.classifier(measuringOn: reader)
        var renderer = CommitRendering.renderer(for: output.resolvedFormat(fallback: .ndjson), output: output)
        try CommitRendering.write(readers: [reader], classifier: classifier, renderer: &renderer, output: output)
    }
}

/// The listing shared by `commits` and `classify`: stream each record, classified, through a renderer.
enum CommitRendering {
    static func renderer(for format: OutputFormat, output: OutputArguments, explain: Bool = false)
        -> any CommitRenderer {
        switch format {
        case .json: JSONCommitRenderer()
        case .csv: CSVCommitRenderer()
        case .table: TableCommitRenderer(width: output.output == nil ? Terminal.width : nil, explain: explain)
        default: NDJSONCommitRenderer()
        }
    }

    /// Writes every record of `readers`, in order, as one output.
    static func write(readers: [HistoryReader], classifier: CommitClassifier, renderer: inout any CommitRenderer,
                      output: OutputArguments) throws {
        let writer = try OutputWriter(path: output.output)
        let reader = readers[0]
        var warned: [Int] = Array(repeating: 0, count: readers.count)
        func printNewWarnings() {
            guard !output.quiet else { return }
            for (index, reader) in readers.enumerated() {
                for warning in reader.warnings.dropFirst(warned[index]) { Terminal.printWarning(warning.message) }
                warned[index] = reader.warnings.count
            }
        }
        printNewWarnings()
        var branch: String?
        if case .branch(let name, _) = reader.head { branch = name }
        try writer.write(renderer.begin(RepositoryContext(repositoryPath: reader.repositoryPath,
                                                       head: reader.head.commit, branch: branch)))
        do {
            try ClassifiedCommits.forEach(in: readers, classifier: classifier) { commit in
                try writer.write(renderer.render(commit))
            }
        } catch let error as HistoryError {
            throw CommandFailure.unusable(error.description)
        }
        var seen = Set<HistoryWarning>()
        let warnings = readers.flatMap(\.warnings).filter { seen.insert($0).inserted }
        try writer.write(renderer.end(warnings: warnings))
        try writer.finish()
        printNewWarnings()
    }
}
