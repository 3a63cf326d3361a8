import Foundation
import Git
import Testing
import TestSupport
@testable import ChurnCache

@Suite struct ChurnCacheTests {
    private let one = ObjectID(hex: "1111111111111111111111111111111111111111")!
    private let two = ObjectID(hex: "2222222222222222222222222222222222222222")!
    private let files = [FileDelta(path: "a.c", status: .modified, added: 2, deleted: 1)]
    private let renames = ChurnCache.settingsKey(for: DiffOptions())

    private func cachePath() throws -> String {
        try Fixtures.temporaryFolder() + "/nested/folder/churn.sqlite"
    }

    @Test func storedDiffsAreReadBackUnderTheirSettingsOnly() throws {
        let path = try cachePath()
        do {
            let cache = try ChurnCache(path: path)
            cache.store([(one, files), (two, [])], settings: renames)
            #expect(cache.warnings.isEmpty)
        }
        let cache = try ChurnCache(path: path)
        #expect(cache.diffs(of: [one, two], settings: renames) == [one: files, two: []])
        // Another rename setting is another diff: nothing to reuse.
        let noRenames = ChurnCache.settingsKey(for: DiffOptions(detectRenames: false))
        let lowerThreshold = ChurnCache.settingsKey(for: DiffOptions(renameThreshold: 40))
        let lowerLimit = ChurnCache.settingsKey(for: DiffOptions(renameLimit: 10))
        #expect(Set([renames, noRenames, lowerThreshold, lowerLimit]).count == 4)
        #expect(cache.diffs(of: [one, two], settings: noRenames).isEmpty)
        #expect(cache.diffs(of: [one], settings: lowerThreshold).isEmpty)
        let statistics = try cache.statistics()
        #expect(statistics.commits == 2)
        #expect(statistics.entries.map(\.settings) == [renames])
        #expect(statistics.bytes > 0)
    }

    @Test func tipsAreRemembered() throws {
        let cache = try ChurnCache(path: try cachePath())
        #expect(cache.recordedTip(of: "HEAD") == nil)
        cache.recordTip(one, of: "HEAD")
        cache.recordTip(two, of: "HEAD")
        cache.recordTip(one, of: "main")
        #expect(cache.recordedTip(of: "HEAD") == two)
        #expect(try cache.statistics().tips.map(\.revision) == ["HEAD", "main"])
    }

    @Test func aDamagedFileIsRebuiltWithAWarning() throws {
        let path = try cachePath()
        do { _ = try ChurnCache(path: path) }
        // Overwrite the header and the first pages: no longer an SQLite database.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 8192))
        try handle.close()
        let cache = try ChurnCache(path: path)
        #expect(cache.warnings.count == 1)
        #expect(cache.warnings.first?.contains("it was rebuilt") == true)
        cache.store([(one, files)], settings: renames)
        #expect(cache.diffs(of: [one], settings: renames) == [one: files])
    }

    @Test func aFileThatIsNotADatabaseAtAllIsRebuilt() throws {
        let path = try cachePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data("commit,added,deleted\n".utf8).write(to: URL(fileURLWithPath: path))
        let cache = try ChurnCache(path: path)
        #expect(cache.warnings.first?.contains("rebuilt") == true)
        #expect(try cache.statistics().commits == 0)
    }

    @Test func aCacheFromAnOlderSchemaIsRebuiltNotTrusted() throws {
        let path = try cachePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // What an earlier layout could have been: text rows, no version.
        let old = try Shell.run(["sqlite3", path, """
            CREATE TABLE diffs (sha TEXT PRIMARY KEY, numstat TEXT);
            INSERT INTO diffs VALUES ('\(one.hex)', '99\t99\ta.c');
            """])
        try #require(old.status == 0, "sqlite3 is needed to write an old cache: \(old.standardErrorText)")
        let cache = try ChurnCache(path: path)
        #expect(cache.warnings.first?.contains("another version of ktlo") == true)
        #expect(cache.diffs(of: [one], settings: renames).isEmpty)
        cache.store([(one, files)], settings: renames)
        #expect(cache.diffs(of: [one], settings: renames) == [one: files])

        // A newer schema number is not trusted either.
        let newer = try Shell.run(["sqlite3", path, "PRAGMA user_version = 99;"])
        try #require(newer.status == 0)
        let again = try ChurnCache(path: path)
        #expect(again.warnings.first?.contains("schema 99") == true)
        #expect(again.diffs(of: [one], settings: renames).isEmpty)
    }

    @Test func blobFactsAreKeptPerKind() throws {
        let path = try cachePath()
        do {
            let cache = try ChurnCache(path: path)
            cache.storeBlobFacts([(one, [1, 2, 3]), (two, [])], kind: "metrics v1 c")
        }
        let cache = try ChurnCache(path: path)
        #expect(cache.blobFacts(of: [one, two], kind: "metrics v1 c") == [one: [1, 2, 3], two: []])
        #expect(cache.blobFacts(of: [one], kind: "metrics v2 c").isEmpty)
        #expect(cache.blobFacts(of: [one], kind: "metrics v1 python").isEmpty)
        #expect(try cache.statistics().blobFacts == 2)
    }

    @Test func snapshotsAreKeptPerKeyAndTip() throws {
        let path = try cachePath()
        let cache = try ChurnCache(path: path)
        let three = ObjectID(hex: "3333333333333333333333333333333333333333")!
        #expect(cache.snapshotTips(key: "a").isEmpty && cache.snapshot(key: "a", tip: one) == nil)
        // Two tips under one key (two branches) are both kept, the latest stored first.
        cache.storeSnapshot(key: "a", tip: one, data: [1, 2])
        cache.storeSnapshot(key: "a", tip: two, data: [3])
        cache.storeSnapshot(key: "b", tip: one, data: [])
        #expect(cache.snapshotTips(key: "a") == [two, one])
        #expect(cache.snapshot(key: "a", tip: one) == [1, 2] && cache.snapshot(key: "a", tip: two) == [3])
        #expect(cache.snapshot(key: "b", tip: one) == [] && cache.snapshot(key: "b", tip: two) == nil)
        // A snapshot that extends another replaces it; storing a tip again replaces its bytes.
        cache.storeSnapshot(key: "a", tip: three, data: [4], replacing: one)
        cache.storeSnapshot(key: "a", tip: two, data: [5], replacing: two)
        #expect(cache.snapshotTips(key: "a") == [two, three])
        #expect(cache.snapshot(key: "a", tip: one) == nil && cache.snapshot(key: "a", tip: two) == [5])
        #expect(try cache.statistics().snapshots == 3)
        // Only the latest stored stay, counted per key and tip.
        for key in 0..<ChurnCache.snapshotsKept - 1 { cache.storeSnapshot(key: "k\(key)", tip: one, data: []) }
        #expect(try cache.statistics().snapshots == ChurnCache.snapshotsKept)
        #expect(cache.snapshotTips(key: "a") == [two] && cache.snapshotTips(key: "b").isEmpty)
    }

    @Test func aVersionThreeCacheKeepsItsDiffsAndDropsItsSnapshots() throws {
        let path = try cachePath()
        do {
            let cache = try ChurnCache(path: path)
            cache.store([(one, files)], settings: renames)
        }
        // Version 3 kept one snapshot per key.
        let downgrade = try Shell.run(["sqlite3", path, """
            DROP TABLE snapshots;
            CREATE TABLE snapshots (key TEXT PRIMARY KEY NOT NULL, tip BLOB NOT NULL, data BLOB NOT NULL,
                                    stored_at REAL NOT NULL) WITHOUT ROWID;
            INSERT INTO snapshots VALUES ('a', x'\(one.hex)', x'01', 0);
            PRAGMA user_version = 3;
            """])
        try #require(downgrade.status == 0, "sqlite3 is needed: \(downgrade.standardErrorText)")
        let cache = try ChurnCache(path: path)
        #expect(cache.warnings.isEmpty)
        #expect(cache.diffs(of: [one], settings: renames) == [one: files])
        let statistics = try cache.statistics()
        #expect(statistics.snapshots == 0 && statistics.schemaVersion == ChurnCache.schemaVersion)
        cache.storeSnapshot(key: "a", tip: one, data: [2])
        cache.storeSnapshot(key: "a", tip: two, data: [3])
        #expect(cache.snapshotTips(key: "a") == [two, one])
    }

    @Test func aVersionOneCacheKeepsItsDiffsAndGainsBlobFacts() throws {
        let path = try cachePath()
        do {
            let cache = try ChurnCache(path: path)
            cache.store([(one, files)], settings: renames)
        }
        // What version 1 was: the same diffs and tips, no blob facts.
        let downgrade = try Shell.run(["sqlite3", path,
                                       "DROP TABLE blob_facts; DROP TABLE snapshots; PRAGMA user_version = 1;"])
        try #require(downgrade.status == 0, "sqlite3 is needed: \(downgrade.standardErrorText)")
        let cache = try ChurnCache(path: path)
        #expect(cache.warnings.isEmpty)
        #expect(cache.diffs(of: [one], settings: renames) == [one: files])
        cache.storeBlobFacts([(two, [7])], kind: "k")
        #expect(cache.blobFacts(of: [two], kind: "k") == [two: [7]])
        #expect(try cache.statistics().schemaVersion == ChurnCache.schemaVersion)
    }

    @Test func aRecordThatDoesNotDecodeIsAMiss() throws {
        let path = try cachePath()
        let cache = try ChurnCache(path: path)
        cache.store([(one, files), (two, files)], settings: renames)
        let damage = try Shell.run(["sqlite3", path,
                                    "UPDATE diffs SET files = x'0501' WHERE commit_id = x'\(two.hex)';"])
        try #require(damage.status == 0)
        #expect(cache.diffs(of: [one, two], settings: renames) == [one: files])
    }

    @Test func clearDeletesTheFile() throws {
        let path = try cachePath()
        do {
            let cache = try ChurnCache(path: path)
            cache.store([(one, files)], settings: renames)
        }
        #expect(try ChurnCache.clear(at: path) ?? 0 > 0)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try ChurnCache.clear(at: path) == nil)
    }

    @Test func anUncreatableFolderIsOneClearError() throws {
        let file = try Fixtures.temporaryFolder() + "/plain-file"
        try Data().write(to: URL(fileURLWithPath: file))
        #expect {
            _ = try ChurnCache(path: file + "/churn.sqlite")
        } throws: { error in
            "\(error)".hasPrefix("cannot use the cache at \(file)/churn.sqlite: cannot create its folder")
        }
    }
}
