/// What a team can tell the classifier about its repository (the `classification:` and `buckets:` sections of
/// `.ktlo.yml`).
public struct ClassifierConfiguration: Sendable {
    /// Whether to trust Conventional-Commit types.
    public enum ConventionalCommitsMode: String, Sendable, CaseIterable {
        /// Trust them when most subjects of the analysed window use them.
        case auto
        /// Always trust them.
        case always
        /// Never: prefixes are areas.
        case never
    }

    public var conventionalCommits: ConventionalCommitsMode
    /// Whether the learned model weighs the rules' evidence at the last stage (true), or the rules' scores decide
    /// alone (false).
    public var learnedModel: Bool
    /// Extra words or phrases per category, weighed like the built-in ones.
    public var words: [Category: [String]]
    /// Extra globs per path class; they win over the built-in conventions.
    public var paths: [PathClass: [String]]
    /// Extra bot identities: a name, an e-mail, or a part of either (case-insensitive).
    public var bots: [String]
    public var buckets: BucketMapping

    public init(conventionalCommits: ConventionalCommitsMode = .auto, learnedModel: Bool = true,
                words: [Category: [String]] = [:], paths: [PathClass: [String]] = [:], bots: [String] = [],
                buckets: BucketMapping = .standard) {
        self.conventionalCommits = conventionalCommits
        self.learnedModel = learnedModel
        self.words = words
        self.paths = paths
        self.bots = bots
        self.buckets = buckets
    }
}
