import Foundation
import Testing
import TestSupport

/// `ktlo report` on the `effort` fixture, whose every category, author, day and offset is known: every share and
/// dev-day sum below was computed by hand (see Fixtures/make-fixture, build_effort).
@Suite struct ReportCommandTests {
    private func report(_ arguments: [String] = []) throws -> [String: Any] {
        let result = try Shell.ktlo(["report", "--repo", try Fixtures.path("effort"), "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardErrorText)")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    private func periods(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["periods"] as? [[String: Any]])
    }

    private func number(_ object: [String: Any], _ path: String...) -> Double? {
        var current: Any? = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? Double ?? (current as? Int).map(Double.init)
    }

    private func isNull(_ object: [String: Any], _ path: String...) -> Bool {
        var current: Any? = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current is NSNull
    }

    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 0.0001
    }

    @Test func quartersInEveryMeasure() throws {
        let document = try report()
        #expect(document["effort_metric"] as? String == "dev_days")
        let quarters = try periods(document)
        #expect(quarters.map { $0["period"] as? String } == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"])
        #expect(quarters.map { $0["start"] as? String } == ["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01",
                                                             "2026-01-01"])
        #expect(quarters[0]["end"] as? String == "2025-03-31")

        // 2025-Q1: the feature and the fix of Ada's one day (½ dev-day each, her two e-mails being one person), Grace's
        // docs, and Grace's refactor at 23:30 −07:00 on 31 March, which is April in UTC but March in her calendar.
        let q1 = quarters[0]
        #expect(number(q1, "commits") == 4 && number(q1, "authors") == 2)
        #expect(number(q1, "effort", "dev_days", "feature") == 0.5)
        #expect(number(q1, "effort", "dev_days", "fix") == 0.5)
        #expect(number(q1, "effort", "dev_days", "docs") == 1)
        #expect(number(q1, "effort", "dev_days", "refactor") == 1)
        #expect(number(q1, "effort", "churn", "feature") == 10)
        #expect(number(q1, "effort", "churn", "fix") == 3)
        #expect(number(q1, "effort", "churn", "refactor") == 6)
        #expect(number(q1, "effort", "churn", "docs") == 5)
        #expect(number(q1, "ktlo_share", "commits") == 0.5)
        #expect(number(q1, "ktlo_share", "churn") == 0.375)
        #expect(number(q1, "ktlo_share", "dev_days") == 0.5)
        #expect(close(number(q1, "feature_share", "churn"), 0.4167))
        #expect(close(number(q1, "feature_share", "dev_days"), 0.1667))
        #expect(close(number(q1, "other_share", "dev_days"), 0.3333))
        #expect(number(q1, "bucket_effort", "dev_days", "ktlo") == 1.5)
        #expect(isNull(q1, "change"))

        // 2025-Q2: Ada's fix, and the bot's dependency bump: commits and churn, no dev-day, not an author.
        let q2 = quarters[1]
        #expect(number(q2, "commits") == 2 && number(q2, "authors") == 1)
        #expect(number(q2, "effort", "dev_days", "fix") == 1)
        #expect(number(q2, "effort", "dev_days", "maintenance") == 0)
        #expect(number(q2, "effort", "commits", "maintenance") == 1)
        #expect(number(q2, "effort", "churn", "maintenance") == 1)
        #expect(number(q2, "ktlo_share", "commits") == 1 && number(q2, "ktlo_share", "churn") == 1)
        #expect(number(q2, "ktlo_share", "dev_days") == 1)
        #expect(number(q2, "change", "ktlo_share_points") == 50)
        #expect(close(number(q2, "change", "effort_percent"), -66.6667))

        #expect(number(quarters[2], "ktlo_share", "dev_days") == 0)
        #expect(number(quarters[2], "other_share", "dev_days") == 1)
        #expect(number(quarters[2], "change", "ktlo_share_points") == -100)

        // 2025-Q4 has no commit: it is there, with no effort and no share.
        let q4 = quarters[3]
        #expect(number(q4, "commits") == 0)
        #expect(isNull(q4, "ktlo_share", "dev_days") && isNull(q4, "ktlo_share", "churn"))
        #expect(isNull(q4, "change", "ktlo_share_points"))
        #expect(number(q4, "change", "effort_percent") == -100)
        #expect(isNull(quarters[4], "change", "effort_percent"))
        #expect(number(quarters[4], "feature_share", "dev_days") == 1)

        let totals = try #require(document["totals"] as? [String: Any])
        #expect(number(totals, "commits") == 8 && number(totals, "authors") == 2 && number(totals, "merges") == 0)
        #expect(number(totals, "bucket_effort", "dev_days", "ktlo") == 2.5)
        #expect(close(number(totals, "ktlo_share", "dev_days"), 2.5 / 6))
        #expect(close(number(totals, "ktlo_share", "churn"), 11.0 / 54))
        #expect(number(totals, "ktlo_share", "commits") == 0.5)
        #expect(number(totals, "feature_share", "dev_days") == 0.25)
        let devDays = try #require(totals["effort"] as? [String: Any])["dev_days"] as? [String: Double]
        #expect(devDays?.values.reduce(0, +) == 6)
    }

    @Test func budgetAgainstActual() throws {
        let totals = try #require(try report()["totals"] as? [String: Any])
        let budget = try #require(totals["budget"] as? [[String: Any]])
        #expect(budget.map { $0["target"] as? String } == ["feature", "fix", "other"])
        #expect(budget.map { $0["kind"] as? String } == ["bucket", "category", "bucket"])
        #expect(budget.map { number($0, "actual_percent") } == [25, 25, 33.3333])
        #expect(budget.map { number($0, "difference_points") } == [-25, -5, 13.3333])
    }

    @Test func months() throws {
        let months = try periods(try report(["--by", "month"]))
        #expect(months.count == 13)
        #expect(months.first?["period"] as? String == "2025-01")
        #expect(months.last?["period"] as? String == "2026-01")
        #expect(months[2]["period"] as? String == "2025-03")
        #expect(number(months[2], "effort", "dev_days", "refactor") == 1)
        #expect(number(months[3], "commits") == 2)
        #expect(number(months[4], "commits") == 0)
    }

    @Test func isoWeeks() throws {
        let weeks = try periods(try report(["--by", "week"]))
        // 2025-W02 to 2026-W02: 2025 has 52 ISO weeks.
        #expect(weeks.count == 53)
        #expect(weeks.first?["period"] as? String == "2025-W02")
        #expect(weeks.first?["start"] as? String == "2025-01-06")
        #expect(weeks.last?["period"] as? String == "2026-W02")
        let week14 = try #require(weeks.first { $0["period"] as? String == "2025-W14" })
        #expect(week14["start"] as? String == "2025-03-31")
        #expect(number(week14, "commits") == 3 && number(week14, "authors") == 2)
        #expect(number(week14, "ktlo_share", "dev_days") == 1)
        #expect(number(week14, "effort", "churn", "refactor") == 6)
    }

    @Test func years() throws {
        let years = try periods(try report(["--by", "year"]))
        #expect(years.map { $0["period"] as? String } == ["2025", "2026"])
        #expect(number(years[0], "ktlo_share", "dev_days") == 0.5)
        #expect(close(number(years[0], "ktlo_share", "churn"), 11.0 / 34))
        #expect(number(years[1], "ktlo_share", "dev_days") == 0)
    }

    @Test func fiscalYearFromApril() throws {
        let quarters = try periods(try report(["--fiscal-year-start", "april"]))
        #expect(quarters.map { $0["period"] as? String } == ["FY2025-Q4", "FY2026-Q1", "FY2026-Q2", "FY2026-Q3",
                                                              "FY2026-Q4"])
        #expect(quarters[0]["start"] as? String == "2025-01-01")
        #expect(number(quarters[0], "commits") == 4)
        #expect(number(quarters[1], "commits") == 2)
        let years = try periods(try report(["--fiscal-year-start", "4", "--by", "year"]))
        #expect(years.map { $0["period"] as? String } == ["FY2025", "FY2026"])
        #expect(years[1]["start"] as? String == "2025-04-01" && years[1]["end"] as? String == "2026-03-31")
        #expect(number(years[1], "commits") == 4)
    }

    @Test func headlineMeasure() throws {
        #expect(try report(["--effort", "churn"])["effort_metric"] as? String == "churn")
    }

    @Test func byAuthorSharesTheKTLOBurden() throws {
        let document = try report(["--by-author"])
        let authors = try #require(document["authors"] as? [[String: Any]])
        #expect(authors.map { $0["name"] as? String } == ["Ada Lovelace", "Grace Hopper"])
        #expect(authors[0]["email"] as? String == "ada@example.com")
        #expect(number(authors[0], "commits") == 4 && number(authors[1], "commits") == 3)
        #expect(number(authors[0], "share_of_ktlo", "dev_days") == 0.6)
        #expect(number(authors[1], "share_of_ktlo", "dev_days") == 0.4)
        #expect(number(authors[0], "ktlo_share", "dev_days") == 0.5)
        #expect(number(document, "ktlo_gini", "dev_days") == 0.1)
    }

    @Test func byComponent() throws {
        let components = try #require(try report(["--by-component"])["components"] as? [[String: Any]])
        #expect(components.map { $0["name"] as? String } == ["src", "docs", "tests", "(root)"])
        #expect(number(components[0], "effort", "dev_days", "feature") == 1.5)
        #expect(number(components[3], "effort", "commits", "maintenance") == 1)
    }

    @Test func otherFormats() throws {
        let path = try Fixtures.path("effort")
        let csv = try Shell.ktlo(["report", "--repo", path, "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.standardOutputText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 6 * 9)  // five quarters and the total, nine categories each
        #expect(rows[0] == "period,start,end,category,bucket,commits,churn,dev_days,commits_share,churn_share,"
            + "dev_days_share,low_confidence_commits,repository")
        #expect(rows.contains("2025-Q1,2025-01-01,2025-03-31,refactor,ktlo,1,6,1,0.25,0.25,0.3333,0,"))
        #expect(rows.contains("2025-Q4,2025-10-01,2025-12-31,fix,ktlo,0,0,0,,,,0,"))

        let markdown = try Shell.ktlo(["report", "--repo", path, "--format", "markdown", "--by-author"])
        #expect(markdown.standardOutputText.contains("| 2025-Q1 | 4 | 2 | 3 | 50.0 % | 16.7 % | 33.3 % |  | 0 |"))
        #expect(markdown.standardOutputText.contains("| Ada Lovelace | 4 | 3 | 50.0 % | 60.0 % |"))

        let table = try Shell.ktlo(["report", "--repo", path, "--format", "table"])
        #expect(table.standardOutputText.contains("2025-Q4        0        0         0        –"))
        #expect(!table.standardOutputText.contains("\u{1B}["))  // no colour when not on a terminal
        let colored = try Shell.ktlo(["report", "--repo", path, "--color", "always"])
        #expect(colored.standardOutputText.contains("\u{1B}[31m"))
    }

    @Test func badOptions() throws {
        let path = try Fixtures.path("effort")
        for arguments in [["--by", "fortnight"], ["--fiscal-year-start", "13"], ["--effort", "hours"],
                          ["--format", "ndjson"]] {
            let result = try Shell.ktlo(["report", "--repo", path] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardErrorText.split(separator: "\n").count == 1)
        }
    }
}
