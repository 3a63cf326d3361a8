import Analysis
import Foundation
import Testing
import TestSupport

/// `ktlo report` keeps the compact effort of the range in the cache and, after new commits, reads only those: the
/// report must be the one a run without any cache makes, and the stored commits must really be the ones used.
@Suite struct ReportSnapshotTests {
    private func report(_ repository: String, cache: String?) throws -> String {
        let arguments = ["report", "--repo", repository, "--format", "json", "--by", "month", "--by-author"]
            + (cache.map { ["--cache", $0] } ?? ["--no-cache"])
        let result = try Shell.ktlo(arguments)
        #expect(result.status == 0, "\(result.standardErrorText)")
        return result.standardOutputText
    }

    private func commit(_ repository: String, _ file: String, _ text: String, message: String,
                        author: String = "Grace Hopper <grace@example.com>") throws {
        try text.write(toFile: repository + "/" + file, atomically: true, encoding: .utf8)
        _ = try Shell.git(["add", file], in: repository)
        let result = try Shell.git(["-c", "user.name=Committer", "-c", "user.email=c@example.com", "commit", "-q",
                                    "--author", author, "-m", message], in: repository)
        try #require(result.status == 0, "\(result.standardErrorText)")
    }

    private func sqlite(_ database: String, _ sql: String) throws -> String {
        let result = try Shell.run(["sqlite3", database, sql])
        try #require(result.status == 0, "sqlite3 is needed: \(result.standardErrorText)")
        return result.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func newCommitsAreAddedToTheStoredOnes() throws {
        let repository = try Fixtures.fresh("effort")
        let cache = try Fixtures.temporaryFolder() + "/cache.sqlite"
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "1")

        try commit(repository, "new.c", "int fixed;\n", message: "Fix a crash when the list is empty")
        try commit(repository, "other.c", "int added;\n", message: "Add an option to list things",
                   author: "Ada Lovelace <ADA@example.com>")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "1")
    }

    @Test func theStoredCommitsAreTheOnesUsed() throws {
        let repository = try Fixtures.fresh("effort")
        let cache = try Fixtures.temporaryFolder() + "/cache.sqlite"
        _ = try report(repository, cache: cache)
        // Every stored commit turned into a feature: a report that reads the snapshot has no KTLO left but in
        // the new commit.
        let hex = try sqlite(cache, "SELECT hex(data) FROM snapshots")
        let bytes = stride(from: 0, to: hex.count, by: 2).map { offset -> UInt8 in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
        let stored = try #require(EffortCommitCoding.decode(bytes))
        #expect(!stored.isEmpty && stored.contains { $0.category == .fix })
        let planted = stored.map { commit in
            EffortCommit(author: commit.author, day: commit.day, category: .feature, isMerge: commit.isMerge,
                         isBot: commit.isBot, isLowConfidence: commit.isLowConfidence, churn: commit.churn,
                         files: [])
        }
        let plantedHex = EffortCommitCoding.encode(planted).map { String(format: "%02X", $0) }.joined()
        _ = try sqlite(cache, "UPDATE snapshots SET data = x'\(plantedHex)'")
        try commit(repository, "new.c", "int fixed;\n", message: "Fix a crash when the list is empty")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try report(repository, cache: cache).utf8))
            as? [String: Any])
        let totals = try #require(document["totals"] as? [String: Any])
        let buckets = try #require((totals["bucket_effort"] as? [String: Any])?["commits"] as? [String: Any])
        #expect(totals["commits"] as? Int == stored.count + 1)
        #expect(buckets["ktlo"] as? Int == 1 && buckets["feature"] as? Int == stored.count, "\(buckets)")

        // A snapshot that does not decode is not used: the run reads the whole history again.
        _ = try sqlite(cache, "UPDATE snapshots SET data = x'01'")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
    }

    @Test func anotherConfigurationOrAHistoryRewrittenIsAFullWalk() throws {
        let repository = try Fixtures.fresh("effort")
        let cache = try Fixtures.temporaryFolder() + "/cache.sqlite"
        _ = try report(repository, cache: cache)
        try "classification:\n  words:\n    fix: [tweak]\n".write(toFile: repository + "/.ktlo.yml", atomically: true,
                                                              encoding: .utf8)
        try commit(repository, "a.c", "int tweak;\n", message: "Tweak the parser")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "2")

        // The stored tip is no longer an ancestor of HEAD.
        _ = try Shell.git(["reset", "-q", "--hard", "HEAD~2"], in: repository)
        try commit(repository, "b.c", "int b;\n", message: "Document the parser")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
    }

    @Test func eachBranchKeepsItsOwnSnapshot() throws {
        let repository = try Fixtures.fresh("effort")
        let cache = try Fixtures.temporaryFolder() + "/cache.sqlite"
        let main = try Shell.git(["rev-parse", "--abbrev-ref", "HEAD"], in: repository).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func tips() throws -> String { try sqlite(cache, "SELECT hex(tip) FROM snapshots ORDER BY hex(tip)") }
        _ = try report(repository, cache: cache)
        // A branch from an older commit: the main line's tip is not its ancestor, so it walks in full and keeps
        // its own snapshot beside the main line's.
        _ = try Shell.git(["checkout", "-q", "-b", "topic", "HEAD~1"], in: repository)
        try commit(repository, "topic.c", "int topic;\n", message: "Add a topic option")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "2")
        let bothTips = try tips()
        // Back on the main line, a new commit extends the main line's snapshot, which it replaces: still two, and
        // the topic's is the one that did not change.
        _ = try Shell.git(["checkout", "-q", main], in: repository)
        try commit(repository, "main.c", "int fixed;\n", message: "Fix a crash when the list is empty")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "2")
        let topicTip = try Shell.git(["rev-parse", "topic"], in: repository).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let tipsNow = try tips()
        #expect(bothTips.contains(topicTip) && tipsNow.contains(topicTip) && tipsNow != bothTips)
        // And the topic's next run extends its own.
        _ = try Shell.git(["checkout", "-q", "topic"], in: repository)
        try commit(repository, "topic2.c", "int more;\n", message: "Support more topics")
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "2")
    }

    @Test func ciWithoutHotspotsUsesTheSnapshotToo() throws {
        let repository = try Fixtures.fresh("effort")
        let cache = try Fixtures.temporaryFolder() + "/cache.sqlite"
        func ci(_ cache: String?) throws -> String {
            let output = try Fixtures.temporaryFolder() + "/ci.json"
            let result = try Shell.ktlo(["ci", "--repo", repository, "--no-hotspots", "--base", "HEAD~1", "--quiet",
                                         "--max-ktlo", "100", "--output", output]
                                            + (cache.map { ["--cache", $0] } ?? ["--no-cache"]))
            #expect(result.status == 0, "\(result.standardErrorText)")
            return try String(contentsOfFile: output, encoding: .utf8)
        }
        #expect(try ci(cache) == (try ci(nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "1")
        try commit(repository, "new.c", "int fixed;\n", message: "Fix a crash when the list is empty")
        #expect(try ci(cache) == (try ci(nil)))
        // A report with the same settings reads the snapshot ktlo ci left.
        #expect(try report(repository, cache: cache) == (try report(repository, cache: nil)))
        #expect(try sqlite(cache, "SELECT count(*) FROM snapshots") == "1")
    }
}
