import Analysis
import ArgumentParser
import Configuration
import Foundation
import History
import Reports

/// `ktlo report`: the KTLO share of effort per period, per category and bucket, with budget and breakdowns.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The KTLO share of engineering effort per period (table, json, csv or markdown).",
        discussion: """
            Effort is measured three ways — commits, churn (lines changed) and dev-days (each author-day split \
            among the author's commits of that day) — and the KTLO share (fix, refactor, maintenance, revert) is \
            given for each, per week, month, quarter or year, with the change against the period before, the \
            budget of .ktlo.yml, and how many commits were classified with low confidence.
            """
    )

    @OptionGroup var history: HistoryArguments
    @OptionGroup var output: OutputArguments

    @Option(help: ArgumentHelp("Period: week (ISO), month, quarter or year.", valueName: "period"))
    var by: PeriodKind = .quarter

    @Option(help: ArgumentHelp("The month the fiscal year starts in (1–12 or a name); quarters and years follow it.",
                               valueName: "month"))
    var fiscalYearStart: String?

    @Option(help: ArgumentHelp("The headline measure: commits, churn or dev_days.", valueName: "measure"))
    var effort: EffortMeasure = .devDays

    @Flag(help: "Break the effort down by component (top-level folders, or the components of .ktlo.yml).")
    var byComponent = false

    @Flag(help: "Break the effort down by person (and team, with teams in .ktlo.yml), with how evenly KTLO is shared.")
    var byAuthor = false

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Build the report from NDJSON commit records that `ktlo commits --format ndjson` "
                                   + "wrote (- for standard input) instead of reading repositories.",
                               valueName: "file"))
    var from: [String] = []

    @Option(help: ArgumentHelp("Colour in the table: auto (on a terminal, unless NO_COLOR is set), always, never.",
                               valueName: "when"))
    var color: ColorMode = .auto

    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    static let formats: [OutputFormat] = [.table, .json, .csv, .markdown]

    func validate() throws {
        try output.validate(formats: Self.formats, command: "report")
        _ = try fiscalMonth()
        if !from.isEmpty { try validateFrom() }
    }

    func run() throws {
        if !from.isEmpty { return try runFromRecords() }
        let paths = try RepositoryList.paths(history)
        if paths.count > 1 || history.reposFile != nil { return try runOverRepositories(paths) }
        let session = try AnalysisSession(history)
        let reader = try session.reader(history)
        let classifier = try session.classifier(measuringOn: reader)
        let options = try builderOptions(session.configuration)
        var builder = EffortReportBuilder(options: options)
        let warnings = try ReportSnapshot.addRange(of: reader, history: history, session: session,
                                                   classifier: classifier, to: &builder, quiet: output.quiet).warnings
        let report = builder.build()
        if !output.quiet {
            for warning in warnings { Terminal.printWarning(warning.message) }
        }
        var branch: String?
        if case .branch(let name, _) = reader.head { branch = name }
        let context = RepositoryContext(repositoryPath: reader.repositoryPath, head: reader.head.commit, branch: branch)
        try write(report, context: context, warnings: warnings)
    }

    /// The report's settings: the measure and periods asked for, and the configuration's buckets, components, teams
    /// and budget.
    func builderOptions(_ configuration: KtloConfiguration) throws -> EffortReportBuilder.Options {
        EffortReportBuilder.Options(
            calendar: PeriodCalendar(kind: by, fiscalYearStart: try fiscalMonth()),
            measure: effort,
            mapping: configuration.classifier.buckets,
            components: byComponent ? ComponentMap(named: configuration.components) : nil,
            byAuthor: byAuthor,
            teams: TeamMap(configuration.teams),
            budget: configuration.budget)
    }

    /// Renders the report in the format asked for and writes it.
    func write(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) throws {
        let renderer: any ReportRenderer
        switch output.resolvedFormat(fallback: .table) {
        case .json: renderer = ReportJSONRenderer()
        case .csv: renderer = ReportCSVRenderer()
        case .markdown: renderer = ReportMarkdownRenderer()
        default: renderer = ReportTableRenderer(color: useColor)
        }
        let writer = try OutputWriter(path: output.output)
        try writer.write(renderer.render(report, context: context, warnings: warnings))
        try writer.finish()
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: output.output == nil && Terminal.standardOutputIsTerminal && Terminal.colorAllowed
        }
    }

    private func fiscalMonth() throws -> Int {
        try Self.fiscalMonth(fiscalYearStart)
    }

    /// `--fiscal-year-start` as a month number (1 without it).
    static func fiscalMonth(_ fiscalYearStart: String?) throws -> Int {
        guard let fiscalYearStart else { return 1 }
        if let number = Int(fiscalYearStart), (1...12).contains(number) { return number }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        if let index = names.firstIndex(where: { fiscalYearStart.lowercased().hasPrefix($0) }) { return index + 1 }
        throw ValidationError("--fiscal-year-start '\(fiscalYearStart)' is not a month: use 1–12 or a month name")
    }
}

extension PeriodKind: ExpressibleByArgument {}
extension EffortMeasure: ExpressibleByArgument {}
