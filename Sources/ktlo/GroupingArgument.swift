import Analysis
import ArgumentParser

/// `--by file`, `--by dir`, `--by dir=DEPTH` or `--by component`: what one row of the report stands for.
struct GroupingArgument: ExpressibleByArgument {
    private enum Kind {
        case file
        case directory(depth: Int?)
        case component
    }

    private let kind: Kind

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        switch parts.first {
        case "file" where parts.count == 1:
            kind = .file
        case "component" where parts.count == 1:
            kind = .component
        case "dir", "directory", "folder":
            if parts.count == 1 {
                kind = .directory(depth: nil)
            } else if let depth = Int(parts[1]), depth >= 1 {
                kind = .directory(depth: depth)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    /// One row per file.
    static let file = GroupingArgument(kind: .file)

    private init(kind: Kind) {
        self.kind = kind
    }

    /// The grouping, components taken from the configuration (known only once the repository is open).
    func grouping(components: [(name: String, globs: [String])]) -> Grouping {
        switch kind {
        case .file: .file
        case .directory(let depth): .directory(depth: depth)
        case .component: .component(ComponentMap(named: components))
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["file", "dir", "dir=1", "dir=2", "component"]) }
}
