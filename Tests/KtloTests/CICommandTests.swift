import Foundation
import Testing
import TestSupport

/// `ktlo ci` on the `ci` fixture, whose categories, days and months are known (see Fixtures/make-fixture, build_ci):
/// by month in dev-days, 2025-05 is 1 KTLO of 3, 2025-06 is 3 of 4 (75 %, +41.7 points), and HEAD is a merge
/// whose new commits are the three fixes and refactors of 'fixes' and the merge itself (KTLO 100 %).
@Suite struct CICommandTests {
    private func git(_ arguments: [String], _ fixture: String = "ci") throws -> String {
        try Shell.git(arguments, in: try Fixtures.path(fixture)).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `ktlo ci` with a JSON result and returns it with the run.
    private func ci(_ arguments: [String], fixture: String = "ci", environment: [String: String] = [:])
        throws -> (result: Shell.Result, json: [String: Any]) {
        let output = try Fixtures.temporaryFolder() + "/ci.json"
        let result = try Shell.ktlo(["ci", "--repo", try Fixtures.path(fixture), "--by", "month", "--no-cache",
                                     "-o", output] + arguments,
                                    environment: ["GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""]
                                        .merging(environment) { $1 })
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        return (result, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    private func value(_ object: Any?, _ path: String...) -> Any? {
        var current = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    private func close(_ value: Any?, _ expected: Double) -> Bool {
        guard let number = value as? Double ?? (value as? Int).map(Double.init) else { return false }
        return abs(number - expected) < 0.0001
    }

    @Test func theMergesCommitsAndTheCurrentMonth() throws {
        let (result, json) = try ci([])
        #expect(result.status == 0, "\(result.standardErrorText)")
        #expect(result.standardErrorText.isEmpty)
        #expect(json["status"] as? String == "pass" && json["exit_code"] as? Int == 0)
        #expect(json["base"] as? String == (try git(["rev-parse", "HEAD^1"])))
        #expect(json["base_source"] as? String == "first-parent")
        #expect(value(json, "history", "visible_commits") as? Int == 8)
        #expect(value(json, "history", "shallow") as? Bool == false)
        let commits = try #require(json["commits"] as? [[String: Any]])
        #expect(commits.map { $0["category"] as? String } == ["merge", "fix", "refactor", "fix"])
        #expect(commits.map { $0["summary"] as? String } == [
            "Merge branch 'fixes'", "fix: parser reads past empty input", "refactor: split the parser",
            "fix: printer crash on negative numbers"])
        #expect(commits.map { $0["added"] as? Int } == [0, 4, 5, 1])
        #expect(close(value(json, "range", "ktlo_share", "dev_days"), 1))
        #expect(value(json, "range", "commits") as? Int == 3 && value(json, "range", "merges") as? Int == 1)
        #expect(value(json, "current_period", "period") as? String == "2025-06")
        #expect(close(value(json, "current_period", "ktlo_share", "dev_days"), 0.75))
        #expect(close(value(json, "current_period", "change", "ktlo_share_points"), 41.6667))
        #expect(value(json, "previous_period", "period") as? String == "2025-05")
        #expect(close(value(json, "previous_period", "ktlo_share", "dev_days"), 0.3333))
        #expect((json["rules"] as? [Any])?.isEmpty == true)

        // Without --summary or a job summary, the Markdown summary is the standard output.
        let summary = result.standardOutputText
        #expect(summary.hasPrefix("### ktlo: no rules to check\n"))
        #expect(summary.contains("4 new commits since `\(try git(["rev-parse", "--short=10", "HEAD^1"]))`, "
                                 + "KTLO share 100.0 % of their dev-days."))
        #expect(summary.contains("**2025-06** (the current month): KTLO 75.0 % of 4 dev-days in 4 commits; "
                                 + "2025-05: 33.3 % (+41.7 pt)."))
        #expect(summary.contains("| fix | 95 % | Grace Hopper | +1/−0 | fix: printer crash on negative numbers |"))
    }

    static let thresholdCases: [(arguments: [String], status: Int32, breached: [String])] = [
        (["--max-ktlo", "70"], 1, ["max_ktlo"]),
        (["--max-ktlo", "75"], 0, []),
        (["--max-ktlo-increase", "41.6"], 1, ["max_ktlo_increase"]),
        (["--max-ktlo-increase", "41.7"], 0, []),
        (["--max-ktlo", "74", "--max-ktlo-increase", "10"], 1, ["max_ktlo", "max_ktlo_increase"]),
        (["--max-ktlo", "10", "--effort", "churn", "--by", "year"], 1, ["max_ktlo"]),
    ]

    @Test(arguments: thresholdCases)
    func thresholds(_ arguments: [String], _ status: Int32, _ breached: [String]) throws {
        let (result, json) = try ci(arguments)
        #expect(result.status == status, "\(result.standardErrorText)")
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.filter { $0["breached"] as? Bool == true }.compactMap { $0["rule"] as? String } == breached)
        #expect(json["status"] as? String == (status == 0 ? "pass" : "fail"))
        if status == 1 {
            let lines = result.standardErrorText.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("\(breached[0]) breached"), "\(result.standardErrorText)")
            #expect(result.standardOutputText.contains("❌ \(breached.count) rule(s) breached"))
        }
    }

    @Test func theBreachSaysWhichRuleWithTheNumbers() throws {
        let (result, json) = try ci(["--max-ktlo", "70", "--max-ktlo-increase", "40"])
        #expect(result.status == 1)
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.map { $0["rule"] as? String } == ["max_ktlo", "max_ktlo_increase"])
        #expect(close(rules[0]["actual"], 75) && close(rules[0]["limit"], 70))
        #expect(close(rules[1]["actual"], 41.6667) && close(rules[1]["limit"], 40))
        #expect(rules[0]["detail"] as? String
                == "the KTLO share of 2025-06 is 75 % of the dev-days, above the limit of 70 %")
        #expect(rules[1]["detail"] as? String == "the KTLO share went from 33.3 % in 2025-05 to 75 % in 2025-06 "
                    + "(+41.7 pt), more than the allowed +40 pt")
        #expect(result.standardOutputText.contains("| `max_ktlo` | ≤ 70 % | 75 % | ❌ breached |"))
        #expect(result.standardOutputText.contains("| `max_ktlo_increase` | ≤ +40 pt | +41.7 pt | ❌ breached |"))
    }

    @Test func rulesFromTheConfigurationAndTheCommandLineWins() throws {
        let folder = try Fixtures.temporaryFolder()
        let config = folder + "/ktlo.yml"
        try "classification:\n  conventional_commits: always\nci:\n  max_ktlo: 70\n  max_ktlo_increase: 50\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let (configured, json) = try ci(["--config", config])
        #expect(configured.status == 1)
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.map { "\($0["rule"]!) \($0["breached"]!)" } == ["max_ktlo 1", "max_ktlo_increase 0"])
        let (overridden, _) = try ci(["--config", config, "--max-ktlo", "80"])
        #expect(overridden.status == 0)
    }

    @Test(arguments: [
        ("ci:\n  max_ktlo: 120\n", "ktlo.yml:2: 'ci.max_ktlo' must be a percentage from 0 to 100, not 120"),
        ("ci:\n  max_ktol: 5\n", "ktlo.yml:2: unknown key 'max_ktol' in 'ci' (did you mean 'max_ktlo'?)"),
        ("ci:\n  max_ktlo_increase: -1\n", "'ci.max_ktlo_increase' must be percentage points from 0 to 100"),
        ("ci:\n  fail_on_hotspot_growth: sometimes\n", "ktlo.yml:2: 'ci.fail_on_hotspot_growth' must be true or false"),
        ("ci:\n  hotspot_top: 0\n", "ktlo.yml:2: 'ci.hotspot_top' must be at least 1"),
        ("ci: 40\n", "ktlo.yml:1: 'ci' must be a mapping"),
    ])
    func badRulesAreOneLineWithTheirLine(_ text: String, _ expected: String) throws {
        let folder = try Fixtures.temporaryFolder()
        try text.write(toFile: folder + "/ktlo.yml", atomically: true, encoding: .utf8)
        let result = try Shell.ktlo(["ci", "--repo", try Fixtures.path("ci"), "--config", folder + "/ktlo.yml"])
        #expect(result.status == 2)
        #expect(result.standardErrorText.split(separator: "\n").count == 1)
        #expect(result.standardErrorText.contains(expected), "\(result.standardErrorText)")
    }

    @Test(arguments: [
        (["--max-ktlo", "101"], "--max-ktlo must be a percentage from 0 to 100"),
        (["--max-ktlo-increase=-3"], "--max-ktlo-increase must be percentage points from 0 to 100"),
        (["--hotspot-top", "0"], "--hotspot-top must be at least 1"),
        (["--base", "no-such-branch"], "unknown --base revision 'no-such-branch'"),
        (["HEAD~1"], "ktlo ci analyses HEAD; name where the new commits start with --base"),
        (["--by", "decade"], "decade"),
    ])
    func badOptionsAreOneLineAndExit2(_ arguments: [String], _ expected: String) throws {
        let result = try Shell.ktlo(["ci", "--repo", try Fixtures.path("ci")] + arguments)
        #expect(result.status == 2)
        #expect(result.standardErrorText.split(separator: "\n").count == 1)
        #expect(result.standardErrorText.contains(expected), "\(result.standardErrorText)")
        #expect(result.standardOutput.isEmpty)
    }

    /// The top hotspots the merge touched, with their cyclomatic complexity before it (at HEAD^1) and now: parse()
    /// went from 1 + one `if` to 1 + `if`, `for`, `if`, and the split-out first() has 1 + one `if` (2 → 6);
    /// print() gained one `if` (1 → 2).
    @Test func hotspotsTheNewCommitsTouched() throws {
        let (result, json) = try ci(["--fail-on-hotspot-growth"])
        #expect(result.status == 1)
        let touched = try #require(json["hotspots_touched"] as? [[String: Any]])
        #expect(touched.map { "\($0["path"]!) #\($0["rank"]!) \($0["complexity_before"]!) → \($0["complexity_after"]!)" }
                == ["src/parser.c #1 2 → 6", "src/printer.c #2 1 → 2"])
        #expect(touched.allSatisfy { $0["grew"] as? Bool == true })
        let parserCommits = try #require(touched.first?["commits"] as? [String])
        #expect(parserCommits == [try git(["rev-parse", "HEAD^2"]), try git(["rev-parse", "HEAD^2~1"])])
        let commits = try #require(json["commits"] as? [[String: Any]])
        #expect(commits.map { $0["hotspots"] as? [String] } == [[], ["src/parser.c"], ["src/parser.c"], ["src/printer.c"]])
        let rule = try #require((json["rules"] as? [[String: Any]])?.first)
        #expect(rule["rule"] as? String == "fail_on_hotspot_growth" && close(rule["actual"], 2))
        #expect(rule["detail"] as? String == "2 top-10 hotspot(s) grew in complexity: src/parser.c (#1, 2 → 6), "
                    + "src/printer.c (#2, 1 → 2)")
        #expect(result.standardOutputText.contains("| `src/parser.c` | 1 | 29.82 | 2 → 6 | 2 |"))

        // Only the top one counts with --hotspot-top 1; without the rule, touched hotspots are listed, not failed.
        let (top, topJSON) = try ci(["--fail-on-hotspot-growth", "--hotspot-top", "1"])
        #expect(top.status == 1)
        #expect((topJSON["hotspots_touched"] as? [[String: Any]])?.map { $0["path"] as? String } == ["src/parser.c"])
        let (listed, listedJSON) = try ci([])
        #expect(listed.status == 0 && (listedJSON["hotspots_touched"] as? [Any])?.count == 2)

        let (skipped, skippedJSON) = try ci(["--no-hotspots"])
        #expect(skipped.status == 0 && (skippedJSON["hotspots_touched"] as? [Any])?.isEmpty == true)
        let contradiction = try Shell.ktlo(["ci", "--repo", try Fixtures.path("ci"), "--no-hotspots",
                                            "--fail-on-hotspot-growth"])
        #expect(contradiction.status == 2)
        #expect(contradiction.standardErrorText.hasPrefix("ktlo: error: --no-hotspots leaves nothing"))

        // Under GitHub Actions each touched hotspot is a warning on its file.
        let folder = try Fixtures.temporaryFolder()
        let (actions, _) = try ci([], environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": folder + "/s.md"])
        #expect(actions.standardOutputText.split(separator: "\n").map(String.init) == [
            "::warning file=src/parser.c,title=ktlo%3A hotspot::hotspot #1 (score 29.82) changed by 2 new commit(s); "
                + "complexity 2 → 6",
            "::warning file=src/printer.c,title=ktlo%3A hotspot::hotspot #2 (score 8.63) changed by 1 new commit(s); "
                + "complexity 1 → 2",
        ])
    }

    @Test func anExplicitBase() throws {
        let (result, json) = try ci(["--base", "HEAD~2"])
        #expect(result.status == 0)
        #expect(json["base_source"] as? String == "option")
        // HEAD~2 is the May fix: the readme on main joins the merge's commits.
        let commits = try #require(json["commits"] as? [[String: Any]])
        #expect(commits.count == 5)
        #expect(commits.last?["summary"] as? String == "docs: add a readme")
        #expect(close(value(json, "range", "ktlo_share", "dev_days"), 0.75))
    }

    /// The cache remembers the HEAD each run analysed: the next run starts there, a re-run of the same HEAD falls back
    /// to its first parent (and so reports the same commits again).
    @Test func theNextRunStartsWhereThePreviousOneEnded() throws {
        let repository = try Fixtures.fresh("ci")
        let merge = try Shell.git(["rev-parse", "HEAD"], in: repository).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let mayFix = try Shell.git(["rev-parse", "HEAD~2"], in: repository).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func run() throws -> [String: Any] {
            let output = repository + "/ci.json"
            let result = try Shell.ktlo(["ci", "--repo", repository, "-o", output, "--quiet"],
                                        environment: ["GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""])
            #expect(result.status == 0, "\(result.standardErrorText)")
            let data = try Data(contentsOf: URL(fileURLWithPath: output))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        #expect(try Shell.git(["reset", "-q", "--hard", mayFix], in: repository).status == 0)
        let first = try run()
        #expect(first["base_source"] as? String == "first-parent")
        #expect((first["commits"] as? [Any])?.count == 1)

        #expect(try Shell.git(["reset", "-q", "--hard", merge], in: repository).status == 0)
        let second = try run()
        #expect(second["base"] as? String == mayFix && second["base_source"] as? String == "cache")
        #expect((second["commits"] as? [[String: Any]])?.map { $0["category"] as? String }
                == ["merge", "fix", "refactor", "fix", "docs"])

        let again = try run()
        #expect(again["base_source"] as? String == "first-parent")
        #expect((again["commits"] as? [Any])?.count == 4)
    }

    /// Every result follows Schemas/ci.schema.json, whatever the repository and the rules.
    @Test func resultsFollowTheSchema() throws {
        let validator = try JSONSchemaValidator(
            schemaAt: Fixtures.packageRoot.appendingPathComponent("Schemas/ci.schema.json"))
        let runs: [(String, [String])] = [
            ("ci", []), ("ci", ["--max-ktlo", "70", "--max-ktlo-increase", "10"]), ("ci-shallow", ["--max-ktlo", "1"]),
            ("linear", ["--by", "week", "--effort", "churn"]), ("hostile", ["--base", "HEAD~1"]), ("merges", []),
            ("dates", ["--by", "year", "--max-ktlo-increase", "0"]),
        ]
        for (fixture, arguments) in runs {
            let json = try ci(arguments + ["--quiet"], fixture: fixture).json
            let errors = try validator.validate(json)
            #expect(errors.isEmpty, "\(fixture) \(arguments): \(errors.prefix(5))")
        }
        var broken = try ci([]).json
        broken["status"] = "maybe"
        broken.removeValue(forKey: "range")
        let errors = try validator.validate(broken)
        #expect(errors.contains("$: 'range' is required") && errors.contains { $0.hasPrefix("$.status: 'maybe'") })
    }

    @Test func aPlainCommitIsItsOwnRange() throws {
        let (result, json) = try ci([], fixture: "linear")
        #expect(result.status == 0)
        #expect((json["commits"] as? [[String: Any]])?.map { $0["summary"] as? String } == ["Add mailmap"])
        let root = try ci(["--base", "HEAD"], fixture: "linear").json
        #expect((root["commits"] as? [Any])?.isEmpty == true)
        #expect(value(root, "range", "ktlo_share", "dev_days") is NSNull)
    }

    @Test func theSummaryGoesToTheJobSummaryAndTheFileAsked() throws {
        let folder = try Fixtures.temporaryFolder()
        let stepSummary = folder + "/step-summary.md"
        try "# Earlier step\n".write(toFile: stepSummary, atomically: true, encoding: .utf8)
        let (inActions, _) = try ci(["--max-ktlo", "70"], environment: ["GITHUB_STEP_SUMMARY": stepSummary])
        #expect(inActions.status == 1)
        let appended = try String(contentsOfFile: stepSummary, encoding: .utf8)
        #expect(appended.hasPrefix("# Earlier step\n### ktlo: ❌ 1 rule(s) breached\n"))
        #expect(inActions.standardOutput.isEmpty)

        let file = folder + "/summary.md"
        let (toFile, _) = try ci(["--summary", file])
        #expect(toFile.status == 0 && toFile.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("### ktlo: no rules to check\n"))
    }

    @Test func annotationsUnderGitHubActions() throws {
        let folder = try Fixtures.temporaryFolder()
        let (result, _) = try ci(["--max-ktlo", "60"], fixture: "ci-shallow",
                                 environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": folder + "/s.md"])
        #expect(result.status == 1)
        let lines = result.standardOutputText.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "::error title=ktlo%3A max_ktlo breached::the KTLO share of 2025-06 is 66.7 %25 of the "
                    + "dev-days, above the limit of 60 %25")  // % escaped as GitHub asks
        // The refactor is the shallow boundary (no diff): only the last fix touched the parser in the visible range.
        #expect(lines[1].hasPrefix("::warning file=src/parser.c,title=ktlo%3A hotspot::hotspot #1 "))
        #expect(lines[2].hasPrefix("::warning title=ktlo%3A shallow_clone::shallow clone: only 5 commit(s) "))
    }

    @Test func shallowClonesSayWhatWasVisibleAndHowToFetchTheRest() throws {
        let (result, json) = try ci([], fixture: "ci-shallow")
        #expect(result.status == 0)
        #expect(value(json, "history", "visible_commits") as? Int == 5)
        #expect(value(json, "history", "shallow") as? Bool == true)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["kind"] as? String } == ["shallow_clone"])
        let message = try #require(warnings.first?["message"] as? String)
        #expect(message.contains("only 5 commit(s) of the history are visible") && message.contains("fetch-depth: 0"))
        #expect(result.standardErrorText == "ktlo: warning: \(message)\n")
        #expect(result.standardOutputText.contains("> **Warning:** shallow clone: only 5 commit(s)"))

        let strict = try Shell.ktlo(["ci", "--repo", try Fixtures.path("ci-shallow"), "--require-full-history"])
        #expect(strict.status == 2)
        #expect(strict.standardErrorText.hasPrefix("ktlo: error: shallow clone: only 5 commit(s)"))
        #expect(strict.standardErrorText.split(separator: "\n").count == 1)
        let full = try Shell.ktlo(["ci", "--repo", try Fixtures.path("ci"), "--require-full-history"])
        #expect(full.status == 0)
    }

    /// Repository text in the summary and the annotations cannot break out of a cell or start a command.
    @Test func hostileTextStaysInItsCell() throws {
        let folder = try Fixtures.temporaryFolder()
        let (result, json) = try ci(["--base", "HEAD~1", "--summary", folder + "/s.md", "--max-ktlo", "0"],
                                    fixture: "hostile", environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        #expect((json["commits"] as? [[String: Any]])?.first?["summary"] as? String
                == "=1+1 @SUM(A1) -2 +3\tand\rcarriage")
        let summary = try String(contentsOfFile: folder + "/s.md", encoding: .utf8)
        #expect(!summary.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x202E })
        let row = try #require(summary.split(separator: "\n").first { $0.contains("Mallory") })
        #expect(OutputSafetyTests.unescapedPipes(row) == 7)
        for line in result.standardOutputText.split(separator: "\n") { #expect(line.hasPrefix("::")) }
    }
}
