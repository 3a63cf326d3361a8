import Analysis
import Git

/// `--format json`: the contract's `hotspots[]` with every factor, smell, coupled file and trend point.
public struct JSONHotspotsRenderer: HotspotsRenderer {
    public init() {}

    public func render(_ report: HotspotsReport) -> String {
        OrderedJSON.object(Self.members(report)).prettyText
    }

    /// The document's members, for `render` and for reports that carry this one inside (`ktlo analyze`).
    static func members(_ report: HotspotsReport) -> [(String, OrderedJSON)] {
        let ktlo = report.ktloInHotspots
        var members: [(String, OrderedJSON)] = [("schema_version", .integer(ReportSchema.version))]
        members += report.source.jsonMembers
        members += [
            ("by", .string(report.grouping.description)),
            ("recent_days", .integer(report.recentDays)),
            ("ranked", .integer(report.ranked)),
            ("hotspots", .array(report.hotspots.map { Self.hotspot($0, isFolder: !report.grouping.isFile) })),
            ("ktlo_in_hotspots", .object([("top", .integer(ktlo.top))] + EffortMeasure.allCases.map { measure in
                (measure.rawValue, .object([("ktlo", .rounded(ktlo.ktlo[measure])),
                                            ("in_hotspots", .rounded(ktlo.inHotspots[measure])),
                                            ("share", ktlo.share(measure).map { .rounded($0) } ?? .null)]))
            })),
            ("warnings", report.source.warningsJSON),
        ]
        return members
    }

    static func hotspot(_ hotspot: Hotspot, isFolder: Bool) -> OrderedJSON {
        let history = hotspot.history, metrics = hotspot.metrics
        var members: [(String, OrderedJSON)] = [
            ("rank", .integer(hotspot.rank)),
            ("path", .string(hotspot.path)),
            ("score", .rounded(hotspot.score, 2)),
            ("revisions", .integer(history.revisions)),
            ("churn", .integer(history.churn)),
            ("authors", .integer(history.authors.count)),
            ("fixes", .integer(history.fixes)),
            ("fix_score", .rounded(history.fixScore)),
            ("loc", .integer(metrics.codeLines)),
            ("complexity", .integer(metrics.complexity)),
            ("ownership", .rounded(history.ownership)),
            ("last_changed", .optional(history.lastChange?.iso8601)),
            ("smells", .array(hotspot.smells.map {
                .object([("kind", .string($0.kind.rawValue)), ("detail", .string($0.detail)),
                         ("value", .rounded($0.value))])
            })),
            ("factors", .object([("frequency", .rounded(hotspot.factors.frequency)),
                                 ("complexity", .rounded(hotspot.factors.complexity)),
                                 ("fix_attraction", .rounded(hotspot.factors.fixAttraction))])),
            ("recent_revisions", .integer(history.recentRevisions)),
            ("added", .integer(history.added)),
            ("deleted", .integer(history.deleted)),
            ("main_author", history.mainAuthor.map {
                .object([("name", .string($0.author.name)), ("email", .string($0.author.email))])
            } ?? .null),
            ("fragmentation", .rounded(history.fragmentation)),
            ("departed_share", .rounded(history.departedShare)),
            ("ktlo_share", .object(EffortMeasure.allCases.map { ($0.rawValue, .rounded(history.ktloShare($0))) })),
            ("first_changed", .optional(history.firstChange?.iso8601)),
            ("lines", .integer(metrics.lines)),
            ("complexity_source", .string(isFolder ? "sum" : (metrics.cyclomatic == nil ? "indentation" : "cyclomatic"))),
            ("language", .optional(metrics.language?.rawValue)),
            ("functions", .integer(metrics.functions)),
            ("indentation_complexity", .rounded(metrics.indentation, 2)),
            ("sum_of_coupling", .integer(hotspot.sumOfCoupling)),
            ("coupled", .array(hotspot.coupled.map {
                .object([("path", .string($0.path)), ("degree", .integer($0.degree)), ("shared", .integer($0.shared))])
            })),
            ("trend", .array(hotspot.trend.map {
                .object([("sha", .string($0.commit.hex)), ("date", .string($0.time.iso8601)),
                         ("complexity", .integer($0.complexity)), ("loc", .integer($0.codeLines))])
            })),
        ]
        if isFolder { members.append(("files", .integer(history.files.count))) }
        return .object(members)
    }
}
