/// A path pattern in the style of `.gitignore`, matched against repository-relative paths.
///
/// - `*` matches any run of characters but `/`, `?` one character but `/`, `[a-z]`/`[!a]` a class;
/// - `**` as a whole segment matches any number of folders (`docs/**`, `**/test/**`, `src/**/gen`);
/// - a pattern without a `/` matches a name at any depth (`*.min.js`, `package-lock.json`);
/// - a pattern with a `/` is anchored at the repository root (a leading `/` only anchors);
/// - a trailing `/` matches folders only: `vendor/` matches everything under any folder named `vendor`;
/// - a pattern that matches a folder matches everything under it (`--exclude src/legacy`).
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    private let segments: [Segment]
    private let directoriesOnly: Bool

    private enum Segment: Sendable, Hashable {
        case anyFolders
        case name([UInt8])
    }

    public init(_ text: String) {
        self.text = text
        var body = Substring(text)
        if body.hasPrefix("./") { body = body.dropFirst(2) }
        directoriesOnly = body.hasSuffix("/")
        while body.hasSuffix("/") { body = body.dropLast() }
        let anchored = body.contains("/")
        while body.hasPrefix("/") { body = body.dropFirst() }
        var segments: [Segment] = anchored ? [] : [.anyFolders]
        for part in body.split(separator: "/", omittingEmptySubsequences: true) {
            segments.append(part == "**" ? .anyFolders : .name(Array(part.utf8)))
        }
        self.segments = segments
    }

    public var description: String { text }

    /// True if the pattern matches `path` itself or one of the folders that contain it.
    public func matches(_ path: String) -> Bool {
        matches(components: Self.components(of: path))
    }

    /// A path cut into its components, once, for matching against many patterns.
    static func components(of path: String) -> [[UInt8]] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { Array($0) }
    }

    /// ``matches(_:)`` on a path already cut by ``components(of:)``.
    func matches(components: [[UInt8]]) -> Bool {
        guard !components.isEmpty else { return false }
        let lengths = directoriesOnly ? 1..<components.count : 1..<(components.count + 1)
        for length in lengths where match(segment: 0, component: 0, in: components[0..<length]) {
            return true
        }
        return false
    }

    private func match(segment: Int, component: Int, in components: ArraySlice<[UInt8]>) -> Bool {
        guard segment < segments.count else { return component == components.endIndex }
        switch segments[segment] {
        case .anyFolders:
            for next in component...components.endIndex
            where match(segment: segment + 1, component: next, in: components) {
                return true
            }
            return false
        case .name(let pattern):
            guard component < components.endIndex,
                  Self.wildcard(pattern[...], components[component][...]) else { return false }
            return match(segment: segment + 1, component: component + 1, in: components)
        }
    }

    /// Matches one path component against one pattern segment (`*`, `?`, `[…]`, `\` escapes).
    static func wildcard(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var starPattern: Int?, starName = name.startIndex
        while n < name.endIndex {
            if p < pattern.endIndex {
                let token = pattern[p]
                if token == UInt8(ascii: "*") {
                    starPattern = p
                    starName = n
                    p += 1
                    continue
                }
                if token == UInt8(ascii: "?") {
                    p += 1
                    n += 1
                    continue
                }
                if token == UInt8(ascii: "["), let (matched, end) = matchClass(pattern, from: p, byte: name[n]) {
                    if matched {
                        p = end
                        n += 1
                        continue
                    }
                } else {
                    var literal = token
                    var next = p + 1
                    if token == UInt8(ascii: "\\"), next < pattern.endIndex {
                        literal = pattern[next]
                        next += 1
                    }
                    if literal == name[n] {
                        p = next
                        n += 1
                        continue
                    }
                }
            }
            guard let star = starPattern else { return false }
            p = star + 1
            starName += 1
            n = starName
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    /// A bracket expression at `start`: whether `byte` is in it, and the index after `]`; `nil` if unterminated.
    private static func matchClass(_ pattern: ArraySlice<UInt8>, from start: Int, byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let current = pattern[index]
            if current == UInt8(ascii: "]") && !first {
                return (matched != negated, index + 1)
            }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"),
               pattern[index + 2] != UInt8(ascii: "]") {
                if current <= byte && byte <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if current == byte { matched = true }
                index += 1
            }
        }
        return nil
    }
}
