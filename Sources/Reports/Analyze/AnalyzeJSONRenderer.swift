import Analysis
import History

/// `ktlo analyze --format json`: a summary, then the documents of `ktlo report` (with components and people),
/// `ktlo hotspots` and `ktlo coupling` whole, each valid against its own schema, and the files of the hotspot map.
/// Schemas/analyze.schema.json describes it.
public struct AnalyzeJSONRenderer {
    public init() {}

    public func render(_ report: AnalyzeReport) -> String {
        let effort = report.effort, measure = effort.measure, totals = effort.totals.effort
        var members: [(String, OrderedJSON)] = [
            ("schema_version", .integer(ReportSchema.version)),
            ("generated_at", .string(report.generation.time.iso8601)),
            ("ktlo_version", .string(report.generation.version)),
        ]
        members += report.source.jsonMembers
        let ktloShare = report.hotspots.ktloInHotspots.share(measure)
        members += [
            ("summary", .object([
                ("commits", .integer(effort.totals.commits)),
                ("merges", .integer(effort.totals.merges)),
                ("authors", .integer(effort.totals.authors)),
                ("effort_metric", .string(measure.rawValue)),
                ("period_kind", .string(effort.calendar.kind.rawValue)),
                ("periods", .integer(effort.periods.count)),
                ("ktlo_share", Self.share(totals.share(.ktlo, measure, mapping: effort.mapping))),
                ("feature_share", Self.share(totals.share(Bucket.feature, measure, mapping: effort.mapping))),
                ("other_share", Self.share(totals.share(Bucket.other, measure, mapping: effort.mapping))),
                ("ktlo_budget_percent", report.ktloBudgetPercent.map { .rounded($0) } ?? .null),
                ("ktlo_gini", Self.share(effort.ktloGini[measure])),
                ("hotspots_ranked", .integer(report.hotspots.ranked)),
                ("ktlo_share_in_top_hotspots", Self.share(ktloShare)),
                ("coupled_pairs", .integer(report.coupling.couplings.count)),
            ])),
            ("report", OrderedJSON(ReportJSONRenderer().document(effort, context: report.context,
                                                                   warnings: report.source.warnings))),
            ("hotspots", .object(JSONHotspotsRenderer.members(report.hotspots))),
            ("hotspot_map", .array(report.map.map { hotspot in
                .object([("path", .string(hotspot.path)), ("revisions", .integer(hotspot.history.revisions)),
                         ("complexity", .integer(hotspot.metrics.complexity)),
                         ("loc", .integer(hotspot.metrics.codeLines)), ("fixes", .integer(hotspot.history.fixes))])
            })),
            ("coupling", .object(JSONCouplingRenderer.members(report.coupling))),
            ("warnings", report.source.warningsJSON),
        ]
        return OrderedJSON.object(members).prettyText
    }

    private static func share(_ value: Double?) -> OrderedJSON {
        value.map { .rounded($0) } ?? .null
    }
}

extension OrderedJSON {
    /// The same value with its objects' keys in sorted order, as ``JSON`` writes them.
    init(_ json: JSON) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let values): self = .array(values.map(OrderedJSON.init))
        case .object(let members):
            self = .object(members.keys.sorted().map { ($0, OrderedJSON(members[$0]!)) })
        }
    }
}
