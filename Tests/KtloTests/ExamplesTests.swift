import Foundation
import Testing
import TestSupport

/// The CI examples in examples/ run as written: their `ktlo` command lines, taken from the files, against a copy of
/// the `ci` fixture, twice (the second run with the cache the first one left), in the environment each CI gives.
@Suite struct ExamplesTests {
    /// The `ktlo …` lines of an example (in a `run:` block or a `script:` list).
    static func commands(in example: String) throws -> [String] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("examples/\(example)"),
                              encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            var command = line.drop { $0 == " " }
            if command.hasPrefix("- ") { command = command.dropFirst(2) }
            return command.hasPrefix("ktlo ") ? String(command) : nil
        }
    }

    /// Runs a command line as the CI's shell would, with the built ktlo first on the PATH.
    private func run(_ command: String, in folder: String, environment: [String: String]) throws -> Shell.Result {
        let binaries = URL(fileURLWithPath: Shell.ktloPath).deletingLastPathComponent().path
        let path = binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Shell.run(["timeout", "300", "bash", "-e", "-c", command], in: folder,
                             environment: environment.merging(["PATH": path]) { $1 })
    }

    @Test func gitHubActions() throws {
        let example = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("examples/github-actions.yml"),
                                 encoding: .utf8)
        #expect(example.contains("fetch-depth: 0") && example.contains("path: .ktlo-cache"))
        let commands = try Self.commands(in: "github-actions.yml")
        #expect(commands.count == 1)
        let repository = try Fixtures.fresh("ci")
        let stepSummary = try Fixtures.temporaryFolder() + "/summary.md"
        let environment = ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": stepSummary]
        for round in 1...2 {
            for command in commands {
                let result = try run(command, in: repository, environment: environment)
                // By quarter, 2025-Q2 holds every commit: 4 of 7 dev-days are KTLO (57.1 %), within the example's
                // 60 %, and no quarter before it to rise from. The log has an annotation per touched hotspot.
                #expect(result.status == 0, "round \(round): \(result.standardErrorText)")
                #expect(result.standardOutputText.split(separator: "\n").map { $0.prefix { $0 != "#" } }
                        == ["::warning file=src/parser.c,title=ktlo%3A hotspot::hotspot ",
                            "::warning file=src/printer.c,title=ktlo%3A hotspot::hotspot "])
                let json = try Data(contentsOf: URL(fileURLWithPath: repository + "/ktlo-ci.json"))
                let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
                #expect(document["status"] as? String == "pass")
                #expect((document["rules"] as? [[String: Any]])?.first?["actual"] as? Double == 57.1429)
                #expect((document["commits"] as? [Any])?.count == 4)
            }
            #expect(FileManager.default.fileExists(atPath: repository + "/.ktlo-cache/churn.sqlite"))
        }
        let summary = try String(contentsOfFile: stepSummary, encoding: .utf8)
        #expect(summary.components(separatedBy: "### ktlo: ✅ every rule holds").count == 3)
    }

    @Test func gitLabCI() throws {
        let example = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("examples/gitlab-ci.yml"),
                                 encoding: .utf8)
        #expect(example.contains("GIT_DEPTH: 0") && example.contains("- .ktlo-cache/"))
        let commands = try Self.commands(in: "gitlab-ci.yml")
        #expect(commands.count == 1)
        let repository = try Fixtures.fresh("ci")
        // GitLab checks out the pipeline's commit with a detached HEAD.
        #expect(try Shell.git(["checkout", "-q", "--detach", "HEAD"], in: repository).status == 0)
        for round in 1...2 {
            for command in commands {
                let result = try run(command, in: repository, environment: ["GITHUB_ACTIONS": "",
                                                                             "GITHUB_STEP_SUMMARY": ""])
                #expect(result.status == 0, "round \(round): \(result.standardErrorText)")
                #expect(result.standardOutput.isEmpty)
                let summary = try String(contentsOfFile: repository + "/ktlo-summary.md", encoding: .utf8)
                #expect(summary.hasPrefix("### ktlo: ✅ every rule holds"))
                #expect(summary.contains("**2025-Q2** (the current quarter): KTLO 57.1 % of 7 dev-days in 7 commits"))
                #expect(FileManager.default.fileExists(atPath: repository + "/ktlo-ci.json"))
            }
            #expect(FileManager.default.fileExists(atPath: repository + "/.ktlo-cache/churn.sqlite"))
        }
    }
}
