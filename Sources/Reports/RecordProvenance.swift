import Analysis
import Git
import History

/// Where a saved commit record came from and the settings that shaped its numbers.
///
/// Every NDJSON (and JSON) commit record carries it, so that records written by many runs — one per repository in a
/// CI matrix, or one per slice of a long history — can be added up into one report, and records that would not add
/// up (another ktlo version, other diff settings) are refused rather than mixed.
public struct RecordProvenance: Sendable, Hashable {
    /// The repository's name: its folder, without `.git` (see ``repositoryName(path:)``).
    public let repository: String
    /// The ktlo that wrote the record.
    public let ktloVersion: String
    public let settings: RecordSettings

    public init(repository: String, ktloVersion: String, settings: RecordSettings) {
        self.repository = repository
        self.ktloVersion = ktloVersion
        self.settings = settings
    }

    /// The name a repository folder is known by: its last path component, without a `.git` suffix
    /// (`/src/api` and `/srv/git/api.git` are both `api`; a git directory `…/api/.git` is `api`).
    public static func repositoryName(path: String) -> String {
        var components = path.split(separator: "/").map(String.init)
        if components.last == ".git" { components.removeLast() }
        guard var name = components.last else { return path }
        if name.hasSuffix(".git") && name.count > 4 { name.removeLast(4) }
        return name
    }
}

/// The settings that change a record's numbers. Within one repository all records must agree on all of them;
/// across repositories the diff settings must agree (they define what churn is), while path and classification
/// settings may differ (each repository keeps its own `.ktlo.yml`).
public struct RecordSettings: Sendable, Hashable {
    /// Rename detection on (`--no-renames` off).
    public let renames: Bool
    public let renameThreshold: Int
    public let renameLimit: Int
    /// `none` or `diff`: whether merges carry their diff against the first parent.
    public let merges: String
    /// A fingerprint of what counts: include and exclude globs, default excludes, linguist attributes.
    public let paths: String
    /// A fingerprint of the classification settings (Conventional-Commit mode, learned model, extra words, path
    /// classes, bots).
    public let classifier: String
    /// Whether Conventional-Commit types were trusted (configured, or measured on the repository).
    public let conventionalCommits: Bool

    public init(renames: Bool, renameThreshold: Int, renameLimit: Int, merges: String, paths: String,
                classifier: String, conventionalCommits: Bool) {
        self.renames = renames
        self.renameThreshold = renameThreshold
        self.renameLimit = renameLimit
        self.merges = merges
        self.paths = paths
        self.classifier = classifier
        self.conventionalCommits = conventionalCommits
    }

    /// The settings of a reader and a classifier.
    public init(history: HistoryOptions, classifier: CommitClassifier) {
        let paths = history.paths
        let pathText = ["include", paths.include.map(\.text).joined(separator: "\u{1F}"),
                        "exclude", paths.exclude.map(\.text).joined(separator: "\u{1F}"),
                        "default", String(paths.useDefaultExcludes), "linguist", String(history.useLinguistAttributes)]
        let configuration = classifier.configuration
        var classifierText = ["conventional", configuration.conventionalCommits.rawValue]
        for category in Category.allCases {
            classifierText += ["words." + category.rawValue] + (configuration.words[category] ?? []).sorted()
        }
        for pathClass in PathClass.allCases {
            classifierText += ["paths." + pathClass.rawValue] + (configuration.paths[pathClass] ?? [])
        }
        classifierText += ["bots"] + configuration.bots.map { $0.lowercased() }.sorted()
        // Only when turned off, so that the default's fingerprint stays what it was before the setting existed.
        if !configuration.learnedModel { classifierText += ["learned_model", "false"] }
        self.init(renames: history.diff.detectRenames, renameThreshold: history.diff.renameThreshold,
                  renameLimit: history.diff.renameLimit, merges: history.diffMerges ? "diff" : "none",
                  paths: Self.fingerprint(pathText), classifier: Self.fingerprint(classifierText),
                  conventionalCommits: classifier.adoption.isAdopted)
    }

    /// 64-bit FNV-1a of the parts, as 16 hex digits: equal settings, equal fingerprints (it names, it does not
    /// protect).
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1E}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
