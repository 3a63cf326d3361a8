import Analysis
import Foundation
import History

/// `ktlo report --format json`: the contract of DESIGN.md, plus buckets, budget, uncertainty and breakdowns.
/// Shares are fractions (0…1), `null` when there is no effort to share. Schemas/report.schema.json describes it.
public struct ReportJSONRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) -> String {
        document(report, context: context, warnings: warnings).text(pretty: true) + "\n"
    }

    /// The whole document, for `render` and for reports that carry this one inside (`ktlo analyze`).
    func document(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) -> JSON {
        var document: [String: JSON] = [
            "schema_version": .number(Double(ReportSchema.version)),
            "repository": .object(["path": .string(context.repositoryPath),
                                   "head": context.head.map { .string($0.hex) } ?? .null,
                                   "branch": context.branch.map(JSON.string) ?? .null]),
            "effort_metric": .string(report.measure.rawValue),
            "period_kind": .string(report.calendar.kind.rawValue),
            "fiscal_year_start": .number(Double(report.calendar.fiscalYearStart)),
            "buckets": .object(Dictionary(uniqueKeysWithValues: Bucket.allCases.map { bucket in
                (bucket.rawValue, JSON.array(Category.allCases.filter { report.mapping.bucket(for: $0) == bucket }
                    .map { .string($0.rawValue) }))
            })),
            "warnings": .array(warnings.map { .object(["kind": .string($0.kind), "message": .string($0.message)]) }),
            "periods": .array(report.periods.map { period($0, mapping: report.mapping) }),
            "totals": {
                var object = summary(report.totals, report: report)
                object["budget"] = budget(report.totalBudget)
                return .object(object)
            }(),
        ]
        if !report.components.isEmpty { document["components"] = .array(report.components.map { group($0, report) }) }
        if !report.authors.isEmpty {
            document["authors"] = .array(report.authors.map { group($0, report) })
            document["ktlo_gini"] = perMeasure { report.ktloGini[$0] }
        }
        if !report.teams.isEmpty { document["teams"] = .array(report.teams.map { group($0, report) }) }
        if !report.repositories.isEmpty {
            document["repositories"] = .array(report.repositories.map { repository in
                guard case .object(var object) = group(repository.group, report) else { return .null }
                object["periods"] = .array(repository.periods.map { period in
                    var entry = summary(period.summary, report: report)
                    entry["period"] = .string(period.period.label)
                    entry["start"] = .string(period.period.start.description)
                    entry["end"] = .string(period.period.end.description)
                    return .object(entry)
                })
                return .object(object)
            })
        }
        return JSON.object(document)
    }

    func summary(_ summary: EffortSummary, report: EffortReport) -> [String: JSON] {
        self.summary(summary, mapping: report.mapping)
    }

    /// One period: its summary, its bounds, the change against the period before and the budget; shared with
    /// `ktlo ci`'s result.
    func period(_ period: PeriodEffort, mapping: BucketMapping) -> JSON {
        var object = summary(period.summary, mapping: mapping)
        object["period"] = .string(period.period.label)
        object["start"] = .string(period.period.start.description)
        object["end"] = .string(period.period.end.description)
        object["change"] = period.change.map { change in
            .object(["ktlo_share_points": number(change.ktloSharePoints),
                     "effort_percent": number(change.effortPercent)])
        } ?? .null
        object["budget"] = budget(period.budget)
        return .object(object)
    }

    /// One summary's JSON members, shared with `ktlo ci`'s result.
    func summary(_ summary: EffortSummary, mapping: BucketMapping) -> [String: JSON] {
        var effort: [String: JSON] = [:], buckets: [String: JSON] = [:]
        for measure in EffortMeasure.allCases {
            effort[measure.rawValue] = .object(Dictionary(uniqueKeysWithValues: Category.allCases.map {
                ($0.rawValue, JSON.number(ReportNumber.rounded(summary.effort.effort($0, measure))))
            }))
            buckets[measure.rawValue] = .object(Dictionary(uniqueKeysWithValues: Bucket.allCases.map {
                ($0.rawValue, JSON.number(ReportNumber.rounded(summary.effort.effort($0, measure, mapping: mapping))))
            }))
        }
        return [
            "commits": .number(Double(summary.commits)),
            "merges": .number(Double(summary.merges)),
            "authors": .number(Double(summary.authors)),
            "effort": .object(effort),
            "bucket_effort": .object(buckets),
            "ktlo_share": perMeasure { summary.effort.share(.ktlo, $0, mapping: mapping) },
            "feature_share": perMeasure { summary.effort.share(Bucket.feature, $0, mapping: mapping) },
            "other_share": perMeasure { summary.effort.share(Bucket.other, $0, mapping: mapping) },
            "low_confidence": .object([
                "commits": .number(Double(summary.lowConfidenceCommits)),
                "share": perMeasure { summary.lowConfidenceShare($0, mapping: mapping) },
            ]),
        ]
    }

    private func group(_ group: GroupEffort, _ report: EffortReport) -> JSON {
        var object = summary(group.summary, report: report)
        object["name"] = .string(group.name)
        if let email = group.email { object["email"] = .string(email) }
        if let team = group.team { object["team"] = .string(team) }
        object["share_of_ktlo"] = perMeasure { group.shareOfKTLO[$0] }
        return .object(object)
    }

    func budget(_ comparisons: [Budget.Comparison]) -> JSON {
        .array(comparisons.map { comparison in
            let kind: String
            switch comparison.target {
            case .bucket: kind = "bucket"
            case .category: kind = "category"
            }
            return .object([
                "target": .string(comparison.target.description),
                "kind": .string(kind),
                "budget_percent": .number(comparison.budgetPercent),
                "actual_percent": number(comparison.actualPercent),
                "difference_points": number(comparison.differencePoints),
            ])
        })
    }

    private func perMeasure(_ value: (EffortMeasure) -> Double?) -> JSON {
        .object(Dictionary(uniqueKeysWithValues: EffortMeasure.allCases.map { ($0.rawValue, number(value($0))) }))
    }

    private func number(_ value: Double?) -> JSON {
        value.map { .number(ReportNumber.rounded($0)) } ?? .null
    }
}
