import Analysis
import ArgumentParser
import Reports

/// `ktlo coupling`: files that change together, by code-maat's rules.
struct CouplingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coupling",
        abstract: "List files that change together (table, json, csv or markdown).",
        discussion: """
            code-maat's change coupling: degree = 100 × shared commits / the pair's average revisions. Commits \
            touching more than --max-changeset-size files are left out, and a pair is listed when its average \
            revisions reach --min-revs, its shared commits --min-shared and its degree --min-degree. Files are \
            those present at the analysed revision, followed back through renames.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    @Option(help: ArgumentHelp("Smallest average revisions of a pair.", valueName: "count"))
    var minRevs = 5

    @Option(help: ArgumentHelp("Fewest commits a pair must share.", valueName: "count"))
    var minShared = 5

    @Option(help: ArgumentHelp("Lowest degree of coupling, in percent.", valueName: "percent"))
    var minDegree = 30

    @Option(help: ArgumentHelp("Leave out commits that touch more files than this.", valueName: "count"))
    var maxChangesetSize = 30

    @Option(help: ArgumentHelp("How many pairs to list (0: all).", valueName: "count"))
    var top = 0

    @Option(help: ArgumentHelp("One row per 'file', or per folder: 'dir' or 'dir=DEPTH'.",
                               valueName: "file|dir[=depth]"))
    var by = GroupingArgument.file

    func validate() throws {
        try output.validate(formats: HotspotsCommand.formats, command: "coupling")
        for (name, value) in [("--min-revs", minRevs), ("--min-shared", minShared), ("--min-degree", minDegree),
                              ("--max-changeset-size", maxChangesetSize), ("--top", top)] where value < 0 {
            throw ValidationError("\(name) must not be negative")
        }
    }

    func run() throws {
        var options = CouplingOptions()
        options.minimumRevisions = minRevs
        options.minimumShared = minShared
        options.minimumDegree = minDegree
        options.maximumChangesetSize = maxChangesetSize
        let analysis = try HotspotAnalysis(history, by: by, quiet: output.quiet,
                                           maxChangesetSize: maxChangesetSize)
        var pairs = CouplingAnalysis.pairs(analysis.result.coupling, options: options)
        if top > 0 { pairs = Array(pairs.prefix(top)) }
        let report = CouplingReport(source: analysis.source, grouping: analysis.grouping, options: options, couplings: pairs,
                                    sumOfCoupling: CouplingAnalysis.sumOfCoupling(analysis.result.coupling,
                                                                                  minimumRevisions: minRevs))
        let renderer: any CouplingRenderer = switch output.resolvedFormat(fallback: .json) {
        case .csv: CSVCouplingRenderer()
        case .markdown: MarkdownCouplingRenderer()
        case .table: TableCouplingRenderer()
        default: JSONCouplingRenderer()
        }
        let writer = try OutputWriter(path: output.output)
        try writer.write(renderer.render(report))
        try writer.finish()
    }
}
