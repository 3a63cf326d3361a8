import Foundation
import Testing
import TestSupport

/// Reports over several repositories, built three ways — by analysing the repositories in one run, from the NDJSON
/// records `ktlo commits` saved, and by the SQL recipe of examples/warehouse in DuckDB — on the three `org-*`
/// fixtures (see Fixtures/make-fixture), whose every number was computed by hand:
///
/// | repository | commit (author, calendar day) | category | churn | dev-days |
/// |---|---|---|---|---|
/// | org-parser | Ada 2025-01-10 | feature | 10 | ⅓ |
/// | org-parser | Ada (old e-mail, .mailmap) 2025-01-10 | fix | 3 | ⅓ |
/// | org-parser | Grace 2025-02-03 | docs | 5 | ½ |
/// | org-parser | Grace 2025-04-15 | refactor | 4 | 1 |
/// | org-web | Ada 2025-01-10 | fix | 3 | ⅓ |
/// | org-web | Grace 2025-03-31 (23:30 −07:00) | feature | 6 | 1 |
/// | org-web | Ada 2025-04-01 | fix | 2 | ½ |
/// | org-web | release-robot (a bot) 2025-04-01 | maintenance | 1 | 0 |
/// | org-tools | Grace 2025-02-03 | maintenance | 4 | ½ |
/// | org-tools | Ada 2025-04-01 | test | 5 | ½ |
/// | org-tools | Grace@Example.com 2025-07-15 | fix | 2 | 1 |
/// | org-tools | Ada 2025-10-20 | feature | 3 | 1 |
///
/// Ada's 10 January is one dev-day over three commits in two repositories; analysed one by one the three
/// repositories would count 10 dev-days instead of 7.
@Suite struct MultiRepositoryTests {
    static let repositories = ["org-parser", "org-web", "org-tools"]

    /// The organisation's configuration: one for the whole run.
    static let organisation = """
        classification:
          conventional_commits: always
          bots: ["release-robot@example.com"]
        budget:
          feature: 50
          ktlo: 30
          other: 20
        teams:
          core: ["ada@example.com"]
          tools: ["grace@example.com"]

        """

    /// A folder with `org.yml` and `ktlo-records/<repository>.ndjson` written by `ktlo commits`, one per fixture.
    private static func workspace() throws -> (folder: String, config: String, records: [String]) {
        let folder = try Fixtures.temporaryFolder()
        let config = folder + "/org.yml"
        try organisation.write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/ktlo-records", withIntermediateDirectories: true)
        var records: [String] = []
        for name in repositories {
            let file = folder + "/ktlo-records/\(name).ndjson"
            let result = try Shell.ktlo(["commits", "--repo", try Fixtures.path(name), "--config", config,
                                         "--format", "ndjson", "-o", file])
            #expect(result.status == 0, "\(result.standardErrorText)")
            records.append(file)
        }
        return (folder, config, records)
    }

    private func repositoryArguments() throws -> [String] {
        try Self.repositories.flatMap { ["--repo", try Fixtures.path($0)] }
    }

    private func json(_ result: Shell.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.standardErrorText)")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    private func number(_ object: Any?, _ path: String...) -> Double? {
        var current: Any? = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? Double ?? (current as? Int).map(Double.init)
    }

    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 0.0001
    }

    @Test func oneReportOverThreeRepositories() throws {
        let space = try Self.workspace()
        let document = try json(try Shell.ktlo(["report", "--format", "json", "--by-author", "--config", space.config]
                                                + repositoryArguments()))
        let periods = try #require(document["periods"] as? [[String: Any]])
        #expect(periods.map { $0["period"] as? String } == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        // 2025-Q1: Ada ⅓ feature + ⅓ fix + ⅓ fix, Grace ½ docs + ½ maintenance + 1 feature.
        #expect(number(periods[0], "commits") == 6 && number(periods[0], "authors") == 2)
        #expect(number(periods[0], "effort", "dev_days", "fix") == 0.6667)
        #expect(number(periods[0], "effort", "dev_days", "maintenance") == 0.5)
        #expect(number(periods[0], "effort", "dev_days", "feature") == 1.3333)
        #expect(close(number(periods[0], "ktlo_share", "dev_days"), 7.0 / 18))
        #expect(number(periods[0], "ktlo_share", "commits") == 0.5)
        #expect(close(number(periods[0], "ktlo_share", "churn"), 10.0 / 31))
        // 2025-Q2: Grace's refactor (1), Ada's fix and test (½ each, two repositories), the bot (no dev-day).
        #expect(number(periods[1], "commits") == 4 && number(periods[1], "authors") == 2)
        #expect(number(periods[1], "ktlo_share", "dev_days") == 0.75)
        #expect(number(periods[1], "effort", "commits", "maintenance") == 1)
        #expect(number(periods[1], "effort", "dev_days", "maintenance") == 0)
        #expect(close(number(periods[1], "ktlo_share", "churn"), 7.0 / 12))
        #expect(number(periods[2], "ktlo_share", "dev_days") == 1)
        // 2025-Q4: only Ada's feature, a KTLO share of 0 (not none).
        #expect(number(periods[3], "ktlo_share", "dev_days") == 0 && number(periods[3], "ktlo_share", "churn") == 0)

        let totals = document["totals"]
        #expect(number(totals, "commits") == 12 && number(totals, "authors") == 2)
        let devDays = try #require((totals as? [String: Any])?["effort"] as? [String: Any])["dev_days"]
        #expect((devDays as? [String: Double])?.values.reduce(0, +) == 7)
        #expect(close(number(totals, "ktlo_share", "dev_days"), 11.0 / 21))
        #expect(close(number(totals, "ktlo_share", "commits"), 7.0 / 12))
        #expect(close(number(totals, "ktlo_share", "churn"), 19.0 / 48))

        // By repository: the dev-days add up to the totals; each repository's share of all the KTLO.
        let repositories = try #require(document["repositories"] as? [[String: Any]])
        #expect(repositories.map { $0["name"] as? String } == ["org-tools", "org-parser", "org-web"])
        #expect(close(number(repositories[1], "bucket_effort", "dev_days", "ktlo"), 4.0 / 3))
        #expect(close(number(repositories[1], "ktlo_share", "dev_days"), 8.0 / 13))
        #expect(close(number(repositories[0], "ktlo_share", "dev_days"), 0.5))
        #expect(close(number(repositories[2], "ktlo_share", "dev_days"), 5.0 / 11))
        #expect(close(number(repositories[1], "share_of_ktlo", "dev_days"), 4.0 / 11))
        #expect(close(number(repositories[0], "share_of_ktlo", "dev_days"), 9.0 / 22))
        #expect(close(number(repositories[2], "share_of_ktlo", "dev_days"), 5.0 / 22))
        let webPeriods = try #require(repositories[2]["periods"] as? [[String: Any]])
        #expect(webPeriods.map { $0["period"] as? String } == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        #expect(number(webPeriods[1], "commits") == 2 && number(webPeriods[1], "effort", "dev_days", "fix") == 0.5)
        #expect(number(webPeriods[2], "commits") == 0)

        // Teams across repositories, people joined by .mailmap and by e-mail whatever its case.
        let teams = try #require(document["teams"] as? [[String: Any]])
        #expect(teams.map { $0["name"] as? String } == ["tools", "core"])
        #expect(number(teams[0], "bucket_effort", "dev_days", "ktlo") == 2.5)
        #expect(close(number(teams[0], "ktlo_share", "dev_days"), 0.625))
        #expect(close(number(teams[1], "ktlo_share", "dev_days"), 7.0 / 18))
        let authors = try #require(document["authors"] as? [[String: Any]])
        #expect(authors.map { number($0, "commits") } == [5, 6])

        let budget = try #require((totals as? [String: Any])?["budget"] as? [[String: Any]])
        #expect(budget.map { number($0, "actual_percent") } == [33.3333, 52.381, 14.2857])

        // Analysed one by one, the same commits would count 10 dev-days: a day spent in two repositories twice.
        var separate = 0.0
        for name in Self.repositories {
            let single = try json(try Shell.ktlo(["report", "--format", "json", "--config", space.config,
                                                  "--repo", try Fixtures.path(name)]))
            separate += number(single, "totals", "bucket_effort", "dev_days", "ktlo")! 
                + number(single, "totals", "bucket_effort", "dev_days", "feature")!
                + number(single, "totals", "bucket_effort", "dev_days", "other")!
        }
        #expect(separate == 10)
    }

    /// The report from saved records is the report from the repositories, character for character, in every format.
    @Test(arguments: [["--format", "json", "--by-author", "--by-component"], ["--format", "csv"],
                      ["--format", "markdown", "--by-author"], ["--format", "table", "--by", "month", "--effort", "churn"]])
    func recordsGiveTheSameReport(_ arguments: [String]) throws {
        let space = try Self.workspace()
        let direct = try Shell.ktlo(["report", "--config", space.config] + arguments + repositoryArguments())
        let saved = try Shell.ktlo(["report", "--config", space.config] + arguments + ["--from"] + space.records)
        #expect(direct.status == 0 && saved.status == 0, "\(direct.standardErrorText) \(saved.standardErrorText)")
        #expect(!direct.standardOutputText.isEmpty)
        #expect(direct.standardOutputText == saved.standardOutputText)
    }

    @Test func reportsOverSeveralRepositoriesFollowTheReportSchema() throws {
        let validator = try JSONSchemaValidator(
            schemaAt: Fixtures.packageRoot.appendingPathComponent("Schemas/report.schema.json"))
        let space = try Self.workspace()
        for arguments in [["--by-author", "--by-component"], ["--by", "week"]] {
            let result = try Shell.ktlo(["report", "--format", "json", "--config", space.config] + arguments
                                        + repositoryArguments())
            let document = try json(result)
            #expect(document["repositories"] != nil)
            let errors = try validator.validate(document)
            #expect(errors.isEmpty, "\(arguments): \(errors.prefix(5))")
        }
    }

    /// The SQL recipe in DuckDB gives ktlo's quarterly shares, number for number.
    @Test(.enabled(if: DuckDB.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil,
                   "python3 with the duckdb module is needed: pip install duckdb"))
    func sqlRecipeGivesTheSameShares() throws {
        let space = try Self.workspace()
        let document = try json(try Shell.ktlo(["report", "--format", "json", "--config", space.config, "--from"]
                                                + space.records))
        let rows = try DuckDB.run(recipe: Fixtures.packageRoot.appendingPathComponent(
            "examples/warehouse/ktlo-share.sql").path, in: space.folder)
        var expected: [[String: Double]] = []
        let periods = try #require(document["periods"] as? [[String: Any]])
        for period in periods + [try #require(document["totals"] as? [String: Any])]
        where number(period, "commits")! > 0 {
            expected.append([
                "commits": number(period, "commits")!, "authors": number(period, "authors")!,
                "dev_days": (try #require((period["bucket_effort"] as? [String: Any])?["dev_days"] as? [String: Double]))
                    .values.reduce(0, +),
                "ktlo_share_dev_days": number(period, "ktlo_share", "dev_days")!,
                "ktlo_share_commits": number(period, "ktlo_share", "commits")!,
                "ktlo_share_churn": number(period, "ktlo_share", "churn")!,
            ])
        }
        #expect(rows.map { $0["period"] as? String } == periods.map { $0["period"] as? String } + ["total"])
        #expect(rows.count == expected.count)
        for (row, wanted) in zip(rows, expected) {
            for (key, value) in wanted {
                #expect(close(number(row, key), value), "\(row["period"] ?? "?") \(key): \(row[key] ?? "none") ≠ \(value)")
            }
        }
    }

    @Test func recordsFollowTheirSchema() throws {
        let validator = try JSONSchemaValidator(
            schemaAt: Fixtures.packageRoot.appendingPathComponent("Schemas/commit-record.schema.json"))
        for fixture in Self.repositories + ["renames", "merges", "binary", "attributes", "shallow"] {
            let result = try Shell.ktlo(["commits", "--repo", try Fixtures.path(fixture), "--format", "ndjson", "-q",
                                         "--merges", "diff"])
            #expect(result.status == 0)
            for line in result.standardOutputText.split(separator: "\n") {
                let errors = try validator.validate(try JSONSerialization.jsonObject(with: Data(line.utf8)))
                #expect(errors.isEmpty, "\(fixture): \(errors.prefix(3))")
            }
        }
        let record: [String: Any] = ["sha": "nope", "bot": "no", "settings": ["renames": true]]
        let errors = try validator.validate(record)
        #expect(errors.contains("$: 'ktlo_version' is required"))
        #expect(errors.contains { $0.hasPrefix("$.sha: 'nope'") })
        #expect(errors.contains("$.bot: 'no' is not boolean"))
    }

    /// A commit saved twice counts once; the records of each repository name it.
    @Test func duplicateRecordsCountOnce() throws {
        let space = try Self.workspace()
        let once = try Shell.ktlo(["report", "--format", "json", "--config", space.config, "--from"] + space.records)
        let twice = try Shell.ktlo(["report", "--format", "csv", "--config", space.config, "--from"] + space.records
                                   + [space.records[1]])
        let csvOnce = try Shell.ktlo(["report", "--format", "csv", "--config", space.config, "--from"] + space.records)
        #expect(once.status == 0 && twice.status == 0)
        #expect(twice.standardOutputText == csvOnce.standardOutputText)
        #expect(twice.standardErrorText.contains("4 record(s) repeat a commit"))
    }

    /// Records that would not add up are refused with one line and exit code 2.
    @Test func recordsThatDoNotAddUpAreRefused() throws {
        let space = try Self.workspace()
        let folder = space.folder
        func refused(_ files: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try Shell.ktlo(["report", "--from"] + files)
            #expect(result.status == 2, sourceLocation: sourceLocation)
            #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
            let lines = result.standardErrorText.split(separator: "\n")
            #expect(lines.count == 1, sourceLocation: sourceLocation)
            #expect(result.standardErrorText.contains(expected), "\(result.standardErrorText)",
                    sourceLocation: sourceLocation)
        }
        let parser = try String(contentsOfFile: space.records[0], encoding: .utf8)

        let otherVersion = folder + "/version.ndjson"
        try parser.replacingOccurrences(of: "\"ktlo_version\":\"", with: "\"ktlo_version\":\"9.")
            .write(toFile: otherVersion, atomically: true, encoding: .utf8)
        try refused([space.records[1], otherVersion], "version.ndjson:1: written by ktlo 9.")

        let noRenames = folder + "/no-renames.ndjson"
        _ = try Shell.ktlo(["commits", "--repo", try Fixtures.path("org-web"), "--config", space.config,
                            "--no-renames", "-o", noRenames])
        try refused([space.records[0], noRenames], "written with --no-renames, --merges none, but")

        // The same repository classified under two configurations. (Its own .ktlo.yml classifies as org.yml does:
        // records written with either combine.)
        let otherConfiguration = folder + "/other.yml", otherRecords = folder + "/other.ndjson"
        try "classification:\n  conventional_commits: always\n  words:\n    fix: [oops]\n"
            .write(toFile: otherConfiguration, atomically: true, encoding: .utf8)
        _ = try Shell.ktlo(["commits", "--repo", try Fixtures.path("org-web"), "--config", otherConfiguration,
                            "-o", otherRecords])
        try refused([space.records[1], otherRecords], "other.ndjson:1: records of repository 'org-web' differ in "
                        + "their classification settings")
        let ownRecords = folder + "/own.ndjson"
        _ = try Shell.ktlo(["commits", "--repo", try Fixtures.path("org-web"), "-o", ownRecords])
        #expect(try Shell.ktlo(["report", "--from", space.records[1], ownRecords, "-q"]).status == 0)

        let old = folder + "/old.ndjson"
        try parser.replacingOccurrences(of: "\"ktlo_version\":", with: "\"writer\":")
            .write(toFile: old, atomically: true, encoding: .utf8)
        try refused([old], "old.ndjson:1: the record does not say which repository, ktlo version and settings")

        let json = folder + "/records.json"
        _ = try Shell.ktlo(["commits", "--repo", try Fixtures.path("org-web"), "--format", "json", "-o", json])
        try refused([json], "records.json:1: not a commit record")
        try refused([folder + "/missing.ndjson"], "cannot read the records file")

        let mixed = try Shell.ktlo(["report", "--from", space.records[0], "--since", "2025-01-01"])
        #expect(mixed.status == 2 && mixed.standardErrorText.contains("cannot be combined with --since"))
    }

    /// Without --config each repository keeps its own .ktlo.yml; the same figures here, since the fixtures' own
    /// configurations classify as the organisation's does.
    @Test func eachRepositoryItsOwnConfiguration() throws {
        let own = try json(try Shell.ktlo(["report", "--format", "json"] + repositoryArguments()))
        #expect(close(number(own, "totals", "ktlo_share", "dev_days"), 11.0 / 21))
        #expect(own["teams"] == nil)

        let listed = try Fixtures.temporaryFolder()
        let list = listed + "/repos.txt"
        try ("# the organisation\n" + Self.repositories.map { try Fixtures.path($0) }.joined(separator: "\n") + "\n\n")
            .write(toFile: list, atomically: true, encoding: .utf8)
        let fromList = try Shell.ktlo(["report", "--format", "json", "--repos-file", list])
        #expect(fromList.standardOutput == (try Shell.ktlo(["report", "--format", "json"] + repositoryArguments()))
            .standardOutput)

        let single = listed + "/one.txt"
        try (try Fixtures.path("org-web") + "\n").write(toFile: single, atomically: true, encoding: .utf8)
        let one = try json(try Shell.ktlo(["report", "--format", "json", "--repos-file", single]))
        #expect(number(one, "totals", "commits") == 4 && one["repositories"] == nil)
        let empty = listed + "/empty.txt"
        try "# nothing yet\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let none = try Shell.ktlo(["report", "--repos-file", empty])
        #expect(none.status == 2 && none.standardErrorText.contains("names no repository"))

        let twice = try Shell.ktlo(["report", "--repo", try Fixtures.path("org-web"), "--repo",
                                    try Fixtures.path("org-web")])
        #expect(twice.status == 2 && twice.standardErrorText.contains("is given more than once"))
        let classify = try Shell.ktlo(["classify", "HEAD"] + repositoryArguments())
        #expect(classify.status == 2 && classify.standardErrorText.contains("one repository at a time"))
    }

    /// `ktlo commits` over several repositories: each repository's records in turn, each naming its repository.
    @Test func commitsOverSeveralRepositories() throws {
        let space = try Self.workspace()
        let together = try Shell.ktlo(["commits", "--format", "ndjson", "--config", space.config]
                                      + repositoryArguments())
        #expect(together.status == 0)
        let separately = try space.records.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(together.standardOutputText == separately)
        let csv = try Shell.ktlo(["commits", "--format", "csv"] + repositoryArguments())
        let rows = csv.standardOutputText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 13 && rows[0].hasSuffix(",summary,repository"))
        #expect(rows.filter { $0.hasSuffix(",org-web") }.count == 4)
    }
}

/// DuckDB through Python, for the warehouse recipe.
enum DuckDB {
    static let isAvailable: Bool = (try? Shell.run(["python3", "-c", "import duckdb"]).status) == 0

    /// Runs `recipe` in `folder` and returns its rows as objects keyed by column.
    static func run(recipe: String, in folder: String) throws -> [[String: Any]] {
        let script = """
            import duckdb, json, sys
            connection = duckdb.connect()
            result = connection.execute(open(sys.argv[1]).read())
            columns = [column[0] for column in result.description]
            print(json.dumps([dict(zip(columns, row)) for row in result.fetchall()]))
            """
        let result = try Shell.run(["python3", "-c", script, recipe], in: folder)
        guard result.status == 0 else {
            throw RecipeError(message: "the SQL recipe failed: \(result.standardErrorText)")
        }
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: Any]])
    }
}

struct RecipeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
