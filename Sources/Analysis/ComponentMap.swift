import History

/// Which component a path belongs to: the configuration's named components (globs, first match wins), else the
/// path's top-level folder; files at the top of the repository are in `(root)`.
public struct ComponentMap: Sendable {
    private let named: [(name: String, patterns: [GlobPattern])]

    /// The component of files at the top of the repository.
    public static let root = "(root)"
    /// The component of paths no named component matches, when components are named.
    public static let unmatched = "(other)"

    public init(named: [(name: String, globs: [String])] = []) {
        self.named = named.map { ($0.name, $0.globs.map(GlobPattern.init)) }
    }

    public func component(of path: String) -> String {
        if !named.isEmpty {
            return named.first { $0.patterns.contains { $0.matches(path) } }?.name ?? Self.unmatched
        }
        guard let slash = path.firstIndex(of: "/") else { return Self.root }
        return String(path[path.startIndex..<slash])
    }
}

/// Which team a person is in: the configuration's `teams:` map of team names to e-mails, names or `*` patterns.
public struct TeamMap: Sendable {
    private let teams: [(name: String, members: [String])]

    /// The team of people the map does not name.
    public static let unassigned = "(no team)"

    public init(_ teams: [(name: String, members: [String])] = []) {
        self.teams = teams.map { ($0.name, $0.members.map { $0.lowercased() }) }
    }

    public var isEmpty: Bool { teams.isEmpty }

    public func team(of person: Identity) -> String {
        let email = person.email.lowercased(), name = person.name.lowercased()
        for team in teams where team.members.contains(where: { Self.matches($0, email) || Self.matches($0, name) }) {
            return team.name
        }
        return Self.unassigned
    }

    /// `pattern` against `text`: `*` stands for any run of characters.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard pattern.contains("*") else { return pattern == text }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(text)
        for (index, part) in parts.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let range = rest.range(of: part) {
                rest = rest[range.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }
}
