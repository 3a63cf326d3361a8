import Analysis
import Configuration
import Foundation
import Git
import History

/// What every command that reads history sets up: the repository, its configuration, the walk and the classifier.
struct AnalysisSession {
    let repository: Repository
    let configuration: KtloConfiguration

    /// Opens the repository the arguments name and reads its configuration.
    init(_ arguments: HistoryArguments) throws(CommandFailure) {
        do {
            repository = try HistoryReader.openRepository(arguments.repo)
        } catch {
            throw .unusable(error.description)
        }
        configuration = try Self.loadConfiguration(arguments.config, repository: repository)
    }

    /// A reader over the arguments' range (or `revisions`, when given).
    func reader(_ arguments: HistoryArguments, revisions: [String]? = nil,
                maxCount: Int? = nil) throws(CommandFailure) -> HistoryReader {
        do {
            let options = try arguments.historyOptions(configuration, revisions: revisions, maxCount: maxCount)
            return try HistoryReader(repository: repository, options: options)
        } catch let error as HistoryError {
            throw .unusable(error.description)
        } catch {
            throw .unusable("\(error)")
        }
    }

    /// The classifier, having measured on `reader`'s range whether the repository writes Conventional Commits.
    func classifier(measuringOn reader: HistoryReader) throws(CommandFailure) -> CommitClassifier {
        var adoption = ConventionalCommitAdoption.forced(false)
        if configuration.classifier.conventionalCommits == .auto {
            do {
                adoption = .measure(subjects: try reader.sampleSubjects())
            } catch {
                throw .unusable(error.description)
            }
        }
        return CommitClassifier(configuration: configuration.classifier, adoption: adoption)
    }

    /// `--config FILE`, else `.ktlo.yml` in the working tree, else (in a bare repository) `.ktlo.yml` at HEAD.
    private static func loadConfiguration(_ path: String?, repository: Repository)
        throws(CommandFailure) -> KtloConfiguration {
        let text: String, name: String
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unusable("cannot read the configuration file \(path)")
            }
            (text, name) = (String(decoding: data, as: UTF8.self), path)
        } else if let workingDirectory = repository.workingDirectory {
            let candidate = workingDirectory + (workingDirectory.hasSuffix("/") ? "" : "/") + ".ktlo.yml"
            guard let data = FileManager.default.contents(atPath: candidate) else { return KtloConfiguration() }
            (text, name) = (String(decoding: data, as: UTF8.self), candidate)
        } else if let head = try? repository.head().commit,
                  let bytes = try? repository.fileContent(at: ".ktlo.yml", in: head) {
            (text, name) = (String(decoding: bytes, as: UTF8.self), "HEAD:.ktlo.yml")
        } else {
            return KtloConfiguration()
        }
        do {
            return try ConfigurationParser.parse(text, file: name)
        } catch {
            throw .unusable(error.description)
        }
    }
}
