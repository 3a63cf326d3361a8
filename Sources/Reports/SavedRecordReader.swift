import Analysis
import Foundation
import Git
import History

/// A saved record that cannot be used, or records that cannot be combined: one line for the user.
public struct SavedRecordError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads back the NDJSON commit records that `ktlo commits --format ndjson` wrote (Schemas/commit-record.schema.json)
/// as the commits of an effort report, checking that they add up.
///
/// - Every record must say which ktlo wrote it and with which settings; records of different ktlo versions, or with
///   different diff settings (rename detection, merges), are refused: their numbers do not mean the same.
/// - Within one repository all records must also share their path and classification settings; across
///   repositories these may differ, since each repository keeps its own `.ktlo.yml`.
/// - A commit saved twice (the same repository and sha, from overlapping runs) counts once.
public struct SavedRecordReader {
    /// The commits read so far, in the order read.
    public private(set) var commits: [EffortCommit] = []
    /// Repositories in the order they first appeared.
    public private(set) var repositories: [String] = []
    /// Records left out because the same commit of the same repository was read before.
    public private(set) var duplicates = 0
    /// Records of shallow-clone boundaries, whose churn is unknown.
    public private(set) var shallowBoundaries = 0

    private let keepFiles: Bool
    private var seen: [String: Set<String>] = [:]
    private var first: (version: String, settings: SavedSettings, place: String)?
    private var perRepository: [String: (settings: SavedSettings, place: String)] = [:]

    /// - Parameter keepFiles: keep each commit's files (needed for a component breakdown only).
    public init(keepFiles: Bool) {
        self.keepFiles = keepFiles
    }

    /// Reads every line of one file's contents; `file` names it in messages.
    public mutating func read(_ data: Data, file: String) throws(SavedRecordError) {
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            lineNumber += 1
            let line = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let place = "\(file):\(lineNumber)"
            let saved: SavedLine
            do {
                saved = try decoder.decode(SavedLine.self, from: line)
            } catch {
                throw SavedRecordError(message: "\(place): not a commit record as `ktlo commits --format ndjson` "
                                           + "writes it (\(Self.reason(error)))")
            }
            try add(saved, place: place)
        }
    }

    private mutating func add(_ saved: SavedLine, place: String) throws(SavedRecordError) {
        guard let version = saved.ktloVersion, let repository = saved.repository, let settings = saved.settings,
              let isBot = saved.bot else {
            throw SavedRecordError(message: "\(place): the record does not say which repository, ktlo version and "
                                       + "settings it comes from (written by an older ktlo?): write it again with "
                                       + "`ktlo commits --format ndjson`")
        }
        guard let category = Category(rawValue: saved.category) else {
            throw SavedRecordError(message: "\(place): unknown category '\(saved.category)'")
        }
        guard let day = Self.localDate(saved.authorTime) else {
            throw SavedRecordError(message: "\(place): author_time '\(saved.authorTime)' is not an ISO 8601 time")
        }
        if let first {
            guard version == first.version else {
                throw SavedRecordError(message: "\(place): written by ktlo \(version), but \(first.place) by ktlo "
                                           + "\(first.version); records of different versions are not combined: "
                                           + "write them again with one version")
            }
            if let difference = settings.diffDifference(from: first.settings) {
                throw SavedRecordError(message: "\(place): written with \(difference.0), but \(first.place) with "
                                           + "\(difference.1); records whose churn is counted differently are not "
                                           + "combined: write them again with the same options")
            }
        } else {
            first = (version, settings, place)
        }
        if let known = perRepository[repository] {
            if let difference = settings.repositoryDifference(from: known.settings) {
                throw SavedRecordError(message: "\(place): records of repository '\(repository)' differ in their "
                                           + "\(difference) from \(known.place); records of one repository must "
                                           + "share their settings: write them again with the same .ktlo.yml and "
                                           + "options")
            }
        } else {
            perRepository[repository] = (settings, place)
            repositories.append(repository)
        }
        guard seen[repository, default: []].insert(saved.sha).inserted else {
            duplicates += 1
            return
        }
        if saved.shallowBoundary == true { shallowBoundaries += 1 }
        commits.append(EffortCommit(
            author: Identity(name: saved.author.name, email: saved.author.email), day: day, category: category,
            isMerge: saved.merge, isBot: isBot,
            isLowConfidence: saved.confidence < Classification.lowConfidenceThreshold,
            churn: saved.added + saved.deleted,
            files: keepFiles ? saved.files.map { EffortCommit.File(path: $0.path, counts: !$0.excluded && !$0.binary,
                                                                  lines: $0.added + $0.deleted) } : [],
            repository: repository))
    }

    /// The calendar date of an ISO 8601 time as written, that is in the author's own offset: its first ten
    /// characters.
    static func localDate(_ text: String) -> CivilDate? {
        let digits = Array(text.utf8.prefix(10))
        guard digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in digits[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "no '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted: "not JSON"
        default: "not JSON"
        }
    }
}

/// The parts of a saved record a report reads.
private struct SavedLine: Decodable {
    struct Author: Decodable {
        let name: String
        let email: String
    }

    struct File: Decodable {
        let path: String
        let added: Int
        let deleted: Int
        let binary: Bool
        let excluded: Bool
    }

    let sha: String
    let author: Author
    let authorTime: String
    let category: String
    let confidence: Double
    let added: Int
    let deleted: Int
    let merge: Bool
    let shallowBoundary: Bool?
    let files: [File]
    let bot: Bool?
    let repository: String?
    let ktloVersion: String?
    let settings: SavedSettings?

    enum CodingKeys: String, CodingKey {
        case sha, author, authorTime = "author_time", category, confidence, added, deleted, merge
        case shallowBoundary = "shallow_boundary", files, bot, repository, ktloVersion = "ktlo_version", settings
    }
}

/// A record's `settings`.
private struct SavedSettings: Decodable, Equatable {
    let renames: Bool
    let renameThreshold: Int
    let renameLimit: Int
    let merges: String
    let paths: String
    let classifier: String
    let conventionalCommits: Bool

    enum CodingKeys: String, CodingKey {
        case renames, renameThreshold = "rename_threshold", renameLimit = "rename_limit", merges, paths, classifier
        case conventionalCommits = "conventional_commits"
    }

    /// How the diff settings differ, in the words of the options: (these, those); `nil` when they agree.
    func diffDifference(from other: SavedSettings) -> (String, String)? {
        func describe(_ settings: SavedSettings) -> String {
            (settings.renames ? "rename detection at \(settings.renameThreshold) % (limit \(settings.renameLimit))"
                : "--no-renames") + ", --merges \(settings.merges)"
        }
        let these = describe(self), those = describe(other)
        return these == those ? nil : (these, those)
    }

    /// Which repository-level setting differs; `nil` when they agree.
    func repositoryDifference(from other: SavedSettings) -> String? {
        if paths != other.paths { return "path settings (include, exclude, default excludes, linguist)" }
        if classifier != other.classifier { return "classification settings" }
        if conventionalCommits != other.conventionalCommits {
            return "trust in Conventional Commits (set classification.conventional_commits to always or never)"
        }
        return nil
    }
}
