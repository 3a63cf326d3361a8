import Analysis
import History

/// `ktlo report --format csv`: one row per period × category (RFC 4180, CRLF), then the same for the whole range
/// with period `total`; effort in all three measures, each category's share of the period's bucketed effort. A report
/// over several repositories repeats the rows for each repository, named in the last column (empty for the rows of
/// all of them).
public struct ReportCSVRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: EffortReport, context: RepositoryContext, warnings: [HistoryWarning]) -> String {
        var text = CSVField.row(["period", "start", "end", "category", "bucket", "commits", "churn", "dev_days",
                                 "commits_share", "churn_share", "dev_days_share", "low_confidence_commits", "repository"])
        func rows(_ label: String, _ start: String, _ end: String, _ summary: EffortSummary, repository: String = "") {
            for category in Category.allCases {
                var fields = [label, start, end, category.rawValue, report.mapping.bucket(for: category)?.rawValue ?? ""]
                for measure in EffortMeasure.allCases {
                    fields.append(ReportNumber.plain(summary.effort.effort(category, measure), decimals: 4))
                }
                for measure in EffortMeasure.allCases {
                    fields.append(summary.effort.share(category, measure, mapping: report.mapping)
                        .map { ReportNumber.plain($0, decimals: 4) } ?? "")
                }
                fields.append(ReportNumber.plain(summary.lowConfidenceEffort.effort(category, .commits)))
                fields.append(CSVField.text(repository))
                text += CSVField.row(fields)
            }
        }
        for period in report.periods {
            rows(period.period.label, period.period.start.description, period.period.end.description, period.summary)
        }
        rows("total", report.periods.first?.period.start.description ?? "",
             report.periods.last?.period.end.description ?? "", report.totals)
        for repository in report.repositories {
            for period in repository.periods {
                rows(period.period.label, period.period.start.description, period.period.end.description,
                     period.summary, repository: repository.group.name)
            }
            rows("total", report.periods.first?.period.start.description ?? "",
                 report.periods.last?.period.end.description ?? "", repository.group.summary,
                 repository: repository.group.name)
        }
        return text
    }
}
