import ChurnCache
import Foundation
import Git
import Testing
import TestSupport
@testable import History

/// Parallel diffing and the cache change how fast records come, never what they say.
@Suite struct ParallelAndCacheTests {
    /// Everything a record says, as one comparable line.
    private func lines(_ fixture: String, _ options: HistoryOptions, path: String? = nil) throws
        -> (lines: [String], reader: HistoryReader) {
        let reader = try HistoryReader(path: try path ?? Fixtures.path(fixture), options: options)
        var lines: [String] = []
        while let record = try reader.next() {
            let files = record.files.map { file -> String in
                let exclusion = file.exclusion.map { "\($0)" } ?? ""
                let similarity = file.delta.similarity ?? -1
                return "\(file.status.rawValue) \(file.oldPath ?? "")>\(file.path) +\(file.added) -\(file.deleted) "
                    + "b\(file.isBinary) s\(similarity) m\(file.delta.isContentMissing) x\(exclusion)"
            }
            lines.append("\(record.id) \(record.parents) \(record.author.email) \(record.authorTime.iso8601) "
                             + "\(record.summary) d\(record.isDiffed) s\(record.isShallowBoundary) | "
                             + files.joined(separator: "; "))
        }
        return (lines, reader)
    }

    @Test(arguments: ["busy", "linear", "merges", "renames", "binary", "shallow", "encodings", "attributes",
                      "missing-blob", "paths", "effort"])
    func anyNumberOfJobsGivesTheSameRecords(fixture: String) throws {
        let (one, oneReader) = try lines(fixture, HistoryOptions(jobs: 1))
        for jobs in [2, 3, 8] {
            let (many, reader) = try lines(fixture, HistoryOptions(jobs: jobs))
            #expect(many == one, "\(fixture) with \(jobs) jobs")
            #expect(reader.warnings == oneReader.warnings)
        }
        let (merged, _) = try lines(fixture, HistoryOptions(diffMerges: true, jobs: 1))
        let (mergedMany, _) = try lines(fixture, HistoryOptions(diffMerges: true, jobs: 3))
        #expect(mergedMany == merged)
    }

    @Test func maxCountAndDatesAreHonouredAcrossWindows() throws {
        for jobs in [1, 2] {
            let (first, _) = try lines("busy", HistoryOptions(maxCount: 37, jobs: jobs))
            #expect(first.count == 37)
            let (all, _) = try lines("busy", HistoryOptions(jobs: jobs))
            #expect(Array(all.prefix(37)) == first)
        }
    }

    @Test func aSecondRunReadsEveryDiffFromTheCache() throws {
        let cache = try Fixtures.temporaryFolder() + "/churn.sqlite"
        let (plain, _) = try lines("busy", HistoryOptions(jobs: 2))
        let (cold, coldReader) = try lines("busy", HistoryOptions(jobs: 2, cache: .file(cache)))
        // 400 commits, 3 of them merges, which are not diffed by default.
        #expect(coldReader.diffCounts.cached == 0)
        #expect(coldReader.diffCounts.computed == 397)
        let (warm, warmReader) = try lines("busy", HistoryOptions(jobs: 1, cache: .file(cache)))
        #expect(warmReader.diffCounts.cached == 397)
        #expect(warmReader.diffCounts.computed == 0)
        #expect(cold == plain)
        #expect(warm == plain)
        #expect(warmReader.warnings.isEmpty)
        // The walk's tip is remembered for the next run; a range or a cut-short walk is not a tip.
        let head = try warmReader.repository.resolveCommit("HEAD")
        #expect(warmReader.cache?.recordedTip(of: "HEAD") == head)
        _ = try lines("busy", HistoryOptions(revisions: ["HEAD~5"], maxCount: 3, cache: .file(cache)))
        _ = try lines("busy", HistoryOptions(revisions: ["HEAD~9..HEAD~2"], cache: .file(cache)))
        #expect(try ChurnCache(path: cache).statistics().tips.map(\.revision) == ["HEAD"])
        _ = try lines("busy", HistoryOptions(revisions: ["HEAD~5"], cache: .file(cache)))
        #expect(try ChurnCache(path: cache).recordedTip(of: "HEAD~5") == warmReader.repository.resolveCommit("HEAD~5"))
    }

    @Test func changedDiffSettingsDoNotReuseTheCache() throws {
        let cache = try Fixtures.temporaryFolder() + "/churn.sqlite"
        _ = try lines("renames", HistoryOptions(cache: .file(cache)))
        let noRenames = HistoryOptions(diff: DiffOptions(detectRenames: false), cache: .file(cache))
        let (withCache, reader) = try lines("renames", noRenames)
        #expect(reader.diffCounts.cached == 0)
        let (direct, _) = try lines("renames", HistoryOptions(diff: DiffOptions(detectRenames: false)))
        #expect(withCache == direct)
        // Path filters are applied after the cache: a narrower run reuses the same diffs.
        var narrow = HistoryOptions(cache: .file(cache))
        narrow.paths = PathFilter(include: ["*.txt"])
        let (_, narrowReader) = try lines("renames", narrow)
        #expect(narrowReader.diffCounts.computed == 0)
    }

    @Test func diffsMadeWithMissingObjectsAreNotKept() throws {
        let cache = try Fixtures.temporaryFolder() + "/churn.sqlite"
        let (_, cold) = try lines("missing-blob", HistoryOptions(cache: .file(cache)))
        let (_, warm) = try lines("missing-blob", HistoryOptions(cache: .file(cache)))
        #expect(cold.warnings.contains { $0.kind == "missing_blobs" })
        #expect(warm.warnings.contains { $0.kind == "missing_blobs" })
        #expect(warm.diffCounts.computed > 0)
    }

    @Test func theDefaultCacheLivesInTheCommonGitDirectory() throws {
        let repository = try Fixtures.fresh("worktree")
        let reader = try HistoryReader(path: repository, options: HistoryOptions(cache: .inRepository))
        while try reader.next() != nil {}
        let expected = reader.repository.commonDirectory + "ktlo/churn.sqlite"
        #expect(reader.cache?.path == expected)
        #expect(FileManager.default.fileExists(atPath: expected))
    }

    @Test func anUnwritableDefaultLocationMeansNoCacheAndAWarning() throws {
        let repository = try Fixtures.fresh("linear")
        let folder = repository + "/.git/ktlo"
        // A file where the cache's folder should be: the cache cannot be created there.
        try Data().write(to: URL(fileURLWithPath: folder))
        let (lines, reader) = try lines("linear", HistoryOptions(cache: .inRepository), path: repository)
        #expect(lines.count == 6)
        #expect(reader.cache == nil)
        #expect(reader.warnings.contains { $0.kind == "cache" && $0.message.hasPrefix("no cache for this run") })
    }
}
