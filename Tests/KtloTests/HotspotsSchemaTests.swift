import Foundation
import Testing
import TestSupport

/// `ktlo hotspots` and `ktlo coupling --format json` against Schemas/hotspots.schema.json and coupling.schema.json.
@Suite struct HotspotsSchemaTests {
    private func validator(_ name: String) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaAt: Fixtures.packageRoot.appendingPathComponent("Schemas/\(name).schema.json"))
    }

    private func document(_ arguments: [String]) throws -> Any {
        let result = try Shell.ktlo(arguments + ["--format", "json", "--quiet"])
        #expect(result.status == 0, "\(arguments): \(result.standardErrorText)")
        return try JSONSerialization.jsonObject(with: result.standardOutput)
    }

    @Test(arguments: [[], ["--top", "0"], ["--by", "dir"], ["--by", "dir=1", "--top", "1"], ["--by", "component"],
                      ["--recent-days", "1", "--trends", "0"]])
    func hotspotsValidate(_ arguments: [String]) throws {
        let schema = try validator("hotspots")
        for fixture in ["hotspots", "linear", "shallow", "binary", "paths"] {
            let errors = try schema.validate(try document(["hotspots", "--repo", try Fixtures.path(fixture)]
                                                              + arguments))
            #expect(errors.isEmpty, "\(fixture) \(arguments): \(errors.prefix(5))")
        }
    }

    @Test(arguments: [[], ["--min-revs", "1", "--min-shared", "1", "--min-degree", "1"], ["--by", "dir"]])
    func couplingsValidate(_ arguments: [String]) throws {
        let schema = try validator("coupling")
        for fixture in ["hotspots", "merges", "renames"] {
            let errors = try schema.validate(try document(["coupling", "--repo", try Fixtures.path(fixture)]
                                                              + arguments))
            #expect(errors.isEmpty, "\(fixture) \(arguments): \(errors.prefix(5))")
        }
    }

    /// The schemas are not rubber stamps: a renamed key, a share above 1 and an unknown smell are caught.
    @Test func invalidDocumentsFail() throws {
        var document = try #require(try document(["hotspots", "--repo", try Fixtures.path("hotspots")])
            as? [String: Any])
        var rows = try #require(document["hotspots"] as? [[String: Any]])
        rows[0]["fix_count"] = rows[0].removeValue(forKey: "fixes")
        rows[0]["ownership"] = 1.5
        rows[0]["smells"] = [["kind": "smelly", "detail": "x", "value": 1]]
        document["hotspots"] = rows
        let errors = try validator("hotspots").validate(document)
        #expect(errors.contains("$.hotspots[0]: 'fixes' is required"), "\(errors)")
        #expect(errors.contains("$.hotspots[0]: 'fix_count' is not allowed"), "\(errors)")
        #expect(errors.count >= 4, "\(errors)")
    }
}
