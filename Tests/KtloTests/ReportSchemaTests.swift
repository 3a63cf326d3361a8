import Foundation
import Testing
import TestSupport

/// `ktlo report --format json` against Schemas/report.schema.json.
@Suite struct ReportSchemaTests {
    let validator: JSONSchemaValidator

    init() throws {
        validator = try JSONSchemaValidator(
            schemaAt: Fixtures.packageRoot.appendingPathComponent("Schemas/report.schema.json"))
    }

    @Test(arguments: [[], ["--by-author", "--by-component"], ["--by", "week", "--effort", "churn"],
                      ["--fiscal-year-start", "7", "--by", "year"]])
    func reportsValidate(_ arguments: [String]) throws {
        for fixture in ["effort", "linear", "merges", "shallow"] {
            let result = try Shell.ktlo(["report", "--repo", try Fixtures.path(fixture), "--format", "json",
                                         "--quiet"] + arguments)
            #expect(result.status == 0)
            let document = try JSONSerialization.jsonObject(with: result.standardOutput)
            let errors = try validator.validate(document)
            #expect(errors.isEmpty, "\(fixture) \(arguments): \(errors.prefix(5))")
        }
    }

    /// The validator is not a rubber stamp: it finds what is wrong.
    @Test func invalidDocumentsFail() throws {
        let result = try Shell.ktlo(["report", "--repo", try Fixtures.path("effort"), "--format", "json"])
        var document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        document["effort_metric"] = "hours"
        document["schema_version"] = 2
        document.removeValue(forKey: "totals")
        document["surprise"] = true
        var periods = try #require(document["periods"] as? [[String: Any]])
        periods[0]["ktlo_share"] = ["commits": 1.5, "churn": "half", "dev_days": NSNull()]
        document["periods"] = periods
        let errors = try validator.validate(document)
        #expect(errors.contains("$: 'totals' is required"))
        #expect(errors.contains("$: 'surprise' is not allowed"))
        #expect(errors.contains { $0.hasPrefix("$.effort_metric: 'hours' is not one of") })
        #expect(errors.contains { $0.hasPrefix("$.schema_version: 2 is not 1") })
        #expect(errors.contains("$.periods[0].ktlo_share.commits: 1.5 is more than 1.0"))
        #expect(errors.contains("$.periods[0].ktlo_share.churn: 'half' is not number or null"))
    }
}
