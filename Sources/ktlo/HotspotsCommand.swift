import Analysis
import ArgumentParser
import Reports

/// `ktlo hotspots`: the files (or folders) that cost the most, each score with its factors and smells.
struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Rank the files that change often, are complex and attract fixes (table, json, csv or markdown).",
        discussion: """
            Every file present at the analysed revision (HEAD, or the tip of the range) is followed back through \
            renames. Its score is (changes + changes in the last 6 months) × √(1 + complexity) × (1 + fix score), \
            the fix score summing Google's bug-prediction weight 1/(1+e^(-12t+12)) over the fixes that touched it \
            (t: 0 at the oldest commit of the range, 1 at the newest). Complexity is read from the files' blobs: a \
            cyclomatic estimate for 15 languages, a count of indented blocks for other text. Each hotspot lists its \
            smells with the numbers behind them, its coupled files and its complexity trend, and the report ends \
            with the share of the KTLO effort that landed in the top hotspots.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    @Option(help: ArgumentHelp("How many hotspots to list (0: all).", valueName: "count"))
    var top = 20

    @Option(help: ArgumentHelp("One row per 'file', or per folder: 'dir' (each file's folder) or 'dir=DEPTH' (the "
                                   + "first DEPTH folders of the path).", valueName: "file|dir[=depth]"))
    var by = GroupingArgument.file

    @Option(help: ArgumentHelp("The recent window, in days before the newest commit of the range: its changes count "
                                   + "double in the score, and authors without a commit in it count as gone.",
                               valueName: "days"))
    var recentDays = HotspotAnalysis.defaultRecentDays

    @Option(help: ArgumentHelp("How many of the top hotspots get a complexity trend (read from up to 6 points of "
                                   + "their history).", valueName: "count"))
    var trends = 20

    static let formats: [OutputFormat] = [.table, .json, .csv, .markdown]

    func validate() throws {
        try output.validate(formats: Self.formats, command: "hotspots")
        guard top >= 0 else { throw ValidationError("--top must not be negative") }
        guard recentDays >= 1 else { throw ValidationError("--recent-days must be at least 1") }
        guard trends >= 0 else { throw ValidationError("--trends must not be negative") }
    }

    func run() throws {
        let analysis = try HotspotAnalysis(history, by: by, recentDays: recentDays, quiet: output.quiet)
        let ranked = HotspotRanking.rank(analysis.result.entities, metrics: try analysis.measureRows())
        let coupling = analysis.result.coupling
        let partners = HotspotRanking.partners(CouplingAnalysis.pairs(coupling))
        let sums = Dictionary(zip(coupling.rows, coupling.sumOfCoupling), uniquingKeysWith: { first, _ in first })
        let detector = SmellDetector(ranked: ranked, recentDays: recentDays)
        var listed = Array(top == 0 ? ranked[...] : ranked.prefix(top))
        for index in listed.indices {
            listed[index].coupled = partners[listed[index].path] ?? []
            listed[index].sumOfCoupling = sums[listed[index].path] ?? 0
            if index < trends { listed[index].trend = analysis.trend(of: listed[index]) }
            listed[index].smells = detector.smells(of: listed[index], isFolder: !analysis.grouping.isFile)
        }
        let report = HotspotsReport(source: analysis.source, grouping: analysis.grouping, recentDays: recentDays,
                                    ranked: ranked.count, hotspots: listed,
                                    ktloInHotspots: HotspotRanking.ktloInHotspots(listed,
                                                                                  totalEffort: analysis.result.totalEffort))
        let renderer: any HotspotsRenderer = switch output.resolvedFormat(fallback: .json) {
        case .csv: CSVHotspotsRenderer()
        case .markdown: MarkdownHotspotsRenderer()
        case .table: TableHotspotsRenderer(width: output.output == nil ? Terminal.width : nil)
        default: JSONHotspotsRenderer()
        }
        let writer = try OutputWriter(path: output.output)
        try writer.write(renderer.render(report))
        try writer.finish()
    }
}
