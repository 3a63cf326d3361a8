import Foundation
import Testing
import TestSupport

/// `ktlo analyze` on the `hotspots` fixture (see HotspotsCommandTests for its hand-computed figures): one walk gives
/// the same numbers as `ktlo report --by-component --by-author`, `ktlo hotspots` and `ktlo coupling` each give on
/// their own; the JSON follows Schemas/analyze.schema.json; repository text never becomes markup; the HTML is pinned
/// by a golden file.
@Suite struct AnalyzeCommandTests {
    /// Generation time of the pinned reports: 2025-07-01T00:00:00Z.
    static let epoch = "1751328000"

    private func json(_ arguments: [String], repo: String? = nil) throws -> [String: Any] {
        let result = try Shell.ktlo(arguments + ["--repo", try repo ?? Fixtures.path("hotspots"), "--format", "json",
                                                 "--quiet"])
        #expect(result.status == 0, "\(arguments): \(result.standardErrorText)")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    private func same(_ one: Any?, _ two: Any?) -> Bool {
        guard let one, let two else { return one == nil && two == nil }
        return NSDictionary(dictionary: ["v": one]).isEqual(to: ["v": two])
    }

    @Test func oneWalkGivesWhatEachCommandGives() throws {
        let analysis = try json(["analyze"])
        let report = try json(["report", "--by-component", "--by-author"])
        let hotspots = try json(["hotspots"])
        let coupling = try json(["coupling", "--top", "20"])
        #expect(same(analysis["report"], report))
        #expect(same(analysis["hotspots"], hotspots))
        #expect(same((analysis["coupling"] as? [String: Any])?["couplings"], coupling["couplings"]))

        // 39 commits; 15 of the 39 dev-days were KTLO; 13.3 of those 15 landed in the six hotspots.
        let summary = try #require(analysis["summary"] as? [String: Any])
        #expect(summary["commits"] as? Int == 39)
        #expect(summary["authors"] as? Int == 3)
        #expect(summary["ktlo_share"] as? Double == 0.3846)
        #expect(summary["hotspots_ranked"] as? Int == 6)
        #expect(summary["ktlo_share_in_top_hotspots"] as? Double == 0.8889)
        #expect(summary["coupled_pairs"] as? Int == 1)
        let map = try #require(analysis["hotspot_map"] as? [[String: Any]])
        #expect(map.map { $0["path"] as? String } == ["src/engine.c", "src/tables.c", "src/parser.c", "src/version.h",
                                                      "src/net.c", "src/net.h"])
        #expect(map[0]["revisions"] as? Int == 10 && map[0]["complexity"] as? Int == 44 && map[0]["fixes"] as? Int == 7)
    }

    @Test(arguments: [[], ["--by", "month", "--effort", "churn", "--top", "2", "--map-files", "3"]])
    func jsonValidates(_ arguments: [String]) throws {
        let validator = try JSONSchemaValidator(
            schemaAt: Fixtures.packageRoot.appendingPathComponent("Schemas/analyze.schema.json"))
        for fixture in ["hotspots", "linear", "shallow", "effort", "merges"] {
            let errors = try validator.validate(try json(["analyze"] + arguments, repo: try Fixtures.path(fixture)))
            #expect(errors.isEmpty, "\(fixture) \(arguments): \(errors.prefix(5))")
        }
        // Not a rubber stamp: the nested documents are checked against their own schemas.
        var document = try json(["analyze"])
        var hotspots = try #require(document["hotspots"] as? [String: Any])
        hotspots.removeValue(forKey: "ranked")
        document["hotspots"] = hotspots
        document["summary"] = ["commits": -1]
        let errors = try validator.validate(document)
        #expect(errors.contains("$.hotspots: 'ranked' is required"), "\(errors)")
        #expect(errors.contains("$.summary.commits: -1.0 is less than 0.0"), "\(errors)")
    }

    @Test func everyFormat() throws {
        let repo = try Fixtures.path("hotspots")
        let table = try Shell.ktlo(["analyze", "--repo", repo, "--format", "table"])
        #expect(table.status == 0)
        #expect(table.standardOutputText.contains("TOTAL         39"))
        #expect(table.standardOutputText.contains("src/engine.c"))
        #expect(table.standardOutputText.contains("src/net.c  ↔  src/net.h"))
        let markdown = try Shell.ktlo(["analyze", "--repo", repo, "--format", "markdown"])
        #expect(markdown.standardOutputText.hasPrefix("# KTLO analysis\n"))
        #expect(markdown.standardOutputText.contains("## Hotspots"))
        #expect(markdown.standardOutputText.contains("## Change coupling"))
        let folder = try Fixtures.temporaryFolder()
        let html = try Shell.ktlo(["analyze", "--repo", repo, "-o", folder + "/report.html", "--quiet"])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))  // chosen by the file's name
        #expect(try Shell.ktlo(["analyze", "--repo", repo, "--format", "csv"]).status == 2)
        let badEpoch = try Shell.ktlo(["analyze", "--repo", repo], environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(badEpoch.status == 2 && badEpoch.standardErrorText.contains("SOURCE_DATE_EPOCH"))
    }

    /// The page for the hotspots fixture with a KTLO budget, made at a fixed time, byte for byte as reviewed. The
    /// golden file names the repository @REPOSITORY@ and the version @KTLO_VERSION@, so that neither where the
    /// fixture is built nor a release changes it. After a deliberate change of the page, review the difference
    /// and record it again with KTLO_RECORD_GOLDEN=1.
    @Test func goldenHTML() throws {
        let page = try Self.goldenPage()
        let version = try Shell.ktlo(["--version"]).standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        let normalized = page.html.replacingOccurrences(of: page.repo, with: "@REPOSITORY@")
            .replacingOccurrences(of: "by ktlo \(version).", with: "by ktlo @KTLO_VERSION@.")
        let golden = Fixtures.packageRoot.appendingPathComponent("Fixtures/golden/analyze-hotspots.html")
        if ProcessInfo.processInfo.environment["KTLO_RECORD_GOLDEN"] == "1" {
            try normalized.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if normalized != expected {
            let got = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            Issue.record("""
                the page differs from Fixtures/golden/analyze-hotspots.html from line \(line + 1):
                got:  \(line < got.count ? got[line] : "(end)")
                want: \(line < want.count ? want[line] : "(end)")
                """)
        }
    }

    static func goldenPage() throws -> (html: String, repo: String) {
        let repo = try Fixtures.path("hotspots")
        let folder = try Fixtures.temporaryFolder()
        // The fixture's figures come from the rules' categories (see make-fixture): the learned model stays off.
        try "classification:\n  learned_model: false\nbudget:\n  ktlo: 30\n  feature: 50\n  other: 20\n"
            .write(toFile: folder + "/budget.yml", atomically: true, encoding: .utf8)
        let result = try Shell.ktlo(["analyze", "--repo", repo, "--config", folder + "/budget.yml", "--format", "html",
                                     "--quiet"], environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(result.status == 0, "\(result.standardErrorText)")
        return (result.standardOutputText, repo)
    }

    /// A repository whose every text is an attack: a commit message, an author, a file name and a branch that
    /// would run a script or break out of an attribute if they were written into the page as they are.
    static func hostileRepository() throws -> String {
        let repo = try Fixtures.temporaryFolder()
        func git(_ arguments: [String], _ environment: [String: String] = [:]) throws {
            let result = try Shell.run(["git", "-c", "commit.gpgsign=false"] + arguments, in: repo,
                                       environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
                                           .merging(environment) { $1 })
            #expect(result.status == 0, "git \(arguments): \(result.standardErrorText)")
        }
        try git(["init", "-q", "-b", "x<script>alert(3)</script>"])
        // git drops '<' and '>' from names, so the author attacks attributes instead.
        let attacker = ["GIT_AUTHOR_NAME": "Eve\" onmouseover=\"alert(2)&amp; x", "GIT_AUTHOR_EMAIL": "eve@example.com",
                        "GIT_COMMITTER_NAME": "Eve", "GIT_COMMITTER_EMAIL": "eve@example.com"]
        let names = ["<script>alert(1)</script>.c", "q\" onmouseover=\"alert(4).c", "s'><svg onload=alert(5)>.c"]
        for round in 1...6 {
            for name in names {
                // "</script>" holds a slash: the file is "script>.c" in the folder "<script>alert(1)<".
                let folder = (repo + "/" + name as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try String(repeating: "if (x) { y(); }\n", count: round).write(toFile: repo + "/" + name,
                                                                              atomically: true, encoding: .utf8)
            }
            try git(["add", "-A"])
            try git(["commit", "-q", "-m", "fix: <script>alert(1)</script> round \(round)"],
                    attacker.merging(["GIT_AUTHOR_DATE": "2025-0\(round)-02T10:00:00+00:00",
                                      "GIT_COMMITTER_DATE": "2025-0\(round)-02T10:00:00+00:00"]) { $1 })
        }
        return repo
    }

    @Test func repositoryTextIsNeverMarkup() throws {
        let repo = try Self.hostileRepository()
        let result = try Shell.ktlo(["analyze", "--repo", repo, "--format", "html", "--quiet"])
        #expect(result.status == 0, "\(result.standardErrorText)")
        let page = result.standardOutputText
        for forbidden in ["<script", "<svg onload", "\" onmouseover", "' onmouseover", "alert(2)&amp; x"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
        // …shown as text, in element content and in tooltips alike.
        #expect(page.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;.c</code>"))
        #expect(page.contains("<code>q&quot; onmouseover=&quot;alert(4).c</code>"))
        #expect(page.contains("s&#39;&gt;&lt;svg onload=alert(5)&gt;.c"))
        #expect(page.contains("<th scope=\"row\">Eve&quot; onmouseover=&quot;alert(2)&amp;amp; x</th>"))
        #expect(page.contains("x&lt;script&gt;alert(3)&lt;/script&gt; @"))
        #expect(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;.c: 6 changes"))
    }
}
