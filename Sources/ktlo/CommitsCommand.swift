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
        var renderer = CommitRendering.renderer(for: output.resolvedFormat(fallback: .ndjson), output: output)
        let paths = try RepositoryList.paths(history)
        guard paths.count > 1 || history.reposFile != nil else {
            let session = try AnalysisSession(history)
            let reader = try session.reader(history)
            let classifier = try session.classifier(measuringOn: reader)
            try CommitRendering.write(readers: [reader], classifier: classifier, renderer: &renderer, output: output)
            return
        }
        // Several repositories: one after the other, each read and classified by --config (one configuration for the
        // run) or else its own .ktlo.yml, each record naming its repository.
        let shared = try history.config.map { path throws(CommandFailure) in
            try AnalysisSession.loadConfiguration(file: path)
        }
        var sources: [CommitRendering.Source] = []
        for path in paths {
            let session = try AnalysisSession(repositoryAt: path, configuration: shared)
            let reader = try session.reader(history)
            sources.append(.init(reader: reader, classifier: try session.classifier(measuringOn: reader), name: ""))
        }
        let names = try RepositoryList.names(sources.map(\.reader.repositoryPath))
        sources = zip(sources, names).map { .init(reader: $0.reader, classifier: $0.classifier, name: $1) }
        try CommitRendering.write(sources: sources, renderer: &renderer, output: output)
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

    /// A reader, how to classify its commits, and the name of its repository in the records.
    struct Source {
        let reader: HistoryReader
        let classifier: CommitClassifier
        let name: String

        var context: RepositoryContext {
            var branch: String?
            if case .branch(let name, _) = reader.head { branch = name }
            let provenance = RecordProvenance(
                repository: name, ktloVersion: KtloVersion.current,
                settings: RecordSettings(history: reader.options, classifier: classifier))
            return RepositoryContext(repositoryPath: reader.repositoryPath, head: reader.head.commit, branch: branch,
                                     provenance: provenance)
        }
    }

    /// Writes every record of `readers` (of one repository), in order, as one output.
    static func write(readers: [HistoryReader], classifier: CommitClassifier, renderer: inout any CommitRenderer,
                      output: OutputArguments) throws {
        let name = RecordProvenance.repositoryName(path: readers[0].repositoryPath)
        try write(sources: readers.map { Source(reader: $0, classifier: classifier, name: name) },
                  renderer: &renderer, output: output)
    }

    /// Writes every record of `sources`, in order, as one output.
    static func write(sources: [Source], renderer: inout any CommitRenderer, output: OutputArguments) throws {
        let writer = try OutputWriter(path: output.output)
        let readers = sources.map(\.reader)
        var warned: [Int] = Array(repeating: 0, count: readers.count)
        func printNewWarnings() {
            guard !output.quiet else { return }
            for (index, reader) in readers.enumerated() {
                for warning in reader.warnings.dropFirst(warned[index]) { Terminal.printWarning(warning.message) }
                warned[index] = reader.warnings.count
            }
        }
        printNewWarnings()
        try writer.write(renderer.begin(sources[0].context))
        // Records streaming to the same terminal would tangle with a progress line.
        let streamsToTerminal = output.output == nil && Terminal.standardOutputIsTerminal
        let progress = ProgressDisplay.make(for: readers, quiet: output.quiet || streamsToTerminal)
        do {
            for (index, source) in sources.enumerated() {
                if index > 0 && source.name != sources[index - 1].name {
                    try writer.write(renderer.enter(source.context))
                }
                try ClassifiedCommits.forEach(in: [source.reader], classifier: source.classifier,
                                              progress: progress) { commit in
                    try writer.write(renderer.render(commit))
                }
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
