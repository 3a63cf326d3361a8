import Analysis
import ArgumentParser
import History
import Reports

/// `ktlo classify REV...`: the classification of given commits, explained.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify given commits and say why (table, ndjson, json or csv).",
        discussion: """
            Each REVISION names one commit (a branch, a tag, an object name, HEAD~2) or, written as A..B or \
            A...B, the commits of a range. --explain lists, under each commit, its confidence and the rules that \
            decided. With --format ndjson the records are those of `ktlo commits`.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    @Flag(help: "Show the confidence and the reasons under each commit (table format).")
    var explain = false

    func validate() throws {
        try output.validate(formats: CommitsCommand.formats, command: "classify")
        guard !history.revisions.isEmpty else {
            throw ValidationError("name at least one commit to classify, for example: ktlo classify HEAD")
        }
    }

    func run() throws {
        let session = try AnalysisSession(history)
        // One reader per argument: a single revision is that commit alone; a range is all of it.
        var readers: [HistoryReader] = []
        for revision in history.revisions {
            readers.append(try session.reader(history, revisions: [revision],
                                              maxCount: revision.contains("..") ? nil : 1))
        }
        let classifier = try session.classifier(measuringOn: readers[0])
        var renderer = CommitRendering.renderer(for: output.resolvedFormat(fallback: .ndjson), output: output,
                                                explain: explain)
        try CommitRendering.write(readers: readers, classifier: classifier, renderer: &renderer, output: output)
    }
}
