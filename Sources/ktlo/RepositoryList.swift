import Foundation
import Reports

/// The repositories a run covers: every `--repo`, then every line of `--repos-file`.
enum RepositoryList {
    /// The paths asked for, in order; empty when none was (the current folder's repository is meant).
    static func paths(_ arguments: HistoryArguments) throws(CommandFailure) -> [String] {
        var paths = arguments.repositories
        if let file = arguments.reposFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .unusable("cannot read the repository list \(file)")
            }
            // Relative paths are relative to the list's folder, so a list works from wherever ktlo runs.
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
            var listed = 0
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                let entry = line.trimmingCharacters()
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                let path = String(entry)
                paths.append(path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path)
                listed += 1
            }
            guard listed > 0 else { throw .unusable("the repository list \(file) names no repository") }
        }
        return paths
    }

    /// A name for each repository folder (as ``HistoryReader/repositoryPath`` gives it): the folder's name without
    /// `.git`, or, where two share a name, with its parent folder too (`team-a/api`, `team-b/api`); the same
    /// repository given twice is an error.
    static func names(_ repositoryPaths: [String]) throws(CommandFailure) -> [String] {
        var seen = Set<String>()
        for path in repositoryPaths where !seen.insert(path).inserted {
            throw .unusable("the repository \(path) is given more than once")
        }
        var names = repositoryPaths.map { RecordProvenance.repositoryName(path: $0) }
        for depth in [2, Int.max] {
            let counts = Dictionary(names.map { ($0, 1) }, uniquingKeysWith: +)
            guard counts.values.contains(where: { $0 > 1 }) else { break }
            for index in names.indices where counts[names[index]]! > 1 {
                var components = repositoryPaths[index].split(separator: "/").map(String.init)
                if components.last == ".git" { components.removeLast() }
                names[index] = depth == Int.max ? repositoryPaths[index]
                    : components.suffix(depth).joined(separator: "/")
            }
        }
        return names
    }
}
