import Analysis
import Git
import History

/// The JSON result of a `ktlo ci` run (`--output`): the verdict and exit code, the rules with their numbers, the
/// new commits, the current and previous period, the touched hotspots, and what was visible of the history.
public struct CIJSONRenderer {
    public init() {}

    public func render(_ result: CIResult, context: CIContext) -> String {
        let report = ReportJSONRenderer()
        let repository = context.repository
        func number(_ value: Double?) -> JSON { value.map { .number(ReportNumber.rounded($0)) } ?? .null }
        func period(_ period: PeriodEffort?) -> JSON {
            period.map { report.period($0, mapping: result.mapping) } ?? .null
        }
        var range = report.summary(result.range, mapping: result.mapping)
        range["base"] = context.base.map { .string($0.hex) } ?? .null
        let document: [String: JSON] = [
            "schema_version": .number(Double(ReportSchema.version)),
            "repository": .object(["path": .string(repository.repositoryPath),
                                   "head": repository.head.map { .string($0.hex) } ?? .null,
                                   "branch": repository.branch.map(JSON.string) ?? .null]),
            "status": .string(result.passed ? "pass" : "fail"),
            "exit_code": .number(result.passed ? 0 : 1),
            "effort_metric": .string(result.measure.rawValue),
            "base": context.base.map { .string($0.hex) } ?? .null,
            "base_source": .string(context.baseSource),
            "history": .object(["visible_commits": .number(Double(context.visibleCommits)),
                                "shallow": .bool(context.isShallow)]),
            "rules": .array(result.checks.map { check in
                .object(["rule": .string(check.rule.rawValue), "limit": number(check.limit),
                         "actual": number(check.actual), "breached": .bool(check.breached),
                         "detail": .string(check.detail)])
            }),
            "range": .object(range),
            "commits": .array(result.newCommits.map { commit in
                let record = commit.record, classification = commit.classification
                return .object([
                    "sha": .string(record.id.hex),
                    "summary": .string(record.summary),
                    "author": .object(["name": .string(record.author.name), "email": .string(record.author.email)]),
                    "author_time": .string(record.authorTime.iso8601),
                    "category": .string(classification.category.rawValue),
                    "bucket": classification.bucket.map { .string($0.rawValue) } ?? .null,
                    "confidence": .number(ReportNumber.rounded(classification.confidence)),
                    "reasons": .array(classification.reasons.map { .string($0.detail) }),
                    "added": .number(Double(record.added)),
                    "deleted": .number(Double(record.deleted)),
                    "merge": .bool(record.isMerge),
                    "hotspots": .array(result.touchedHotspots.filter { $0.commits.contains(record.id) }
                        .map { .string($0.path) }),
                ])
            }),
            "current_period": period(result.currentPeriod),
            "previous_period": period(result.previousPeriod),
            "hotspots_touched": .array(result.touchedHotspots.map { hotspot in
                .object(["path": .string(hotspot.path), "rank": .number(Double(hotspot.rank)),
                         "score": number(hotspot.score), "complexity_before": number(hotspot.complexityBefore),
                         "complexity_after": number(hotspot.complexityAfter), "grew": .bool(hotspot.grew),
                         "commits": .array(hotspot.commits.map { .string($0.hex) })])
            }),
            "warnings": .array(context.warnings.map { .object(["kind": .string($0.kind), "message": .string($0.message)]) }),
        ]
        return JSON.object(document).text(pretty: true) + "\n"
    }
}

/// The GitHub Actions annotations of a run: an error per breached rule, a warning per touched hotspot (on its file)
/// and per warning of the analysis.
public enum CIAnnotations {
    public static func make(_ result: CIResult, context: CIContext) -> [GitHubAnnotation] {
        var annotations: [GitHubAnnotation] = []
        for breach in result.breaches {
            annotations.append(GitHubAnnotation(.error, breach.detail, title: "ktlo: \(breach.rule.rawValue) breached"))
        }
        for hotspot in result.touchedHotspots {
            var message = "hotspot #\(hotspot.rank) (score \(ReportNumber.plain(hotspot.score))) changed by "
                + "\(hotspot.commits.count) new commit(s)"
            if hotspot.grew {
                message += "; complexity " + (hotspot.complexityBefore.map { ReportNumber.plain($0, decimals: 1) } ?? "0")
                    + " → " + ReportNumber.plain(hotspot.complexityAfter, decimals: 1)
            }
            annotations.append(GitHubAnnotation(.warning, message, file: hotspot.path, title: "ktlo: hotspot"))
        }
        for warning in context.warnings {
            annotations.append(GitHubAnnotation(.warning, warning.message, title: "ktlo: \(warning.kind)"))
        }
        return annotations
    }
}
