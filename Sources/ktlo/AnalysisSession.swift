import Analysis
import Configuration
import Foundation
import Git
import History

/// What every command that reads history sets up: the repository, its configuration, the walk and the classifier.
struct AnalysisSession {
    let repository: Repository
    let configuration: KtloConfiguration
    /// The text the configuration was read from ("" when there was none, or when it was shared by several
    /// repositories): what a snapshot of classified commits depends on.
    let configurationText: String

    /// Opens the one repository the arguments name and reads its configuration.
    init(_ arguments: HistoryArguments) throws(CommandFailure) {
        guard !arguments.namesSeveralRepositories else {
            throw .unusable("this command analyses one repository at a time: give --repo once "
                                + "(ktlo report and ktlo commits take several, and --repos-file)")
        }
        do {
            repository = try HistoryReader.openRepository(arguments.repo)
        } catch {
            throw .unusable(error.description)
        }
        (configuration, configurationText) = try Self.loadConfiguration(arguments.config, repository: repository)
    }

    /// Opens one repository of several, read and classified by `shared` (the run's `--config`, one configuration for
    /// all) or, without one, by its own `.ktlo.yml`.
    init(repositoryAt path: String, configuration shared: KtloConfiguration?) throws(CommandFailure) {
        do {
            repository = try HistoryReader.openRepository(path)
        } catch {
            throw .unusable(error.description)
        }
        if let shared {
            (configuration, configurationText) = (shared, "")
        } else {
            (configuration, configurationText) = try Self.loadConfiguration(nil, repository: repository)
        }
    }

    /// The configuration file `path` on its own, for a run that is about no single repository.
    static func loadConfiguration(file path: String) throws(CommandFailure) -> KtloConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unusable("cannot read the configuration file \(path)")
        }
        do {
            return try ConfigurationParser.parse(String(decoding: data, as: UTF8.self), file: path)
        } catch {
            throw .unusable(error.description)
        }
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
        throws(CommandFailure) -> (KtloConfiguration, String) {
        let text: String, name: String
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unusable("cannot read the configuration file \(path)")
            }
            (text, name) = (String(decoding: data, as: UTF8.self), path)
        } else if let workingDirectory = repository.workingDirectory {
            let candidate = workingDirectory + (workingDirectory.hasSuffix("/") ? "" : "/") + ".ktlo.yml"
            guard let data = FileManager.default.contents(atPath: candidate) else { return (KtloConfiguration(), "") }
            (text, name) = (String(decoding: data, as: UTF8.self), candidate)
        } else if let head = try? repository.head().commit,
                  let bytes = try? repository.fileContent(at: ".ktlo.yml", in: head) {
            (text, name) = (String(decoding: bytes, as: UTF8.self), "HEAD:.ktlo.yml")
        } else {
            return (KtloConfiguration(), "")
        }
        do {
            return (try ConfigurationParser.parse(text, file: name), text)
        } catch {
            throw .unusable(error.description)
        }
    }
}
