import Foundation
import Testing
import TestSupport

/// `ktlo hotspots` and `ktlo coupling` on the `hotspots` fixture (Fixtures/make-fixture, build_hotspots), whose every
/// figure below was computed by hand:
///
/// - The range runs from 2024-01-08 to 2025-06-30 09:00 (539 days); the recent window (182 days) starts on
///   2024-12-30, so Linus (last commit 2024-04-01) is gone.
/// - src/engine.c: 10 changes (Ada 6, Grace 4), 7 of them fixes, all 7 in the recent window; one function whose
///   cyclomatic complexity is 1 + 2 per `if (… && …)` + 1 for the ternary: 1 + 2 × 21 + 1 = 44 now, 26 at first.
///   Fix score: Σ 1/(1+e^(−12t+12)) over its fixes at t = 371/539, 399/539, …, 539/539 = 1.3477.
///   Score = (10 + 7) × √45 × 2.3477 = 267.73.
/// - src/tables.c: 2 changes, 120 functions of cyclomatic 3: 360; 1,200 lines of code. Score 2 × √361 = 38.
/// - src/parser.c: 5 changes as src/parse.c and 2 after the rename: 7, 3 fixes (0.0572), 2 recent; complexity
///   1 + 1 + 7 = 9. Score 9 × √10 × 1.0572 = 30.09.
/// - src/version.h: 16 changes, none recent fixes, 6 recent; complexity 0. Score 22.
/// - src/net.c, src/net.h: 6 changes each, always together (3 fixes, 0.0699), 2 recent.
/// - src/legacy.c was deleted: it appears nowhere.
@Suite struct HotspotsCommandTests {
    private func run(_ command: String, _ arguments: [String] = []) throws -> [String: Any] {
        let result = try Shell.ktlo([command, "--repo", try Fixtures.path("hotspots"), "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardErrorText)")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    private func hotspots(_ arguments: [String] = []) throws -> [[String: Any]] {
        try #require(try run("hotspots", arguments)["hotspots"] as? [[String: Any]])
    }

    private func row(_ rows: [[String: Any]], _ path: String) throws -> [String: Any] {
        try #require(rows.first { $0["path"] as? String == path }, "no row \(path)")
    }

    private func number(_ object: [String: Any], _ path: String...) -> Double? {
        var current: Any? = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? Double ?? (current as? Int).map(Double.init)
    }

    private func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 0.0001) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    @Test func ranksThePlantedHotspotFirst() throws {
        let rows = try hotspots()
        #expect(rows.map { $0["path"] as? String } == ["src/engine.c", "src/tables.c", "src/parser.c",
                                                        "src/version.h", "src/net.c", "src/net.h"])
        #expect(rows.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(rows.map { number($0, "score") } == [267.73, 38, 30.09, 22, 14.83, 8.56])
    }

    @Test func theHotspotsNumbersAndFactors() throws {
        let engine = try row(try hotspots(), "src/engine.c")
        #expect(number(engine, "revisions") == 10 && number(engine, "recent_revisions") == 7)
        #expect(number(engine, "fixes") == 7 && number(engine, "authors") == 2)
        #expect(number(engine, "churn") == 24 && number(engine, "added") == 24 && number(engine, "deleted") == 0)
        #expect(number(engine, "complexity") == 44 && number(engine, "loc") == 24)
        #expect(engine["complexity_source"] as? String == "cyclomatic")
        #expect(number(engine, "fix_score") == 1.3477)
        #expect(number(engine, "factors", "frequency") == 17)
        #expect(number(engine, "factors", "complexity") == 6.7082)
        #expect(number(engine, "factors", "fix_attraction") == 2.3477)
        // Ada wrote 20 of the 24 added lines; revisions 6 and 4: fragmentation 1 − 0.6² − 0.4².
        #expect(number(engine, "ownership") == 0.8333 && number(engine, "fragmentation") == 0.48)
        #expect((engine["main_author"] as? [String: Any])?["name"] as? String == "Ada Lovelace")
        #expect(engine["first_changed"] as? String == "2024-01-08T09:00:00+00:00")
        #expect(engine["last_changed"] as? String == "2025-06-30T09:00:00+00:00")
        // Its effort: 7 fix commits, 2 feature commits and 15 of the initial import's 1,350 lines.
        #expect(close(number(engine, "ktlo_share", "commits"), 7 / (9 + 15.0 / 1350)))
        #expect(close(number(engine, "ktlo_share", "churn"), 7.0 / 24))
    }

    /// The measures of file contents are kept in the cache under their blob ids, and read back: a planted record
    /// shows through, a record that does not decode is measured again.
    @Test func measuresComeFromTheCacheWhenItHasThem() throws {
        let cache = try Fixtures.temporaryFolder() + "/cache.sqlite"
        let first = try row(try hotspots(["--cache", cache]), "src/engine.c")
        #expect(number(first, "complexity") == 44)
        let stored = try Shell.run(["sqlite3", cache, "SELECT count(*) FROM blob_facts"])
        try #require(stored.status == 0, "sqlite3 is needed: \(stored.standardErrorText)")
        #expect(Int(stored.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)) == 6)

        let blob = try Shell.git(["rev-parse", "HEAD:src/engine.c"], in: try Fixtures.path("hotspots"))
            .standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        // Language "c"; 30 lines, 24 code lines, 1 function, 3 indented blocks, cyclomatic 99; indentation 0 and 0.
        func word(_ value: Int) -> String {
            (0..<8).map { String(format: "%02x", (value >> (8 * $0)) & 0xff) }.joined()
        }
        let planted = "0163" + [30, 24, 1, 3, 99, 0, 0].map(word).joined()
        let plant = try Shell.run(["sqlite3", cache, """
            UPDATE blob_facts SET facts = x'\(planted)' WHERE blob_id = x'\(blob)' AND kind = 'source-metrics v1 c';
            """])
        try #require(plant.status == 0)
        #expect(number(try row(try hotspots(["--cache", cache]), "src/engine.c"), "complexity") == 99)

        let damage = try Shell.run(["sqlite3", cache, "UPDATE blob_facts SET facts = x'01' WHERE blob_id = x'\(blob)';"])
        try #require(damage.status == 0)
        #expect(number(try row(try hotspots(["--cache", cache]), "src/engine.c"), "complexity") == 44)
    }

    @Test func aRenamedFileKeepsItsHistory() throws {
        let rows = try hotspots()
        let parser = try row(rows, "src/parser.c")
        #expect(number(parser, "revisions") == 7 && number(parser, "fixes") == 3)
        #expect(number(parser, "recent_revisions") == 2 && number(parser, "complexity") == 9)
        #expect(number(parser, "authors") == 2)
        #expect(parser["first_changed"] as? String == "2024-01-08T09:00:00+00:00")
        // Linus, gone, wrote 2 of its 11 added lines.
        #expect(number(parser, "departed_share") == 0.1818 && number(parser, "ownership") == 0.8182)
        #expect(!rows.contains { $0["path"] as? String == "src/parse.c" })
    }

    @Test func aDeletedFileAppearsNowhere() throws {
        let rows = try hotspots(["--top", "0"])
        #expect(rows.count == 6)
        #expect(!rows.contains { ($0["path"] as? String)?.contains("legacy") == true })
        let loose = try run("coupling", ["--min-revs", "1", "--min-shared", "1", "--min-degree", "1"])
        let couplings = try #require(loose["couplings"] as? [[String: Any]])
        #expect(!couplings.isEmpty)
        #expect(!couplings.contains { "\($0["path_a"] ?? "") \($0["path_b"] ?? "")".contains("legacy") })
    }

    @Test func smellsCarryTheirNumbers() throws {
        let rows = try hotspots()
        func smells(_ path: String) throws -> [String: [String: Any]] {
            let list = try #require(try row(rows, path)["smells"] as? [[String: Any]])
            return Dictionary(list.map { ($0["kind"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        }
        let engine = try smells("src/engine.c")
        #expect(Set(engine.keys) == ["fix_magnet", "growing_complexity"])
        #expect(engine["fix_magnet"]?["detail"] as? String == "7 of 10 changes were fixes (fix score 1.35)")
        #expect(engine["fix_magnet"].map { number($0, "value") } == 0.7)
        #expect(engine["growing_complexity"]?["detail"] as? String
                    == "complexity 26 → 44 (+69 %) since 2024-01-08")
        #expect(try smells("src/tables.c")["very_large_file"]?["detail"] as? String == "1200 lines of code")
        #expect(try smells("src/version.h")["knowledge_island"]?["detail"] as? String
                    == "one author: every change by Ada Lovelace")
        // Big but stable: no growth.
        #expect(try smells("src/tables.c")["growing_complexity"] == nil)
    }

    @Test func theComplexityTrendTellsGrowingFromStable() throws {
        let rows = try hotspots()
        let engine = try #require(try row(rows, "src/engine.c")["trend"] as? [[String: Any]])
        #expect(engine.map { number($0, "complexity") } == [26, 30, 34, 38, 42, 44])
        #expect(engine.first?["date"] as? String == "2024-01-08T09:00:00+00:00")
        #expect(engine.last?["date"] as? String == "2025-06-30T09:00:00+00:00")
        let tables = try #require(try row(rows, "src/tables.c")["trend"] as? [[String: Any]])
        #expect(tables.map { number($0, "complexity") } == [360, 360])
        // The renamed file's oldest version is read at its old path.
        let parser = try #require(try row(rows, "src/parser.c")["trend"] as? [[String: Any]])
        #expect(parser.first.map { number($0, "complexity") } == 3)
        #expect(parser.last.map { number($0, "complexity") } == 9)
        #expect(try hotspots(["--trends", "1"]).dropFirst().allSatisfy { ($0["trend"] as? [Any])?.isEmpty == true })
    }

    @Test func aPairThatAlwaysChangesTogether() throws {
        let document = try run("coupling")
        let couplings = try #require(document["couplings"] as? [[String: Any]])
        #expect(couplings.count == 1)
        let pair = try #require(couplings.first)
        #expect(pair["path_a"] as? String == "src/net.c" && pair["path_b"] as? String == "src/net.h")
        #expect(number(pair, "shared") == 6 && number(pair, "degree") == 100 && number(pair, "average_revisions") == 6)
        // Sum of coupling: the initial import (7 files) gives each of its files 6; net.c and net.h add 1 each of
        // their 5 later commits; parser.c 1 for the commit it shared with legacy.c.
        let sums = try #require(document["sum_of_coupling"] as? [[String: Any]])
        let byPath = Dictionary(sums.map { ($0["path"] as? String ?? "", number($0, "sum") ?? -1) },
                                uniquingKeysWith: { first, _ in first })
        #expect(byPath == ["src/net.c": 11, "src/net.h": 11, "src/parser.c": 7, "src/engine.c": 6,
                           "src/tables.c": 6, "src/version.h": 6])
        #expect(sums.first?["path"] as? String == "src/net.c")

        let net = try row(try hotspots(), "src/net.c")
        #expect(number(net, "sum_of_coupling") == 11)
        let coupled = try #require(net["coupled"] as? [[String: Any]])
        #expect(coupled.count == 1 && coupled.first?["path"] as? String == "src/net.h")
        #expect(coupled.first.map { number($0, "degree") } == 100)
    }

    @Test func theShareOfKtloInTheTopHotspots() throws {
        // 15 KTLO commits (13 fixes, 2 refactors), one a day each: 15 dev-days, 29 lines. The removal of legacy.c
        // (4 lines) lands in no present file; "Fix legacy handshake" puts 1 of its 3 lines in parse.c.
        let all = try #require(try run("hotspots")["ktlo_in_hotspots"] as? [String: Any])
        #expect(number(all, "top") == 6)
        #expect(number(all, "commits", "ktlo") == 15 && close(number(all, "commits", "in_hotspots"), 13 + 1.0 / 3))
        #expect(close(number(all, "commits", "share"), 0.8889))
        #expect(number(all, "churn", "ktlo") == 29 && number(all, "churn", "in_hotspots") == 23)
        #expect(close(number(all, "churn", "share"), 0.7931))
        #expect(close(number(all, "dev_days", "share"), 0.8889))
        let one = try #require(try run("hotspots", ["--top", "1"])["ktlo_in_hotspots"] as? [String: Any])
        #expect(number(one, "top") == 1)
        #expect(close(number(one, "commits", "share"), 0.4667) && close(number(one, "churn", "share"), 0.2414))
    }

    @Test func topAndTheRecentWindow() throws {
        let document = try run("hotspots", ["--top", "2", "--recent-days", "30"])
        #expect(number(document, "ranked") == 6 && number(document, "recent_days") == 30)
        let rows = try #require(document["hotspots"] as? [[String: Any]])
        #expect(rows.count == 2)
        // From 2025-05-31: engine.c changed on 2 June and 30 June.
        let engine = try row(rows, "src/engine.c")
        #expect(number(engine, "recent_revisions") == 2 && number(engine, "factors", "frequency") == 12)
    }

    @Test func rollsUpToFolders() throws {
        let document = try run("hotspots", ["--by", "dir"])
        #expect(document["by"] as? String == "dir")
        let rows = try #require(document["hotspots"] as? [[String: Any]])
        #expect(rows.map { $0["path"] as? String } == ["src"])
        let source = try #require(rows.first)
        // Every commit but the two that touched only legacy.c; the six files' complexity summed.
        #expect(number(source, "revisions") == 37 && number(source, "files") == 6)
        #expect(number(source, "complexity") == 415)  // 44 + 360 + 9 + 0 + 2 + 0
        #expect(source["complexity_source"] as? String == "sum")
        #expect(try run("hotspots", ["--by", "dir=1"])["by"] as? String == "dir=1")
    }

    @Test func usesTheConfiguredBotsAndComponents() throws {
        let folder = try Fixtures.temporaryFolder()
        let config = folder + "/ktlo.yml"
        try """
            classification:
              learned_model: false
              bots: ["grace@example.com"]
            components:
              core: ["src/engine.c", "src/parser.c"]
              io: ["src/net.*"]
            """.write(toFile: config, atomically: true, encoding: .utf8)
        // Grace, a bot now, holds no knowledge: Ada alone changed engine.c. A bot's commits are maintenance, so
        // Grace's four engine fixes are fixes no more; her commits still count as changes.
        let engine = try row(try hotspots(["--config", config]), "src/engine.c")
        #expect(number(engine, "authors") == 1 && number(engine, "ownership") == 1)
        #expect(number(engine, "revisions") == 10 && number(engine, "fixes") == 3)
        // (other) = tables.c and version.h: (17 + 6) × √361 = 437; core = engine.c and parser.c: (16 + 9) changes,
        // √(1 + 53), and the fix score of 6 fixes, below that now.
        let components = try hotspots(["--config", config, "--by", "component"])
        #expect(components.map { $0["path"] as? String } == ["(other)", "core", "io"])
        #expect(number(try row(components, "(other)"), "score") == 437)
        #expect(number(try row(components, "core"), "revisions") == 16)
        #expect(number(try row(components, "io"), "revisions") == 6)
    }

    @Test func everyFormatRendersAndBadInputIsRefused() throws {
        let path = try Fixtures.path("hotspots")
        let table = try Shell.ktlo(["hotspots", "--repo", path, "--format", "table"])
        #expect(table.status == 0)
        #expect(table.standardOutputText.contains("coupled: src/net.h 100 % (6 shared)"))
        #expect(table.standardOutputText.contains("trend: complexity 26 → 30 → 34 → 38 → 42 → 44"))
        #expect(table.standardOutputText.contains("KTLO effort that landed in the top 6: 89 % of dev-days"))
        let csv = try Shell.ktlo(["hotspots", "--repo", path, "--format", "csv"])
        #expect(csv.standardOutputText.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 7)
        let markdown = try Shell.ktlo(["hotspots", "--repo", path, "--format", "markdown", "--top", "1"])
        #expect(markdown.standardOutputText.contains("| 1 | `src/engine.c` | 267.7 |"))
        for format in ["table", "csv", "markdown"] {
            #expect(try Shell.ktlo(["coupling", "--repo", path, "--format", format]).status == 0)
        }
        for arguments in [["--top", "-1"], ["--by", "dir=0"], ["--by", "person"], ["--format", "ndjson"],
                          ["--recent-days", "0"]] {
            let result = try Shell.ktlo(["hotspots", "--repo", path] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardErrorText.split(separator: "\n").count >= 1)
        }
        #expect(try Shell.ktlo(["coupling", "--repo", path, "--min-degree", "-5"]).status == 2)
    }
}
