import Analysis
import ArgumentParser
import Foundation
import Git
import Reports

/// `ktlo analyze`: the effort report, the hotspots and the coupling pairs from one walk of the history, as one
/// report — the source of the HTML page a team reads before planning.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Everything in one report: KTLO over time, hotspots, coupling, who carries the KTLO "
            + "(html, table, json or markdown).",
        discussion: """
            The history is diffed once: every classified commit goes both into the effort report (per period, \
            component and person, against the budget of .ktlo.yml) and into the per-file aggregates of the \
            hotspots and the coupling pairs. --format html writes one self-contained page (inline CSS and SVG \
            charts, no script, no network) — the format chosen when -o names a .html file. The page's time is \
            SOURCE_DATE_EPOCH when that is set, so that a report can be made byte for byte again.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    @Option(help: ArgumentHelp("Period: week (ISO), month, quarter or year.", valueName: "period"))
    var by: PeriodKind = .quarter

    @Option(help: ArgumentHelp("The month the fiscal year starts in (1–12 or a name).", valueName: "month"))
    var fiscalYearStart: String?

    @Option(help: ArgumentHelp("The headline measure: commits, churn or dev_days.", valueName: "measure"))
    var effort: EffortMeasure = .devDays

    @Option(help: ArgumentHelp("How many hotspots to list with their smells.", valueName: "count"))
    var top = 20

    @Option(help: ArgumentHelp("How many files the hotspot map shows (the highest scores).", valueName: "count"))
    var mapFiles = 150

    @Option(help: ArgumentHelp("The recent window of the hotspot score, in days.", valueName: "days"))
    var recentDays = HotspotAnalysis.defaultRecentDays

    @Option(help: ArgumentHelp("How many of the top hotspots get a complexity trend.", valueName: "count"))
    var trends = 20

    @Option(help: ArgumentHelp("How many coupling pairs to list.", valueName: "count"))
    var couplingTop = 20

    @Option(help: ArgumentHelp("Colour in the table: auto, always, never.", valueName: "when"))
    var color: ReportCommand.ColorMode = .auto

    static let formats: [OutputFormat] = [.html, .table, .json, .markdown]

    func validate() throws {
        try output.validate(formats: Self.formats, command: "analyze")
        _ = try ReportCommand.fiscalMonth(fiscalYearStart)
        for (name, value) in [("--top", top), ("--map-files", mapFiles), ("--trends", trends),
                              ("--coupling-top", couplingTop)] where value < 0 {
            throw ValidationError("\(name) must not be negative")
        }
        guard recentDays >= 1 else { throw ValidationError("--recent-days must be at least 1") }
        _ = try generationTime()
    }

    func run() throws {
        let fiscalMonth = try ReportCommand.fiscalMonth(fiscalYearStart)
        let analysis = try HotspotAnalysis(history, by: .file, recentDays: recentDays, quiet: output.quiet) {
            configuration in
            EffortReportBuilder.Options(
                calendar: PeriodCalendar(kind: by, fiscalYearStart: fiscalMonth), measure: effort,
                mapping: configuration.classifier.buckets, components: ComponentMap(named: configuration.components),
                byAuthor: true, teams: TeamMap(configuration.teams), budget: configuration.budget)
        }
        guard let effortReport = analysis.effort else { throw CommandFailure.unusable("no effort report was built") }

        let ranked = HotspotRanking.rank(analysis.result.entities, metrics: try analysis.measureRows())
        let pairs = CouplingAnalysis.pairs(analysis.result.coupling)
        let partners = HotspotRanking.partners(pairs)
        let sums = Dictionary(zip(analysis.result.coupling.rows, analysis.result.coupling.sumOfCoupling),
                              uniquingKeysWith: { first, _ in first })
        let detector = SmellDetector(ranked: ranked, recentDays: recentDays)
        var listed = Array(ranked.prefix(top))
        for index in listed.indices {
            listed[index].coupled = partners[listed[index].path] ?? []
            listed[index].sumOfCoupling = sums[listed[index].path] ?? 0
            if index < trends { listed[index].trend = analysis.trend(of: listed[index]) }
            listed[index].smells = detector.smells(of: listed[index], isFolder: false)
        }
        let source = analysis.source
        let hotspots = HotspotsReport(source: source, grouping: analysis.grouping, recentDays: recentDays,
                                      ranked: ranked.count, hotspots: listed,
                                      ktloInHotspots: HotspotRanking.ktloInHotspots(
                                          listed, totalEffort: analysis.result.totalEffort))
        let coupling = CouplingReport(source: source, grouping: analysis.grouping, options: CouplingOptions(),
                                      couplings: Array(pairs.prefix(couplingTop)),
                                      sumOfCoupling: CouplingAnalysis.sumOfCoupling(analysis.result.coupling,
                                                                                    minimumRevisions: CouplingOptions().minimumRevisions))
        let report = AnalyzeReport(source: source, effort: effortReport, hotspots: hotspots,
                                   map: Array(ranked.prefix(mapFiles)), coupling: coupling,
                                   generation: ReportGeneration(time: try generationTime(), version: KtloVersion.current))
        let text: String
        switch format {
        case .json: text = AnalyzeJSONRenderer().render(report)
        case .markdown: text = AnalyzeMarkdownRenderer().render(report)
        case .table: text = AnalyzeTableRenderer(color: useColor, width: output.output == nil ? Terminal.width : nil)
            .render(report)
        default: text = AnalyzeHTMLRenderer().render(report)
        }
        let writer = try OutputWriter(path: output.output)
        try writer.write(text)
        try writer.finish()
    }

    /// The format asked for; else HTML for a `.html` file, a table on a terminal, JSON otherwise.
    private var format: OutputFormat {
        if output.format == nil, let path = output.output, path.lowercased().hasSuffix(".html") { return .html }
        return output.resolvedFormat(fallback: .json)
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: output.output == nil && Terminal.standardOutputIsTerminal && Terminal.colorAllowed
        }
    }

    /// Now, or SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set: the reproducible-builds convention.
    private func generationTime() throws -> Timestamp {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty {
            guard let seconds = Int64(text), seconds >= 0 else {
                throw ValidationError("SOURCE_DATE_EPOCH '\(text)' is not a number of seconds since 1970")
            }
            return Timestamp(secondsSinceEpoch: seconds, offsetMinutes: 0)
        }
        return Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970), offsetMinutes: 0)
    }
}
