import Analysis
import History

/// Everything `.ktlo.yml` can say. Every key is optional; what is left out keeps its default.
public struct KtloConfiguration: Sendable {
    /// Globs whose paths alone count (`paths.include`).
    public var include: [String] = []
    /// Globs whose paths count no churn (`paths.exclude`).
    public var exclude: [String] = []
    /// Whether ktlo's default excludes apply (`paths.default_excludes`).
    public var useDefaultExcludes = true
    /// Whether `linguist-generated` / `linguist-vendored` attributes apply (`paths.linguist`).
    public var useLinguistAttributes = true
    /// `classification:` and `buckets:`.
    public var classifier = ClassifierConfiguration()
    /// `budget:`: target shares, by bucket or category.
    public var budget: Budget?
    /// `components:`: named components and their globs, in order (the first match wins).
    public var components: [(name: String, globs: [String])] = []
    /// `teams:`: team names and their members (e-mails, names, or `*` patterns).
    public var teams: [(name: String, members: [String])] = []
    /// `ci:`: the thresholds `ktlo ci` gates on.
    public var ci = CIRules()
    /// Where the configuration came from, for messages; `nil` when none was found.
    public var source: String?

    public init() {}

    /// The path filter these settings and the command line's globs describe.
    public func pathFilter(include extraInclude: [String], exclude extraExclude: [String],
                           noDefaultExcludes: Bool) -> PathFilter {
        PathFilter(include: include + extraInclude, exclude: exclude + extraExclude,
                   useDefaultExcludes: useDefaultExcludes && !noDefaultExcludes)
    }
}
