/// Why a file's churn counts toward no metric.
public enum Exclusion: Sendable, Hashable, CustomStringConvertible {
    /// `--include` patterns were given and none matches.
    case notIncluded
    /// A user `--exclude` pattern (or configuration) matches.
    case pattern(String)
    /// One of ktlo's default excludes matches.
    case byDefault(DefaultExcludes.Kind, pattern: String)
    /// `.gitattributes` marks the path `linguist-generated`.
    case linguistGenerated
    /// `.gitattributes` marks the path `linguist-vendored`.
    case linguistVendored

    public var description: String {
        switch self {
        case .notIncluded: "not matched by --include"
        case .pattern(let pattern): "--exclude \(pattern)"
        case .byDefault(let kind, let pattern): "default \(kind.rawValue) exclude \(pattern)"
        case .linguistGenerated: "linguist-generated"
        case .linguistVendored: "linguist-vendored"
        }
    }
}

/// Decides which paths count toward the metrics: `--include`/`--exclude` globs and the default excludes.
/// (`.gitattributes` is read from the repository by ``HistoryReader``, which consults this first.)
public struct PathFilter: Sendable {
    public let include: [GlobPattern]
    public let exclude: [GlobPattern]
    public let useDefaultExcludes: Bool

    public init(include: [String] = [], exclude: [String] = [], useDefaultExcludes: Bool = true) {
        self.include = include.map(GlobPattern.init)
        self.exclude = exclude.map(GlobPattern.init)
        self.useDefaultExcludes = useDefaultExcludes
    }

    /// With `--include`, only commits that touch an included path are analysed, as `git log -- PATH` would list.
    public var narrowsCommits: Bool { !include.isEmpty }

    /// Why `path` does not count, or `nil` when it counts.
    ///
    /// - Parameter linguist: the path's `linguist-generated`/`linguist-vendored` attributes, asked for only when
    ///   the patterns alone do not decide (reading attributes costs a lookup in the repository).
    public func exclusion(for path: String, linguist: () -> LinguistMarks = { LinguistMarks() }) -> Exclusion? {
        // Cut once: a path meets some fifty default patterns.
        let components = GlobPattern.components(of: path)
        if !include.isEmpty && !include.contains(where: { $0.matches(components: components) }) {
            return .notIncluded
        }
        if let pattern = exclude.first(where: { $0.matches(components: components) }) {
            return .pattern(pattern.text)
        }
        let marks = linguist()
        if marks.generated == true { return .linguistGenerated }
        if marks.vendored == true { return .linguistVendored }
        guard useDefaultExcludes,
              let match = DefaultExcludes.patterns.first(where: { $0.pattern.matches(components: components) })
        else { return nil }
        // `linguist-vendored=false` or `linguist-generated=false` takes a path back from the defaults, as in linguist.
        let takenBack = match.kind == .vendored ? marks.vendored == false : marks.generated == false
        return takenBack ? nil : .byDefault(match.kind, pattern: match.pattern.text)
    }
}

/// A path's linguist attributes: `true` when set, `false` when explicitly unset, `nil` when not mentioned.
public struct LinguistMarks: Sendable, Hashable {
    public var generated: Bool?
    public var vendored: Bool?

    public init(generated: Bool? = nil, vendored: Bool? = nil) {
        self.generated = generated
        self.vendored = vendored
    }
}
