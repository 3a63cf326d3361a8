import Analysis
import Configuration
import Dispatch
import Foundation
import History
import Reports
import Synchronization

/// One repository of a report over several, analysed: the compact commits an effort report needs, its warnings,
/// and the configuration it was read with.
struct RepositoryAnalysis: Sendable {
    let name: String
    let path: String
    let commits: [EffortCommit]
    let warnings: [HistoryWarning]
    let configuration: KtloConfiguration

    /// Analyses every repository of `paths` — each through its own reader, with `shared` (the run's `--config`) or
    /// else its own `.ktlo.yml`, and its own Conventional-Commit measurement — as many at a time as there are
    /// cores. The results come back in the order of `paths`; the first failure fails the run.
    static func analyse(paths: [String], arguments: HistoryArguments, shared: KtloConfiguration?,
                        keepFiles: Bool) throws(CommandFailure) -> [RepositoryAnalysis] {
        // Names need every repository's folder, so the repositories are opened (cheaply) first.
        var folders: [String] = []
        for path in paths {
            let session = try AnalysisSession(repositoryAt: path, configuration: shared)
            let location = session.repository.workingDirectory ?? session.repository.gitDirectory
            folders.append(location.count > 1 && location.hasSuffix("/") ? String(location.dropLast()) : location)
        }
        let names = try RepositoryList.names(folders)

        let next = Mutex(0)
        let results = Mutex<[Int: Result<RepositoryAnalysis, CommandFailure>]>([:])
        let workers = max(1, min(paths.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < paths.count else { return }
                let result = Result { () throws(CommandFailure) -> RepositoryAnalysis in
                    try analyse(path: paths[index], name: names[index], arguments: arguments, shared: shared,
                                keepFiles: keepFiles)
                }
                results.withLock { $0[index] = result }
            }
        }
        return try results.withLock { results throws(CommandFailure) in
            var analyses: [RepositoryAnalysis] = []
            for index in paths.indices {
                switch results[index] {
                case .success(let analysis): analyses.append(analysis)
                case .failure(let failure): throw failure
                case nil: throw CommandFailure.unusable("\(paths[index]): not analysed")
                }
            }
            return analyses
        }
    }

    private static func analyse(path: String, name: String, arguments: HistoryArguments,
                                shared: KtloConfiguration?, keepFiles: Bool) throws(CommandFailure)
        -> RepositoryAnalysis {
        let session = try AnalysisSession(repositoryAt: path, configuration: shared)
        let reader = try session.reader(arguments)
        let classifier = try session.classifier(measuringOn: reader)
        var commits: [EffortCommit] = []
        do {
            try ClassifiedCommits.forEach(in: [reader], classifier: classifier) { commit in
                commits.append(EffortCommit(commit, isBot: commit.isBot, repository: name, keepFiles: keepFiles))
            }
        } catch let error as HistoryError {
            throw .unusable("\(name): \(error.description)")
        } catch {
            throw .unusable("\(name): \(error)")
        }
        let warnings = reader.warnings.map { HistoryWarning(kind: $0.kind, message: "\(name): \($0.message)") }
        return RepositoryAnalysis(name: name, path: reader.repositoryPath, commits: commits, warnings: warnings,
                                  configuration: session.configuration)
    }
}
