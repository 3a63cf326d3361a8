import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The cache from the outside: what a user sees, and what survives a killed run or two runs at once.
@Suite struct CacheCommandTests {
    private func commits(_ repository: String, _ extra: [String]) throws -> Shell.Result {
        try Shell.ktlo(["commits", "--repo", repository, "--format", "ndjson"] + extra)
    }

    @Test func statsAndClear() throws {
        let repository = try Fixtures.fresh("busy")
        let empty = try Shell.ktlo(["cache", "stats", "--repo", repository])
        #expect(empty.status == 0)
        #expect(empty.standardOutputText.hasPrefix("No cache yet at \(repository)/.git/ktlo/churn.sqlite"))

        let first = try commits(repository, [])
        #expect(first.status == 0)
        #expect(first.standardErrorText.isEmpty)
        let stats = try Shell.ktlo(["cache", "stats", "--repo", repository, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: stats.standardOutput) as? [String: Any])
        #expect(document["commits"] as? Int == 397)
        #expect(document["path"] as? String == repository + "/.git/ktlo/churn.sqlite")
        let tips = try #require(document["tips"] as? [[String: Any]])
        #expect(tips.map { $0["revision"] as? String } == ["HEAD"])
        let head = try Shell.git(["rev-parse", "HEAD"], in: repository).standardOutputText
        #expect(tips.first?["commit"] as? String == head.trimmingCharacters(in: .whitespacesAndNewlines))

        // A second setting is a second set of entries.
        #expect(try commits(repository, ["--no-renames"]).status == 0)
        let table = try Shell.ktlo(["cache", "stats", "--repo", repository]).standardOutputText
        #expect(table.contains("commits   794"))
        #expect(table.contains("397 diffed with v1 M50/l1000"))
        #expect(table.contains("397 diffed with v1 no-renames"))

        let clear = try Shell.ktlo(["cache", "clear", "--repo", repository])
        #expect(clear.status == 0)
        #expect(clear.standardOutputText.hasPrefix("Deleted the cache at "))
        #expect(!FileManager.default.fileExists(atPath: repository + "/.git/ktlo/churn.sqlite"))
        #expect(try Shell.ktlo(["cache", "clear", "--repo", repository]).standardOutputText.hasPrefix("No cache at"))
        // --no-cache writes nothing.
        #expect(try commits(repository, ["--no-cache"]).standardOutput == first.standardOutput)
        #expect(!FileManager.default.fileExists(atPath: repository + "/.git/ktlo/churn.sqlite"))
    }

    @Test func aDamagedCacheIsRebuiltWithAWarningAndTheSameOutput() throws {
        let repository = try Fixtures.fresh("busy")
        let cache = try Fixtures.temporaryFolder() + "/churn.sqlite"
        let plain = try commits(repository, ["--no-cache"])
        #expect(try commits(repository, ["--cache", cache]).standardOutput == plain.standardOutput)
        let handle = try #require(FileHandle(forWritingAtPath: cache))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try handle.close()
        let repaired = try commits(repository, ["--cache", cache])
        #expect(repaired.status == 0)
        #expect(repaired.standardOutput == plain.standardOutput)
        #expect(repaired.standardErrorText.hasPrefix("ktlo: warning: the cache at \(cache) could not be used"))
        #expect(repaired.standardErrorText.contains("it was rebuilt"))
        // An unusable location is not fatal either.
        let blocked = try commits(repository, ["--cache", "/proc/ktlo-cannot-write-here/churn.sqlite"])
        #expect(blocked.status == 0)
        #expect(blocked.standardOutput == plain.standardOutput)
        #expect(blocked.standardErrorText.hasPrefix("ktlo: warning: no cache for this run: cannot use the cache at"))
    }

    /// Kills runs at several moments, mid-diff and mid-write; whatever the moment, the next run's output is exact.
    @Test func aRunKilledAtAnyMomentLeavesAUsableCache() throws {
        let repository = try Fixtures.fresh("busy")
        let folder = try Fixtures.temporaryFolder()
        let cache = folder + "/churn.sqlite"
        let plain = try commits(repository, ["--no-cache"])
        for delay in [20, 60, 120, 200, 350] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Shell.ktloPath)
            process.arguments = ["commits", "--repo", repository, "--cache", cache, "--jobs", "2", "--format",
                                 "ndjson", "-o", folder + "/out.ndjson"]
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let next = try commits(repository, ["--cache", cache])
            #expect(next.status == 0)
            #expect(next.standardOutput == plain.standardOutput, "after a kill at \(delay) ms")
            #expect(next.standardErrorText.isEmpty, "after a kill at \(delay) ms: \(next.standardErrorText)")
            _ = try Shell.ktlo(["cache", "clear", "--cache", cache])
        }
    }

    @Test func twoRunsAtOnceShareOneCache() throws {
        let repository = try Fixtures.fresh("busy")
        let folder = try Fixtures.temporaryFolder()
        let cache = folder + "/churn.sqlite"
        let plain = try commits(repository, ["--no-cache"])
        var processes: [Process] = []
        for index in 0..<3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Shell.ktloPath)
            process.arguments = ["commits", "--repo", repository, "--cache", cache, "--format", "ndjson",
                                 "-o", folder + "/out-\(index).ndjson"] + (index == 2 ? ["--no-renames"] : [])
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0])
        for index in 0..<2 {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/out-\(index).ndjson")) == plain.standardOutput)
        }
        let stats = try Shell.ktlo(["cache", "stats", "--cache", cache, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: stats.standardOutput) as? [String: Any])
        #expect(document["commits"] as? Int == 794)
    }
}
