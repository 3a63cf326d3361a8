import Analysis
import Foundation
import History

/// The contract shape of one commit (DESIGN.md, `ktlo commits`), shared by the `ndjson` and `json` formats.
struct CommitJSON: Encodable {
    let commit: ClassifiedCommit
    /// Written as `repository`, `ktlo_version` and `settings` when known (see Schemas/commit-record.schema.json).
    var provenance: RecordProvenance? = nil

    private enum Keys: String, CodingKey {
        case sha, parents, author, authorTime = "author_time", committerTime = "committer_time", summary, message
        case category, bucket, confidence, reasons, rules, added, deleted, files, merge
        case shallowBoundary = "shallow_boundary", diffed
        case bot, repository, ktloVersion = "ktlo_version", settings
    }

    private enum SettingsKeys: String, CodingKey {
        case renames, renameThreshold = "rename_threshold", renameLimit = "rename_limit", merges, paths, classifier
        case conventionalCommits = "conventional_commits"
    }

    private enum AuthorKeys: String, CodingKey {
        case name, email
    }

    private enum FileKeys: String, CodingKey {
        case path, oldPath = "old_path", status, added, deleted, binary, excluded, excludedBy = "excluded_by"
        case similarity, submodule, missingContent = "missing_content"
    }

    func encode(to encoder: Encoder) throws {
        let record = commit.record, classification = commit.classification
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(record.id.hex, forKey: .sha)
        try container.encode(record.parents.map(\.hex), forKey: .parents)
        var author = container.nestedContainer(keyedBy: AuthorKeys.self, forKey: .author)
        try author.encode(record.author.name, forKey: .name)
        try author.encode(record.author.email, forKey: .email)
        try container.encode(record.authorTime.iso8601, forKey: .authorTime)
        try container.encode(record.committerTime.iso8601, forKey: .committerTime)
        try container.encode(record.summary, forKey: .summary)
        try container.encode(record.message, forKey: .message)
        try container.encode(classification.category.rawValue, forKey: .category)
        try container.encode(classification.bucket?.rawValue, forKey: .bucket)
        try container.encode(classification.confidence, forKey: .confidence)
        try container.encode(classification.reasons.map(\.detail), forKey: .reasons)
        try container.encode(classification.reasons.map(\.rule), forKey: .rules)
        try container.encode(record.added, forKey: .added)
        try container.encode(record.deleted, forKey: .deleted)
        try container.encode(record.isMerge, forKey: .merge)
        try container.encode(record.isDiffed, forKey: .diffed)
        try container.encode(record.isShallowBoundary, forKey: .shallowBoundary)
        try container.encode(commit.isBot, forKey: .bot)
        if let provenance {
            try container.encode(provenance.repository, forKey: .repository)
            try container.encode(provenance.ktloVersion, forKey: .ktloVersion)
            let settings = provenance.settings
            var nested = container.nestedContainer(keyedBy: SettingsKeys.self, forKey: .settings)
            try nested.encode(settings.renames, forKey: .renames)
            try nested.encode(settings.renameThreshold, forKey: .renameThreshold)
            try nested.encode(settings.renameLimit, forKey: .renameLimit)
            try nested.encode(settings.merges, forKey: .merges)
            try nested.encode(settings.paths, forKey: .paths)
            try nested.encode(settings.classifier, forKey: .classifier)
            try nested.encode(settings.conventionalCommits, forKey: .conventionalCommits)
        }
        var files = container.nestedUnkeyedContainer(forKey: .files)
        for file in record.files {
            var entry = files.nestedContainer(keyedBy: FileKeys.self)
            try entry.encode(file.path, forKey: .path)
            try entry.encodeIfPresent(file.oldPath, forKey: .oldPath)
            try entry.encode(file.status.rawValue, forKey: .status)
            try entry.encode(file.added, forKey: .added)
            try entry.encode(file.deleted, forKey: .deleted)
            try entry.encode(file.isBinary, forKey: .binary)
            try entry.encode(file.isExcluded, forKey: .excluded)
            try entry.encodeIfPresent(file.exclusion?.description, forKey: .excludedBy)
            try entry.encodeIfPresent(file.delta.similarity, forKey: .similarity)
            if file.delta.isSubmodule { try entry.encode(true, forKey: .submodule) }
            if file.delta.isContentMissing { try entry.encode(true, forKey: .missingContent) }
        }
    }

    /// One line of JSON, keys in a stable order.
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these values cannot fail: every field is a string, number, boolean or array of them.
        guard let data = try? encoder.encode(value) else { return "null" }
        return JSON.escapingInvisibles(String(decoding: data, as: UTF8.self))
    }
}
