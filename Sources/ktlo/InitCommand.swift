import ArgumentParser
import Configuration
import Foundation
import Git
import History

/// `ktlo init`: writes a documented `.ktlo.yml` with every default, commented out.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a documented .ktlo.yml with the defaults, at the top of the repository."
    )

    @Option(help: ArgumentHelp("The repository (default: the one containing the current folder).", valueName: "path"))
    var repo: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write here instead.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        let target: String
        if let output {
            target = output
        } else {
            let repository: Git.Repository
            do {
                repository = try HistoryReader.openRepository(repo)
            } catch {
                throw CommandFailure.unusable(error.description)
            }
            guard let workingDirectory = repository.workingDirectory else {
                throw CommandFailure.unusable("a bare repository has no working tree to write .ktlo.yml in; use -o FILE")
            }
            target = workingDirectory + (workingDirectory.hasSuffix("/") ? "" : "/") + ".ktlo.yml"
        }
        if FileManager.default.fileExists(atPath: target) && !force {
            throw CommandFailure.unusable("\(target) exists already; use --force to replace it")
        }
        do {
            try ConfigurationTemplate.text.write(toFile: target, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure.unusable("cannot write \(target): \(error.localizedDescription)")
        }
        print("wrote \(target)")
    }
}
