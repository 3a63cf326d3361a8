import Foundation
import Testing
import TestSupport

/// Whatever repository CI hands ktlo, every command either analyses it fully, analyses it with a warning, or refuses
/// it with one clear line on stderr and exit code 2 — never a crash, a hang or a stack trace.
@Suite struct RobustnessTests {
    enum Outcome: Sendable {
        /// Exit 0 with this many commits (merges included) and exactly these warning kinds.
        case analysed(commits: Int, warnings: [String] = [])
        /// Exit 2 and one line on stderr containing this text.
        case refused(String)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let fixture: String?
        let arguments: [String]
        let outcome: Outcome
        var testDescription: String { label }

        init(_ label: String, _ fixture: String?, _ arguments: [String], _ outcome: Outcome) {
            self.label = label
            self.fixture = fixture
            self.arguments = arguments
            self.outcome = outcome
        }

        init(_ label: String, _ fixture: String?, _ outcome: Outcome) {
            self.init(label, fixture, [], outcome)
        }
    }

    /// Every case of the issue; exact figures for each are asserted in the tests further down.
    static let cases: [Case] = [
        Case("empty repository", "empty", .refused("has no commits yet")),
        Case("unborn HEAD", "unborn", .refused("which has no commits yet; name a revision")),
        Case("unborn HEAD, a revision named", "unborn", ["main"], .analysed(commits: 6)),
        Case("detached HEAD", "detached", .analysed(commits: 5)),
        Case("several roots and a criss-cross merge", "topology", .analysed(commits: 11)),
        Case("an orphan branch beside HEAD", "topology", ["main", "lonely"], .analysed(commits: 12)),
        Case("a criss-cross symmetric difference", "topology", ["x...y"], .analysed(commits: 4)),
        Case("octopus merge", "merges", .analysed(commits: 7)),
        Case("thousands of files in one commit", "manyfiles", .analysed(commits: 4)),
        Case("a very large file", "largefile", .analysed(commits: 2)),
        Case("binary files and NUL bytes", "binary", .analysed(commits: 3)),
        Case("CRLF, symlinks, empty and very long messages", "text", .analysed(commits: 4)),
        Case("file names with spaces, newlines, quotes, unicode, dashes", "paths", .analysed(commits: 1)),
        Case("hostile names, paths and messages", "hostile", .analysed(commits: 2)),
        Case("ISO-8859-1 with a header, invalid UTF-8", "encodings", .analysed(commits: 3)),
        Case("dates before 1970, after 2100, +14:00 and -12:00", "dates", .analysed(commits: 9)),
        Case("submodules", "submodule", .analysed(commits: 4)),
        Case("a malformed commit", "malformed", .analysed(commits: 3, warnings: ["malformed_commit"])),
        Case("shallow clone", "shallow", .analysed(commits: 2, warnings: ["shallow_clone"])),
        Case("partial clone", "partial", .analysed(commits: 6, warnings: ["missing_blobs"])),
        Case("a missing blob", "missing-blob", .analysed(commits: 6, warnings: ["missing_blobs"])),
        Case("a missing tree", "missing-object", .refused("cannot read the history")),
        Case("a corrupted object", "corrupt-object", .refused("cannot be diffed")),
        Case("a missing packfile", "missing-pack", .refused("is missing from the object database")),
        Case("bare repository", "bare", .analysed(commits: 6)),
        Case("a linked worktree's branch", "worktree", ["side"], .analysed(commits: 7)),
        Case("a path that is a file", nil, ["--repo", "/etc/hostname"], .refused("not a folder")),
        Case("a path that does not exist", nil, ["--repo", "/nonexistent/ktlo"], .refused("no such file or folder")),
        Case("an unknown revision", "linear", ["no-such-branch"], .refused("unknown revision 'no-such-branch'")),
        Case("a revision that is a file", "linear", ["HEAD:a.txt"], .refused("unknown revision")),
        Case("a revision with control characters", "linear", ["\u{1B}]0;owned\u{7}"], .refused("unknown revision")),
    ]

    static let commands: [[String]] = [
        ["commits", "--format", "json"], ["commits", "--format", "ndjson"], ["commits", "--format", "table"],
        ["commits", "--format", "csv"], ["report", "--format", "json"], ["report", "--format", "table"],
        ["report", "--format", "markdown"], ["report", "--format", "csv"], ["ci", "--max-ktlo", "100"],
        ["hotspots", "--format", "json"], ["hotspots", "--format", "table"], ["coupling", "--format", "json"],
    ]

    @Test(arguments: cases)
    func everyCommandSurvives(_ testCase: Case) throws {
        var arguments = testCase.arguments
        if let fixture = testCase.fixture { arguments += ["--repo", try Fixtures.path(fixture)] }
        var nonMerges: Int?
        // ktlo ci analyses HEAD: the cases that name revisions are for the other commands.
        let namesRevisions = testCase.arguments.first.map { !$0.hasPrefix("--") } ?? false
        for command in Self.commands where !(command[0] == "ci" && namesRevisions) {
            let label = "\(testCase.label): ktlo \(command.joined(separator: " "))"
            let result = try Shell.ktlo(command + arguments, timeout: 120)
            let stderr = result.standardErrorText
            #expect(result.status != Shell.timedOut, "\(label) hung")
            #expect(!stderr.contains("Fatal error") && !stderr.contains("Stack dump"), "\(label): \(stderr)")
            #expect(!stderr.contains("\u{1B}"), "\(label): a control character reached stderr")
            switch testCase.outcome {
            case .refused(let message):
                #expect(result.status == 2, "\(label)")
                let lines = stderr.split(separator: "\n")
                #expect(lines.count == 1 && stderr.hasPrefix("ktlo: error: ") && stderr.contains(message),
                        "\(label): \(stderr)")
            case .analysed(let commits, let warnings):
                #expect(result.status == 0, "\(label): \(stderr)")
                let lines = stderr.split(separator: "\n")
                #expect(lines.count == warnings.count, "\(label): \(stderr)")
                #expect(lines.allSatisfy { $0.hasPrefix("ktlo: warning: ") }, "\(label): \(stderr)")
                guard command.last == "json" else {
                    #expect(!result.standardOutput.isEmpty, "\(label)")
                    continue
                }
                let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput)
                                                as? [String: Any], "\(label)")
                let kinds = (document["warnings"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
                #expect(kinds == warnings, "\(label)")
                if let records = document["commits"] as? [[String: Any]] {
                    #expect(records.count == commits, "\(label)")
                    nonMerges = records.filter { ($0["parents"] as? [Any])?.count ?? 0 < 2 }.count
                } else if document["hotspots"] != nil || document["couplings"] != nil {
                    continue
                } else {
                    let totals = document["totals"] as? [String: Any]
                    #expect(totals?["commits"] as? Int == nonMerges, "\(label)")
                }
            }
        }
    }

    // MARK: The figures of each case, against what was built (see Fixtures/make-fixture).

    private func records(_ fixture: String, _ arguments: [String] = []) throws -> [[String: Any]] {
        let result = try Shell.ktlo(["commits", "--repo", try Fixtures.path(fixture), "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardErrorText)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        return try #require(document["commits"] as? [[String: Any]])
    }

    private func churn(_ record: [String: Any]) -> [String] {
        ((record["files"] as? [[String: Any]]) ?? []).map {
            "\($0["status"]!) \($0["path"]!) +\($0["added"]!) -\($0["deleted"]!)"
        }.sorted()
    }

    @Test func detachedHeadIsAnalysedFromItsCommit() throws {
        let result = try Shell.ktlo(["commits", "--repo", try Fixtures.path("detached"), "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let repository = try #require(document["repository"] as? [String: Any])
        #expect(repository["branch"] is NSNull)
        let linear = try Shell.git(["rev-parse", "HEAD~1"], in: try Fixtures.path("linear"))
        #expect(repository["head"] as? String == linear.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect((document["commits"] as? [[String: Any]])?.first?["summary"] as? String == "Remove a.txt")
    }

    @Test func everyRootIsDiffedAgainstTheEmptyTree() throws {
        let commits = try records("topology")
        let roots = commits.filter { ($0["parents"] as? [Any])?.isEmpty == true }
        #expect(roots.map { $0["summary"] as? String } == ["Second root", "First root"])
        #expect(roots.map(churn) == [["A second.txt +4 -0"], ["A root.txt +3 -0"]])
        let lonely = try records("topology", ["lonely"])
        #expect(lonely.map { $0["summary"] as? String } == ["A root no branch of main reaches"])
    }

    @Test func crissCrossMergesHaveTwoMergeBases() throws {
        let summaries = try records("topology", ["x...y"]).compactMap { $0["summary"] as? String }.sorted()
        #expect(summaries == ["x merges y", "x two", "y merges x", "y two"])
        let merges = try records("topology").filter { ($0["parents"] as? [Any])?.count == 2 }
        #expect(merges.count == 5)
        #expect(merges.allSatisfy { $0["category"] as? String == "merge" && churn($0).isEmpty })
    }

    @Test func octopusMergeHasThreeParentsAndNoChurnUnlessAsked() throws {
        let octopus = try #require(try records("merges").first)
        #expect(octopus["summary"] as? String == "Octopus merge")
        #expect((octopus["parents"] as? [Any])?.count == 3)
        #expect(octopus["category"] as? String == "merge" && churn(octopus).isEmpty)
        let diffed = try #require(try records("merges", ["--merges", "diff"]).first)
        #expect(churn(diffed) == ["A left.txt +1 -0", "A right.txt +1 -0"])
    }

    @Test func thousandsOfFilesInOneCommit() throws {
        let commits = try records("manyfiles")
        #expect(commits.map { $0["summary"] as? String }
                == ["Delete five folders", "Move ten folders", "Change 2000 files", "Add 2000 files"])
        #expect(commits.map { ($0["files"] as? [Any])?.count } == [500, 1000, 2000, 2000])
        #expect(commits.map { $0["added"] as? Int } == [0, 0, 2000, 4000])
        #expect(commits.map { $0["deleted"] as? Int } == [1000, 0, 2000, 0])
        let moved = (commits[1]["files"] as? [[String: Any]]) ?? []
        #expect(moved.allSatisfy { $0["status"] as? String == "R" })
    }

    @Test func aVeryLargeFile() throws {
        let commits = try records("largefile")
        #expect(commits.map(churn) == [["M big.txt +4 -3"], ["A big.txt +1000000 -0", "A small.txt +1 -0"]])
    }

    @Test func binaryFilesAndNULBytesCountNoLines() throws {
        let last = try #require(try records("binary").first)
        let file = try #require((last["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == "notes.txt" && file["binary"] as? Bool == true)
        #expect(last["added"] as? Int == 0 && last["deleted"] as? Int == 0)
    }

    @Test func lineEndingsSymlinksAndMessages() throws {
        let commits = try records("text")
        #expect(churn(commits[3]) == ["A crlf.txt +3 -0", "A dangling +1 -0", "A folder/file.txt +1 -0",
                                      "A link-to-file +1 -0", "A link-to-folder +1 -0", "A mixed.txt +3 -0"])
        #expect(churn(commits[2]) == ["M crlf.txt +2 -1", "M link-to-file +1 -1", "M mixed.txt +2 -2"])
        #expect(commits[2]["summary"] as? String == "" && commits[2]["message"] as? String == "")
        #expect((commits[1]["summary"] as? String)?.count == 100_000)
        #expect((commits[0]["message"] as? String)?.split(separator: "\n").count == 2_001)
        #expect(commits[0]["category"] as? String == "fix")
    }

    @Test func datesFarFromNowKeepTheirOffsets() throws {
        let times = try records("dates").compactMap { $0["author_time"] as? String }.sorted()
        #expect(times == ["1901-12-14T00:00:00-12:00", "1969-07-20T20:17:00+00:00", "2025-06-15T12:00:00+05:45",
                          "2025-06-15T12:00:00-09:30", "2025-12-31T23:30:00-12:00", "2026-01-01T00:30:00+14:00",
                          "2038-01-19T03:14:08+00:00", "2106-02-07T06:28:16+14:00", "2150-06-30T23:59:59-12:00"])
        let result = try Shell.ktlo(["report", "--repo", try Fixtures.path("dates"), "--by", "year", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let periods = try #require(document["periods"] as? [[String: Any]])
        let busy = periods.filter { ($0["commits"] as? Int ?? 0) > 0 }
            .map { "\($0["period"]!):\($0["commits"]!)" }
        // Each date in its author's own calendar: 31 Dec 2025 at −12:00 is 2025, 1 Jan 2026 at +14:00 is 2026.
        #expect(busy == ["1901:1", "1969:1", "2025:3", "2026:1", "2038:1", "2106:1", "2150:1"])
        #expect(periods.first?["period"] as? String == "1901" && periods.count == 250)
    }

    @Test func submodulesCountOneLinePerCommitTheyPointAt() throws {
        let commits = try records("submodule")
        #expect(commits.map(churn) == [["D lib +0 -1", "M .gitmodules +0 -3"], ["M lib +1 -1"],
                                       ["A .gitmodules +3 -0", "A lib +1 -0"], ["A app.txt +1 -0"]])
    }

    /// libgit2's revision parser refuses a malformed commit even by its full name; ktlo finds it without parsing (and
    /// `ktlo ci` names its base that way).
    @Test func aMalformedCommitNamedByItsFullName() throws {
        let path = try Fixtures.path("malformed")
        let sha = try Shell.git(["rev-parse", "HEAD~1"], in: path).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try Shell.ktlo(["classify", "--repo", path, sha, "--format", "ndjson"])
        #expect(result.status == 0, "\(result.standardErrorText)")
        let record = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(record["summary"] as? String == "Malformed signature")
        let range = try Shell.ktlo(["commits", "--repo", path, "HEAD", "^" + sha, "--format", "ndjson"])
        #expect(range.status == 0 && range.standardOutputText.split(separator: "\n").count == 1)
    }

    @Test func partialCloneCountsWhatItHas() throws {
        let commits = try records("partial")
        let missing = commits.flatMap { ($0["files"] as? [[String: Any]]) ?? [] }
            .filter { $0["missing_content"] as? Bool == true }
        #expect(missing.count == 8)
        #expect(commits.allSatisfy { $0["added"] as? Int == 0 && $0["deleted"] as? Int == 0 })
    }
}
