import Analysis
import Git
import History

/// Everything `ktlo analyze` reports, from one walk of the history: the effort report (periods, components, people),
/// the top hotspots, the map of every ranked file, the coupling pairs and the warnings.
public struct AnalyzeReport: Sendable {
    public let source: ReportSource
    /// By period, with components and people.
    public let effort: EffortReport
    /// The top hotspots (their `source` is ``source``).
    public let hotspots: HotspotsReport
    /// The files of the hotspot map, best score first (more of them than the top).
    public let map: [Hotspot]
    public let coupling: CouplingReport
    public let generation: ReportGeneration

    public init(source: ReportSource, effort: EffortReport, hotspots: HotspotsReport, map: [Hotspot],
                coupling: CouplingReport, generation: ReportGeneration) {
        self.source = source
        self.effort = effort
        self.hotspots = hotspots
        self.map = map
        self.coupling = coupling
        self.generation = generation
    }

    /// The repository as the effort renderers name it.
    public var context: RepositoryContext {
        RepositoryContext(repositoryPath: source.repositoryPath, head: source.head, branch: source.branch)
    }

    /// The KTLO budget in percent: the `ktlo` bucket's line, else the sum of the lines of categories in the KTLO
    /// bucket; `nil` when the budget says nothing about KTLO.
    public var ktloBudgetPercent: Double? {
        guard let budget = effort.budget else { return nil }
        if let line = budget.lines.first(where: { $0.target == .bucket(.ktlo) }) { return line.percent }
        let lines = budget.lines.filter {
            if case .category(let category) = $0.target { return effort.mapping.bucket(for: category) == .ktlo }
            return false
        }
        return lines.isEmpty ? nil : lines.reduce(0) { $0 + $1.percent }
    }
}

/// When and by what a report was made: shown in the HTML's footer and given in JSON. Injected, so that a fixed
/// time (SOURCE_DATE_EPOCH) gives the same bytes on every run.
public struct ReportGeneration: Sendable {
    public let time: Timestamp
    public let version: String

    public init(time: Timestamp, version: String) {
        self.time = time
        self.version = version
    }
}
