import Foundation
import Testing
import TestSupport

@Suite struct ClassifyCommandTests {
    @Test func explainsEachNamedCommit() throws {
        let path = try Fixtures.path("linear")
        let result = try Shell.ktlo(["classify", "--repo", path, "HEAD~3", "HEAD~5", "--format", "table", "--explain"])
        #expect(result.status == 0, "\(result.standardErrorText)")
        let lines = result.standardOutputText.split(separator: "\n")
        #expect(lines[0].hasPrefix("COMMIT"))
        #expect(lines[1].contains("fix: drop the first alpha line"))
        #expect(lines[1].contains("fix "))
        #expect(lines[2].contains("fix, bucket ktlo, confidence"))
        #expect(lines.contains { $0.contains("the subject's prefix 'fix:' says fix") })
        #expect(lines.contains { $0.contains("Initial import") })
        #expect(lines.contains { $0.contains("the repository's first commit") })
    }

    @Test func ndjsonRecordsAreThoseOfCommits() throws {
        let path = try Fixtures.path("linear")
        let classify = try Shell.ktlo(["classify", "--repo", path, "HEAD~3", "--format", "ndjson"])
        let commits = try Shell.ktlo(["commits", "--repo", path, "--format", "ndjson"])
        let line = classify.standardOutputText.split(separator: "\n")
        #expect(line.count == 1)
        #expect(commits.standardOutputText.split(separator: "\n").contains(line[0]))
    }

    @Test func aRangeClassifiesEveryCommitOfIt() throws {
        let result = try Shell.ktlo(["classify", "--repo", try Fixtures.path("merges"), "HEAD~1..HEAD",
                                     "--format", "csv"])
        #expect(result.status == 0)
        let rows = result.standardOutputText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4)  // header, the octopus merge and its two branches' commits
        #expect(rows[1].contains(",merge,,1.0,"))
    }

    @Test func needsACommit() throws {
        let result = try Shell.ktlo(["classify", "--repo", try Fixtures.path("linear")])
        #expect(result.status == 2)
        #expect(result.standardErrorText.contains("name at least one commit"))
    }
}

@Suite struct ConfigurationCommandTests {
    @Test func initWritesATemplateThatReadsBackAsDefaults() throws {
        let path = try Fixtures.fresh("linear")
        let written = try Shell.ktlo(["init", "--repo", path])
        #expect(written.status == 0)
        #expect(FileManager.default.fileExists(atPath: path + "/.ktlo.yml"))
        let again = try Shell.ktlo(["init", "--repo", path])
        #expect(again.status == 2)
        #expect(again.standardErrorText.contains("exists already"))
        let run = try Shell.ktlo(["commits", "--repo", path])
        #expect(run.status == 0, "\(run.standardErrorText)")
    }

    @Test func theRepositorysConfigurationIsRead() throws {
        let path = try Fixtures.fresh("linear")
        try "classification:\n  words:\n    refactor: [extend]\n".write(toFile: path + "/.ktlo.yml", atomically: true,
                                                                        encoding: .utf8)
        let result = try Shell.ktlo(["classify", "--repo", path, "HEAD~4", "--format", "ndjson"])
        #expect(result.status == 0, "\(result.standardErrorText)")
        let record = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(record["summary"] as? String == "Extend a.txt")
        #expect(record["category"] as? String == "refactor")
    }

    @Test func aBadConfigurationIsOneLineWithItsLine() throws {
        let path = try Fixtures.fresh("linear")
        try "version: 1\nclassification:\n  conventional_commit: auto\n".write(toFile: path + "/.ktlo.yml",
                                                                             atomically: true, encoding: .utf8)
        let result = try Shell.ktlo(["commits", "--repo", path])
        #expect(result.status == 2)
        #expect(result.standardErrorText.split(separator: "\n").count == 1)
        #expect(result.standardErrorText.contains(".ktlo.yml:3: unknown key 'conventional_commit' in 'classification' "
                                                  + "(did you mean 'conventional_commits'?)"))

        let missing = try Shell.ktlo(["commits", "--repo", path, "--config", path + "/nope.yml"])
        #expect(missing.status == 2)
        #expect(missing.standardErrorText.contains("cannot read the configuration file"))
    }
}
