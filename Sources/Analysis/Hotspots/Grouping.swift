/// What one row of a hotspot or coupling report stands for: a file, a folder rolling up the files below it, or a
/// component of the configuration.
public enum Grouping: Sendable, CustomStringConvertible {
    case file
    /// The folder of each file, cut to its first `depth` components (`nil`: the file's own folder).
    case directory(depth: Int?)
    /// The component of each file: `.ktlo.yml`'s named components, else its top-level folder (``ComponentMap``).
    case component(ComponentMap)

    /// The row `path` belongs to. Files at the top belong to the folder `.` (the component `(root)`).
    public func key(for path: String) -> String {
        switch self {
        case .file:
            return path
        case .directory(let depth):
            var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            if let depth { components = components.prefix(depth) }
            return components.isEmpty ? "." : components.joined(separator: "/")
        case .component(let map):
            return map.component(of: path)
        }
    }

    /// Whether a row is one file (rather than a roll-up of several).
    public var isFile: Bool {
        if case .file = self { return true }
        return false
    }

    /// What a row is, in a sentence: "file", "folder", "component".
    public var noun: String {
        switch self {
        case .file: "file"
        case .directory: "folder"
        case .component: "component"
        }
    }

    public var description: String {
        switch self {
        case .file: "file"
        case .directory(let depth): depth.map { "dir=\($0)" } ?? "dir"
        case .component: "component"
        }
    }
}
