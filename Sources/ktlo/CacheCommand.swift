import ArgumentParser
import ChurnCache
import Foundation
import History
import Reports

/// `ktlo cache`: what the churn cache of a repository holds, and how to remove it.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the cache of per-commit churn.",
        discussion: """
            Every run keeps each commit's diff (per rename setting) in ktlo/churn.sqlite inside the repository's \
            git directory, or in the file --cache names, so that the next run diffs only new commits. The cache \
            never changes a number: it is keyed by commit and diff settings, and rebuilt when damaged.
            """,
        subcommands: [Statistics.self, Clear.self]
    )

    /// The options both subcommands take: which cache.
    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp("The repository whose cache it is (default: the one containing the current folder).",
                                   valueName: "path"))
        var repo: String?

        @Option(help: ArgumentHelp("The cache file, when not the repository's own.", valueName: "path"))
        var cache: String?

        /// The cache file these options name.
        func path() throws(CommandFailure) -> String {
            if let cache { return cache }
            do {
                return HistoryReader.defaultCachePath(for: try HistoryReader.openRepository(repo))
            } catch {
                throw .unusable(error.description)
            }
        }
    }

    /// `ktlo cache stats`.
    struct Statistics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Where the cache is, its size, and the commits it holds per setting.")

        @OptionGroup var location: Location

        @Option(help: ArgumentHelp("table or json.", valueName: "format"))
        var format: OutputFormat = .table

        func validate() throws {
            guard format == .table || format == .json else {
                throw ValidationError("ktlo cache stats writes table, json, not \(format.rawValue)")
            }
        }

        func run() throws {
            let path = try location.path()
            guard FileManager.default.fileExists(atPath: path) else {
                let writer = try OutputWriter(path: nil)
                try writer.write(format == .json
                                 ? Self.json(["schema_version": 1, "path": path, "exists": false]) + "\n"
                                 : "No cache yet at \(TerminalText.sanitized(path)).\n")
                try writer.finish()
                return
            }
            let statistics: ChurnCacheStatistics
            do {
                let cache = try ChurnCache(path: path)
                for warning in cache.warnings { Terminal.printWarning(warning) }
                statistics = try cache.statistics()
            } catch {
                throw CommandFailure.unusable(error.description)
            }
            let writer = try OutputWriter(path: nil)
            try writer.write(format == .json ? Self.json(Self.document(statistics)) + "\n" : Self.table(statistics))
            try writer.finish()
        }

        static func document(_ statistics: ChurnCacheStatistics) -> [String: Any] {
            [
                "schema_version": 1,
                "path": statistics.path,
                "exists": true,
                "bytes": statistics.bytes,
                "cache_schema": statistics.schemaVersion,
                "commits": statistics.commits,
                "entries": statistics.entries.map { ["settings": $0.settings, "commits": $0.commits] },
                "file_measures": statistics.blobFacts,
                "report_snapshots": statistics.snapshots,
                "tips": statistics.tips.map { tip in
                    ["revision": tip.revision, "commit": tip.commit.hex,
                     "recorded_at": ISO8601DateFormatter().string(from: tip.recordedAt)]
                },
            ]
        }

        static func table(_ statistics: ChurnCacheStatistics) -> String {
            var text = "Cache \(TerminalText.sanitized(statistics.path))\n"
            text += "  size      \(megabytes(statistics.bytes))\n"
            text += "  commits   \(ProgressDisplay.grouped(statistics.commits))\n"
            for entry in statistics.entries {
                text += "    \(ProgressDisplay.grouped(entry.commits)) diffed with \(entry.settings)\n"
            }
            text += "  file measures \(ProgressDisplay.grouped(statistics.blobFacts))\n"
            text += "  report snapshots \(ProgressDisplay.grouped(statistics.snapshots))\n"
            for tip in statistics.tips {
                text += "  last analysed \(TerminalText.sanitized(tip.revision)): \(tip.commit.abbreviated()) "
                    + "(\(ISO8601DateFormatter().string(from: tip.recordedAt)))\n"
            }
            return text
        }

        private static func megabytes(_ bytes: Int) -> String {
            String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }

        static func json(_ object: [String: Any]) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]))
                ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `ktlo cache clear`.
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Delete the cache.")

        @OptionGroup var location: Location

        func run() throws {
            let path = try location.path()
            let freed: Int?
            do {
                freed = try ChurnCache.clear(at: path)
            } catch {
                throw CommandFailure.unusable(error.description)
            }
            let writer = try OutputWriter(path: nil)
            if let freed {
                try writer.write("Deleted the cache at \(TerminalText.sanitized(path)) "
                                     + "(\(String(format: "%.1f MB", Double(freed) / 1_000_000))).\n")
            } else {
                try writer.write("No cache at \(TerminalText.sanitized(path)).\n")
            }
            try writer.finish()
        }
    }
}
