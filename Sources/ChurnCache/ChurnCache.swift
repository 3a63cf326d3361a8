import Foundation
import GRDB
import Git

/// A persistent store of what each commit changed, so that a run after a merge diffs only the new commits.
///
/// One SQLite file (by default inside the repository's git directory) holds, per commit and per diff setting, the
/// files it changed with their line counts: exactly what the diff returned, before any path filter, so includes and
/// excludes need not key it. It also remembers the last analysed tip of each revision, for `ktlo ci`.
///
/// Safety is SQLite's: every write is one transaction (a run killed at any moment leaves the last committed state),
/// the journal is a write-ahead log with a busy timeout (two runs at once take turns), and a file that is not a
/// usable cache — damaged, truncated, or written by an older ktlo — is rebuilt, with a warning, rather than trusted.
/// The cache never decides a number: a record that does not decode is a miss, and the commit is diffed again.
///
/// Like the repository it serves, a cache belongs to one thread.
public final class ChurnCache {
    /// The file the cache lives in.
    public let path: String
    /// What the user should know: the cache was rebuilt, or could not be written.
    public private(set) var warnings: [String] = []

    /// Bumped whenever the tables or the record layout change. A file of an older version whose diffs are still
    /// good (1 to 3) gains the tables it lacks (version 3's snapshots, keyed by settings alone, are dropped); any
    /// other version is rebuilt.
    static let schemaVersion = 4
    /// Bumped whenever ktlo's diff would count a commit differently; part of every record's key.
    static let countingVersion = 1

    private var queue: DatabaseQueue?
    private var writable = true

    /// Opens the cache at `path`, creating it (and its folder) when absent, rebuilding it when unusable.
    public init(path: String) throws(ChurnCacheError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .unusable(path, "cannot create its folder: \(error.localizedDescription)")
            }
        }
        do {
            queue = try Self.openAndMigrate(path, warn: { warnings.append($0) })
        } catch let error as DatabaseError where Self.isDamage(error) {
            try rebuild(because: "it was damaged (\(error.message ?? "\(error.resultCode)"))")
        } catch let error as ChurnCacheError {
            throw error
        } catch {
            throw .unusable(path, "\(error)")
        }
    }

    /// The key under which diffs made with `options` are stored: every setting that changes a diff's numbers.
    public static func settingsKey(for options: DiffOptions) -> String {
        let renames = options.detectRenames ? "M\(options.renameThreshold)/l\(options.renameLimit)" : "no-renames"
        return "v\(countingVersion) \(renames)"
    }

    /// The stored diffs of those of `commits` the cache holds for `settings`, each as the files it changed.
    ///
    /// One query per hundred commits (`IN (…)`), each record decoded straight from SQLite's buffer: a warm run reads
    /// every commit's diff, and one query per commit cost a tenth of such a run.
    public func diffs(of commits: some Sequence<ObjectID>, settings: String) -> [ObjectID: [FileDelta]] {
        let commits = Array(commits)
        return reading(or: [:]) { database in
            var found: [ObjectID: [FileDelta]] = [:]
            found.reserveCapacity(commits.count)
            var start = 0
            while start < commits.count {
                let batch = commits[start..<min(start + Self.lookupBatch, commits.count)]
                start += batch.count
                // Always as many parameters (the last id repeated): one statement, prepared once.
                var ids = batch.map { Data($0.bytes) }
                ids += Array(repeating: ids[ids.count - 1], count: Self.lookupBatch - ids.count)
                let statement = try database.cachedStatement(sql: Self.lookupSQL)
                statement.setUncheckedArguments(StatementArguments([settings] + ids))
                let rows = try Row.fetchCursor(statement)
                while let row = try rows.next() {
                    guard let id = try row.withUnsafeData(atIndex: 0, { $0.flatMap { ObjectID(bytes: $0) } }),
                          let files = try row.withUnsafeData(atIndex: 1, { data in
                              data?.withUnsafeBytes { TreeDiffCoding.decode($0) }
                          }) else { continue }
                    found[id] = files
                }
            }
            return found
        }
    }

    /// Commits looked up per query: well under SQLite's limit on parameters.
    private static let lookupBatch = 100
    private static let lookupSQL = "SELECT commit_id, files FROM diffs WHERE settings = ? AND commit_id IN ("
        + Array(repeating: "?", count: lookupBatch).joined(separator: ",") + ")"

    /// Stores the diffs of `commits` for `settings`, all in one transaction.
    public func store(_ commits: [(commit: ObjectID, files: [FileDelta])], settings: String) {
        guard !commits.isEmpty else { return }
        writing { database in
            let statement = try database.cachedStatement(
                sql: "INSERT OR REPLACE INTO diffs (commit_id, settings, files) VALUES (?, ?, ?)")
            for (commit, files) in commits {
                try statement.execute(arguments: [Data(commit.bytes), settings, Data(TreeDiffCoding.encode(files))])
            }
        }
    }

    /// What the cache knows about each of `blobs` under `kind`: bytes a caller stored for a file content, such as
    /// its measured complexity. A blob's content never changes, so a fact holds for as long as `kind` names the way
    /// it was made (a caller puts its version in `kind`, and the language it read the content as).
    public func blobFacts(of blobs: some Sequence<ObjectID>, kind: String) -> [ObjectID: [UInt8]] {
        return reading(or: [:]) { database in
            let statement = try database.cachedStatement(
                sql: "SELECT facts FROM blob_facts WHERE blob_id = ? AND kind = ?")
            var found: [ObjectID: [UInt8]] = [:]
            for blob in blobs {
                statement.setUncheckedArguments([Data(blob.bytes), kind])
                if let data = try Data.fetchOne(statement) { found[blob] = [UInt8](data) }
            }
            return found
        }
    }

    /// Stores facts about blobs under `kind` (see ``blobFacts(of:kind:)``), all in one transaction.
    public func storeBlobFacts(_ facts: [(blob: ObjectID, facts: [UInt8])], kind: String) {
        guard !facts.isEmpty else { return }
        writing { database in
            let statement = try database.cachedStatement(
                sql: "INSERT OR REPLACE INTO blob_facts (blob_id, kind, facts) VALUES (?, ?, ?)")
            for (blob, bytes) in facts {
                try statement.execute(arguments: [Data(blob.bytes), kind, Data(bytes)])
            }
        }
    }

    /// The tips of the snapshots stored under `key`, the latest stored first.
    ///
    /// A snapshot is what a caller computed over a whole range ending at `tip` (for `ktlo report`, the compact
    /// effort of every commit), so that the next run reads only the commits after it. `key` must name everything
    /// the bytes depend on besides the range. One key may hold several tips: branches, worktrees or repositories
    /// that share a cache each keep theirs, and a run picks the one its own tip descends from.
    public func snapshotTips(key: String) -> [ObjectID] {
        return reading(or: []) { database in
            try Data.fetchAll(database, sql: "SELECT tip FROM snapshots WHERE key = ? ORDER BY stored_at DESC",
                              arguments: [key]).compactMap { ObjectID(bytes: $0) }
        }
    }

    /// The bytes of the snapshot stored under `key` for `tip`, if there is one.
    public func snapshot(key: String, tip: ObjectID) -> [UInt8]? {
        return reading(or: nil) { database in
            try Data.fetchOne(database, sql: "SELECT data FROM snapshots WHERE key = ? AND tip = ?",
                              arguments: [key, Data(tip.bytes)]).map { [UInt8]($0) }
        }
    }

    /// How many snapshots (the latest stored) a cache keeps.
    static let snapshotsKept = 8

    /// Stores the snapshot of `tip` under `key`, in one transaction, removing the one of `replaced` (the snapshot it
    /// extends, now out of date); only the latest ``snapshotsKept`` stay.
    public func storeSnapshot(key: String, tip: ObjectID, data: [UInt8], replacing replaced: ObjectID? = nil) {
        writing { database in
            if let replaced, replaced != tip {
                try database.execute(sql: "DELETE FROM snapshots WHERE key = ? AND tip = ?",
                                     arguments: [key, Data(replaced.bytes)])
            }
            try database.execute(
                sql: "INSERT OR REPLACE INTO snapshots (key, tip, data, stored_at) VALUES (?, ?, ?, ?)",
                arguments: [key, Data(tip.bytes), Data(data), Date().timeIntervalSince1970])
            // Settings that change from run to run (a relative --since), and branches analysed once, would otherwise
            // pile snapshots up.
            try database.execute(sql: """
                DELETE FROM snapshots WHERE (key, tip) NOT IN
                    (SELECT key, tip FROM snapshots ORDER BY stored_at DESC LIMIT \(Self.snapshotsKept))
                """)
        }
    }

    /// Runs `body` in a read. The cache never fails a run: a damaged file is rebuilt, and any failure is a miss.
    private func reading<T>(or miss: T, _ body: (Database) throws -> T) -> T {
        guard let queue else { return miss }
        do {
            return try queue.read(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            try? rebuild(because: "it was damaged (\(error.message ?? "\(error.resultCode)"))")
        } catch {
            disable(because: "it could not be read (\(error))")
        }
        return miss
    }

    /// Runs `body` in one write transaction, unless writes are off. A damaged file is rebuilt; any other failure
    /// turns writes off for the rest of the run, with a warning.
    private func writing(_ body: (Database) throws -> Void) {
        guard let queue, writable else { return }
        do {
            try queue.write(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            try? rebuild(because: "it was damaged (\(error.message ?? "\(error.resultCode)"))")
        } catch {
            disable(because: "it could not be written (\(error))")
        }
    }

    /// Remembers `commit` as the last analysed tip of `revision` (for example `HEAD` or `main`).
    public func recordTip(_ commit: ObjectID, of revision: String) {
        guard let queue, writable else { return }
        do {
            try queue.write { database in
                try database.execute(
                    sql: "INSERT OR REPLACE INTO tips (revision, commit_id, recorded_at) VALUES (?, ?, ?)",
                    arguments: [revision, Data(commit.bytes), Date().timeIntervalSince1970])
            }
        } catch {
            disable(because: "it could not be written (\(error))")
        }
    }

    /// The last analysed tip of `revision`, if one was recorded.
    public func recordedTip(of revision: String) -> ObjectID? {
        guard let queue else { return nil }
        let data = try? queue.read { database in
            try Data.fetchOne(database, sql: "SELECT commit_id FROM tips WHERE revision = ?", arguments: [revision])
        }
        return data.flatMap { ObjectID(bytes: $0) }
    }

    /// What the cache holds.
    public func statistics() throws(ChurnCacheError) -> ChurnCacheStatistics {
        guard let queue else { throw .unusable(path, "it is closed") }
        do {
            return try queue.read { database in
                let settings = try Row.fetchAll(
                    database, sql: "SELECT settings, count(*) FROM diffs GROUP BY settings ORDER BY settings"
                ).map { row in ChurnCacheStatistics.Entries(settings: row[0], commits: row[1]) }
                let tips = try Row.fetchAll(
                    database, sql: "SELECT revision, commit_id, recorded_at FROM tips ORDER BY revision"
                ).compactMap { row -> ChurnCacheStatistics.Tip? in
                    guard let id = ObjectID(bytes: row[1] as Data) else { return nil }
                    return ChurnCacheStatistics.Tip(revision: row[0], commit: id,
                                                    recordedAt: Date(timeIntervalSince1970: row[2]))
                }
                let blobFacts = try Int.fetchOne(database, sql: "SELECT count(*) FROM blob_facts") ?? 0
                let snapshots = try Int.fetchOne(database, sql: "SELECT count(*) FROM snapshots") ?? 0
                return ChurnCacheStatistics(path: path, bytes: Self.fileSize(path), schemaVersion: Self.schemaVersion,
                                            entries: settings, tips: tips, blobFacts: blobFacts,
                                            snapshots: snapshots)
            }
        } catch {
            throw .unusable(path, "\(error)")
        }
    }

    /// Deletes the cache at `path` (and its write-ahead log); returns the bytes freed, `nil` when there was none.
    public static func clear(at path: String) throws(ChurnCacheError) -> Int? {
        let files = [path, path + "-wal", path + "-shm", path + "-journal"]
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = fileSize(path)
        for file in files where FileManager.default.fileExists(atPath: file) {
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw .unusable(path, "cannot delete \(file): \(error.localizedDescription)")
            }
        }
        return bytes
    }

    // MARK: - Opening and repairing

    private static func openAndMigrate(_ path: String, warn: (String) -> Void) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.journalMode = .wal
        configuration.label = "ktlo churn cache"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { database in
            try database.inTransaction(.immediate) {
                let version = try Int.fetchOne(database, sql: "PRAGMA user_version") ?? 0
                if version == schemaVersion { return .commit }
                if (1...3).contains(version) {
                    // Versions 2 to 4 only added or re-keyed tables: the diffs of version 1 stay good. Version 3's
                    // snapshots had one tip per key; they are only a shortcut, so they go.
                    try database.execute(sql: "DROP TABLE IF EXISTS snapshots;" + blobFactsTable + snapshotsTable
                                             + "PRAGMA user_version = \(schemaVersion);")
                    return .commit
                }
                let tables = try String.fetchAll(database, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                // A new file has no tables; one with tables but another version is not ours to trust.
                if !tables.isEmpty {
                    warn("the cache at \(path) was written by another version of ktlo (schema \(version)); it was "
                             + "rebuilt")
                }
                for table in tables {
                    try database.execute(sql: "DROP TABLE \(table.quotedDatabaseIdentifier)")
                }
                try database.execute(sql: """
                    CREATE TABLE diffs (
                        commit_id BLOB NOT NULL,
                        settings TEXT NOT NULL,
                        files BLOB NOT NULL,
                        PRIMARY KEY (commit_id, settings)
                    ) WITHOUT ROWID;
                    CREATE TABLE tips (
                        revision TEXT PRIMARY KEY NOT NULL,
                        commit_id BLOB NOT NULL,
                        recorded_at REAL NOT NULL
                    );
                    """ + blobFactsTable + snapshotsTable + "PRAGMA user_version = \(schemaVersion);")
                return .commit
            }
        }
        return queue
    }

    private static let snapshotsTable = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key TEXT NOT NULL,
            tip BLOB NOT NULL,
            data BLOB NOT NULL,
            stored_at REAL NOT NULL,
            PRIMARY KEY (key, tip)
        ) WITHOUT ROWID;
        """

    private static let blobFactsTable = """
        CREATE TABLE IF NOT EXISTS blob_facts (
            blob_id BLOB NOT NULL,
            kind TEXT NOT NULL,
            facts BLOB NOT NULL,
            PRIMARY KEY (blob_id, kind)
        ) WITHOUT ROWID;
        """

    /// Replaces an unusable file by an empty cache.
    private func rebuild(because reason: String) throws(ChurnCacheError) {
        queue = nil
        warnings.append("the cache at \(path) could not be used because \(reason); it was rebuilt")
        _ = try Self.clear(at: path)
        do {
            queue = try Self.openAndMigrate(path, warn: { warnings.append($0) })
        } catch {
            throw .unusable(path, "\(error)")
        }
    }

    private func disable(because reason: String) {
        guard writable else { return }
        writable = false
        warnings.append("the cache at \(path) is not used for the rest of this run: \(reason)")
    }

    private static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    private static func fileSize(_ path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
            return total + (size ?? 0)
        }
    }
}
