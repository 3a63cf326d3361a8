import Foundation
import Testing
import TestSupport

/// `ktlo commits` as a user runs it: the built binary, its output, its stderr and its exit code.
@Suite struct CommitsCommandTests {
    private func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n")
    }

    @Test func ndjsonIsTheDefaultWhenPiped() throws {
        let result = try Shell.ktlo(["commits", "--repo", try Fixtures.path("linear")])
        #expect(result.status == 0)
        #expect(result.standardErrorText.isEmpty)
        let records = lines(result.standardOutputText)
        #expect(records.count == 6)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(records[0].utf8)) as? [String: Any])
        #expect(first["summary"] as? String == "Add mailmap")
    }

    @Test func discoversTheRepositoryFromTheCurrentFolder() throws {
        let result = try Shell.ktlo(["commits", "--format", "csv", "HEAD~2..HEAD"],
                                    in: try Fixtures.path("linear") + "/src")
        #expect(result.status == 0)
        #expect(result.standardOutputText.components(separatedBy: "\r\n").count == 4)
    }

    @Test func everyFormatRenders() throws {
        let path = try Fixtures.path("merges")
        for format in ["ndjson", "json", "csv", "table"] {
            let result = try Shell.ktlo(["commits", "--repo", path, "--format", format])
            #expect(result.status == 0, "\(format)")
            #expect(!result.standardOutputText.isEmpty, "\(format)")
        }
        let json = try Shell.ktlo(["commits", "--repo", path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect((document["commits"] as? [Any])?.count == 7)
    }

    /// Bad input: one line on stderr, exit code 2, nothing on stdout, never a stack trace.
    @Test func badInputIsOneLineAndExitCode2() throws {
        let scratch = try Fixtures.temporaryFolder()
        _ = FileManager.default.createFile(atPath: scratch + "/file", contents: Data("x".utf8))
        let linear = try Fixtures.path("linear")
        let cases: [([String], String)] = [
            (["commits", "--repo", scratch + "/missing"], "no such file or folder"),
            (["commits", "--repo", scratch + "/file"], "not a folder"),
            (["commits", "--repo", scratch], "not a Git repository"),
            (["commits", "--repo", try Fixtures.path("empty")], "has no commits yet"),
            (["commits", "--repo", try Fixtures.path("unborn")], "name a revision"),
            (["commits", "--repo", linear, "no-such-revision"], "unknown revision 'no-such-revision'"),
            (["commits", "--repo", linear, "HEAD^{tree}"], "unknown revision"),
            (["commits", "--repo", try Fixtures.path("missing-object")], "cannot read the history"),
            (["commits", "--repo", linear, "--since", "last tuesday"], "--since 'last tuesday' is not a date"),
            (["commits", "--repo", linear, "--format", "html"], "not html"),
            (["commits", "--repo", linear, "--format", "xml"], "xml"),
            (["commits", "--repo", linear, "--rename-threshold", "101"], "between 0 and 100"),
            (["commits", "--no-such-option"], "no-such-option"),
            (["no-such-command"], "no-such-command"),
        ]
        for (arguments, expected) in cases {
            let result = try Shell.ktlo(arguments)
            #expect(result.status == 2, "\(arguments)")
            let stderr = result.standardErrorText
            #expect(lines(stderr).count == 1, "\(arguments): \(stderr)")
            #expect(stderr.hasPrefix("ktlo: error: "), "\(arguments): \(stderr)")
            #expect(stderr.contains(expected), "\(arguments): \(stderr)")
            if arguments.contains("missing-object") == false {
                #expect(result.standardOutput.isEmpty, "\(arguments)")
            }
        }
    }

    @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
        let scratch = try Fixtures.temporaryFolder()
        let target = scratch + "/commits.json"
        let ok = try Shell.ktlo(["commits", "--repo", try Fixtures.path("linear"), "--format", "json", "-o", target])
        #expect(ok.status == 0)
        #expect(ok.standardOutput.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(try JSONSerialization.jsonObject(with: written) is [String: Any])

        // A run that fails part-way leaves the previous file as it was and no temporary file behind.
        let failed = try Shell.ktlo(["commits", "--repo", try Fixtures.path("missing-object"), "-o", target])
        #expect(failed.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["commits.json"])

        let unwritable = try Shell.ktlo(["commits", "--repo", try Fixtures.path("linear"),
                                         "-o", scratch + "/no/such/folder/out.json"])
        #expect(unwritable.status == 2)
        #expect(unwritable.standardErrorText.hasPrefix("ktlo: error: cannot write "))
    }

    @Test func outputToAPipeOrThroughALinkLeavesThemInPlace() throws {
        let scratch = try Fixtures.temporaryFolder()
        let repository = try Fixtures.path("linear")
        // A named pipe (like /dev/null or /dev/stdout, not a regular file) is written to, never renamed over.
        let pipe = try Shell.run(["sh", "-c", "mkfifo pipe && { cat pipe > received & } && \"$0\" commits --repo \"$1\" "
                                    + "--format csv -o pipe; status=$?; wait; exit $status",
                                  Shell.ktloPath, repository], in: scratch)
        #expect(pipe.status == 0, "\(pipe.standardErrorText)")
        let type = try FileManager.default.attributesOfItem(atPath: scratch + "/pipe")[.type] as? FileAttributeType
        #expect(type != .typeRegular)
        let received = try String(contentsOfFile: scratch + "/received", encoding: .utf8)
        #expect(received.hasPrefix("sha,"))

        // Through a symbolic link, the file it names is replaced and the link stays a link.
        try Data("old".utf8).write(to: URL(fileURLWithPath: scratch + "/real.csv"))
        try FileManager.default.createSymbolicLink(atPath: scratch + "/link.csv", withDestinationPath: "real.csv")
        let linked = try Shell.ktlo(["commits", "--repo", repository, "--format", "csv", "-o", scratch + "/link.csv"])
        #expect(linked.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch + "/link.csv") == "real.csv")
        #expect(try String(contentsOfFile: scratch + "/real.csv", encoding: .utf8).hasPrefix("sha,"))
    }

    @Test func shallowCloneWarnsOnStderrAndInJSON() throws {
        let path = try Fixtures.path("shallow")
        let result = try Shell.ktlo(["commits", "--repo", path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.standardErrorText.hasPrefix("ktlo: warning: shallow clone"))
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let warnings = try #require(document["warnings"] as? [[String: String]])
        #expect(warnings.map { $0["kind"] } == ["shallow_clone"])
        let commits = try #require(document["commits"] as? [[String: Any]])
        #expect(commits.map { $0["shallow_boundary"] as? Bool } == [false, true])

        let quiet = try Shell.ktlo(["commits", "--repo", path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.standardErrorText.isEmpty)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try Shell.ktlo(["commits", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutputText.contains("--first-parent"))
        let version = try Shell.ktlo(["--version"])
        #expect(version.status == 0)
        #expect(!version.standardOutputText.isEmpty)
    }

    @Test func oddFileNamesSurviveEveryFormat() throws {
        let path = try Fixtures.path("paths")
        let ndjson = try Shell.ktlo(["commits", "--repo", path, "--format", "ndjson"])
        let record = try #require(try JSONSerialization.jsonObject(with: ndjson.standardOutput) as? [String: Any])
        let names = (record["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }.sorted()
        #expect(names == ["-leading-dash.txt", "new\nline.txt", "quote\"d.txt", "with space.txt", "ünïcødé.txt"])
        let table = try Shell.ktlo(["commits", "--repo", path, "--format", "table"])
        #expect(table.status == 0)
    }
}
