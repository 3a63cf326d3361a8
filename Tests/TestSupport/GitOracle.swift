import Foundation

/// What `git log --numstat` and `--name-status` say about each non-merge commit: the oracle for churn.
public struct GitOracle {
    public struct FileStat: Hashable, Sendable, CustomStringConvertible {
        public let status: String
        public let path: String
        public let added: Int
        public let deleted: Int
        public let binary: Bool

        public init(status: String, path: String, added: Int, deleted: Int, binary: Bool) {
            self.status = status
            self.path = path
            self.added = added
            self.deleted = deleted
            self.binary = binary
        }

        public var description: String { "\(status) \(path) +\(added)/-\(deleted)\(binary ? " binary" : "")" }
    }

    /// Per commit (full object name), its changed files.
    public let commits: [String: Set<FileStat>]

    /// Reads the oracle for `revision` in `repository`, with or without rename detection.
    public init(repository: String, renames: Bool, revision: String = "HEAD") throws {
        let renameFlag = renames ? "-M" : "--no-renames"
        let numstat = try Self.records(repository, ["--numstat", renameFlag, revision])
        let statuses = try Self.records(repository, ["--name-status", renameFlag, revision])
        var commits: [String: Set<FileStat>] = [:]
        for (sha, fields) in numstat {
            var counts: [String: (Int, Int, Bool)] = [:]
            var index = 0
            while index < fields.count {
                // Two tabs at most: a path may hold a tab itself.
                let parts = fields[index].split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                let path: String
                if parts.count == 3 && parts[2].isEmpty {
                    path = fields[index + 2]
                    index += 3
                } else {
                    path = String(parts[2])
                    index += 1
                }
                let binary = parts[0] == "-"
                counts[path] = (Int(parts[0]) ?? 0, Int(parts[1]) ?? 0, binary)
            }
            var files: Set<FileStat> = []
            let entries = statuses[sha] ?? []
            index = 0
            while index < entries.count {
                let status = String(entries[index].prefix(1))
                let path = status == "R" || status == "C" ? entries[index + 2] : entries[index + 1]
                index += status == "R" || status == "C" ? 3 : 2
                let (added, deleted, binary) = counts[path] ?? (0, 0, false)
                files.insert(FileStat(status: status, path: path, added: added, deleted: deleted, binary: binary))
            }
            commits[sha] = files
        }
        self.commits = commits
    }

    private static func records(_ repository: String, _ arguments: [String]) throws -> [String: [String]] {
        let result = try Shell.git(["log", "-z", "--no-merges", "--format=tformat:@%H"] + arguments, in: repository)
        guard result.status == 0 else { throw FixtureError(message: "git log failed: \(result.standardErrorText)") }
        var records: [String: [String]] = [:]
        var sha: String?
        for token in result.standardOutputText.split(separator: "\0", omittingEmptySubsequences: false) {
            let field = token.drop { $0 == "\n" }
            if field.hasPrefix("@") && field.count == 41 {
                sha = String(field.dropFirst())
                records[sha!] = []
            } else if let sha, !field.isEmpty {
                records[sha, default: []].append(String(field))
            }
        }
        return records
    }
}
