import Analysis
import ArgumentParser

/// `--by file`, `--by dir` or `--by dir=DEPTH`: what one row of the report stands for.
struct GroupingArgument: ExpressibleByArgument {
    let grouping: Grouping

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        switch parts.first {
        case "file" where parts.count == 1:
            grouping = .file
        case "dir", "directory", "folder":
            if parts.count == 1 {
                grouping = .directory(depth: nil)
            } else if let depth = Int(parts[1]), depth >= 1 {
                grouping = .directory(depth: depth)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    init(_ grouping: Grouping) {
        self.grouping = grouping
    }

    static var defaultCompletionKind: CompletionKind { .list(["file", "dir", "dir=1", "dir=2"]) }
}
