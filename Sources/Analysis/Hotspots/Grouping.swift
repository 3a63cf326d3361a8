/// What one row of a hotspot or coupling report stands for: a file, or a folder rolling up the files below it.
public enum Grouping: Sendable, Hashable, CustomStringConvertible {
    case file
    /// The folder of each file, cut to its first `depth` components (`nil`: the file's own folder).
    case directory(depth: Int?)

    /// The row `path` belongs to. Files at the top belong to the folder `.`.
    public func key(for path: String) -> String {
        switch self {
        case .file:
            return path
        case .directory(let depth):
            var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            if let depth { components = components.prefix(depth) }
            return components.isEmpty ? "." : components.joined(separator: "/")
        }
    }

    public var description: String {
        switch self {
        case .file: "file"
        case .directory(let depth): depth.map { "dir=\($0)" } ?? "dir"
        }
    }
}
