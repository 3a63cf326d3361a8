import Foundation
import Git
import Testing
import TestSupport
@testable import History

@Suite struct HistoryReaderTests {
    private func records(_ fixture: String, _ options: HistoryOptions = HistoryOptions()) throws
        -> (records: [CommitRecord], reader: HistoryReader) {
        let reader = try HistoryReader(path: try Fixtures.path(fixture), options: options)
        var records: [CommitRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (records, reader)
    }

    @Test func linearHistoryEveryField() throws {
        let (records, reader) = try records("linear")
        #expect(reader.warnings.isEmpty)
        #expect(records.map(\.summary) == ["Add mailmap", "Remove a.txt", "Add util helpers",
                                           "fix: drop the first alpha line", "Extend a.txt", "Initial import"])
        #expect(records.map(\.added) == [1, 0, 4, 3, 2, 15])
        #expect(records.map(\.deleted) == [0, 11, 0, 1, 0, 0])
        #expect(records.map(\.author.name) == ["Ada Lovelace", "Ada Lovelace", "Grace Hopper", "Ada Lovelace",
                                               "Grace Hopper", "Ada Lovelace"])
        // The old e-mail is joined to the current one through .mailmap.
        #expect(records.map(\.author.email) == ["ada@example.com", "ada@example.com", "grace@example.com",
                                                "ada@example.com", "grace@example.com", "ada@example.com"])
        #expect(records.map(\.authorTime.iso8601) == [
            "2025-04-02T16:20:00+01:00", "2025-04-02T10:00:00+01:00", "2025-03-31T23:30:00-07:00",
            "2025-03-03T08:15:00+05:30", "2025-02-14T17:45:00+00:00", "2025-01-06T09:00:00+01:00",
        ])
        #expect(records.last?.parents == [])
        #expect(records.dropLast().allSatisfy { $0.parents.count == 1 })
        #expect(records.allSatisfy { $0.isDiffed && !$0.isMerge && !$0.isShallowBoundary })
        #expect(records[3].message == "fix: drop the first alpha line\n")
    }

    @Test func withoutChurnTheWalkReadsOnlyWhoAndWhen() throws {
        let (full, reader) = try records("linear", HistoryOptions(paths: PathFilter(include: ["src/**"])))
        let (headers, _) = try records("linear", HistoryOptions(paths: PathFilter(include: ["src/**"]),
                                                                readsChurn: false))
        // Path narrowing needs the diff, so a walk without churn keeps every commit of the range.
        #expect(full.count == 3)
        #expect(headers.count == 6)
        #expect(headers.allSatisfy { $0.files.isEmpty && !$0.isDiffed })
        #expect(headers.map(\.author.email).filter { $0 == "ada@example.com" }.count == 4)
        #expect(reader.analysedRevision == headers.first?.id)  // HEAD, though the first commit touching src/ is older
    }

    @Test func sinceAndUntilUseTheAuthorsCalendar() throws {
        let options = HistoryOptions(since: .day(CivilDate(year: 2025, month: 3, day: 31)),
                                     until: .day(CivilDate(year: 2025, month: 3, day: 31)))
        #expect(try records("linear", options).records.map(\.summary) == ["Add util helpers"])
        let april = HistoryOptions(since: .day(CivilDate(year: 2025, month: 4, day: 1)))
        #expect(try records("linear", april).records.map(\.summary) == ["Add mailmap", "Remove a.txt"])
    }

    @Test func rangesAndFirstParent() throws {
        #expect(try records("linear", HistoryOptions(revisions: ["HEAD~2..HEAD"])).records.map(\.summary)
            == ["Add mailmap", "Remove a.txt"])
        #expect(try records("linear", HistoryOptions(revisions: ["HEAD~1", "^HEAD~3"])).records.map(\.summary)
            == ["Remove a.txt", "Add util helpers"])
        let mainline = try records("merges", HistoryOptions(firstParent: true)).records
        #expect(mainline.map(\.summary) == ["Octopus merge", "Merge branch 'feature'", "Mainline work", "Base"])
    }

    @Test func mergesCarryNoChurnUnlessAsked() throws {
        let plain = try records("merges").records
        let merges = plain.filter(\.isMerge)
        #expect(merges.map(\.summary) == ["Octopus merge", "Merge branch 'feature'"])
        #expect(merges.allSatisfy { $0.files.isEmpty && !$0.isDiffed })
        #expect(merges[0].parents.count == 3)

        let diffed = try records("merges", HistoryOptions(diffMerges: true)).records.filter(\.isMerge)
        #expect(diffed.map { $0.files.map(\.path) } == [["left.txt", "right.txt"], ["feature.txt"]])
        #expect(diffed.map(\.added) == [2, 6])
    }

    @Test func includeNarrowsTheCommitsAndExcludeFlagsFiles() throws {
        let included = try records("linear", HistoryOptions(paths: PathFilter(include: ["src/**"]))).records
        #expect(included.map(\.summary) == ["Add util helpers", "fix: drop the first alpha line", "Initial import"])
        let fix = included[1]
        #expect(fix.files.map(\.exclusion) == [.notIncluded, nil])
        #expect((fix.added, fix.deleted) == (3, 0))

        let excluded = try records("linear", HistoryOptions(paths: PathFilter(exclude: ["a.txt"]))).records
        #expect(excluded.count == 6)
        #expect(excluded.map(\.added) == [1, 0, 4, 3, 0, 5])
        #expect(excluded[1].files.first?.exclusion == .pattern("a.txt"))
    }

    @Test func generatedVendoredAndLockFilesAreFlaggedNotDropped() throws {
        let records = try records("attributes").records
        #expect(records.count == 2)
        let first = records[1]
        let exclusions = Dictionary(uniqueKeysWithValues: first.files.map { ($0.path, $0.exclusion) })
        #expect(exclusions["src/app.c"] == .some(nil))
        #expect(exclusions["vendor/lib/ours.c"] == .some(nil))
        #expect(exclusions[".gitattributes"] == .some(nil))
        #expect(exclusions["gen/parser.c"] == .linguistGenerated)
        #expect(exclusions["third/lib.c"] == .linguistVendored)
        #expect(exclusions["vendor/lib/theirs.c"] == .byDefault(.vendored, pattern: "vendor/"))
        #expect(exclusions["package-lock.json"] == .byDefault(.lockfile, pattern: "package-lock.json"))
        #expect(exclusions["app.min.js"] == .byDefault(.minified, pattern: "*.min.js"))
        // Counted: app.c (10), ours.c (4), .gitattributes (3 lines).
        #expect((first.added, first.deleted) == (17, 0))
        // The lockfile-only commit stays in the history with no churn.
        #expect(records[0].summary == "Update the lockfile only")
        #expect((records[0].added, records[0].deleted) == (0, 0))
        #expect(records[0].files.map(\.deleted) == [6])

        let everythingOptions = HistoryOptions(paths: PathFilter(useDefaultExcludes: false),
                                               useLinguistAttributes: false)
        let everything = try self.records("attributes", everythingOptions).records
        let allLines = 17 + 7 + 5 + 6 + 9 + 2
        #expect(everything[1].added == allLines)
    }

    @Test func shallowCloneWarnsAndLeavesTheBoundaryUndiffed() throws {
        let (records, reader) = try records("shallow")
        #expect(records.count == 2)
        #expect(!records[0].isShallowBoundary && records[0].isDiffed)
        #expect(records[1].isShallowBoundary && !records[1].isDiffed && records[1].files.isEmpty)
        #expect(reader.warnings.map(\.kind) == ["shallow_clone"])
        #expect(reader.warnings[0].message.contains("fetch-depth: 0"))
    }

    @Test func malformedCommitIsReadWithAWarning() throws {
        let (records, reader) = try records("malformed")
        #expect(records.map(\.summary) == ["After the malformed one", "Malformed signature", "First"])
        #expect(records.map(\.added) == [1, 1, 1])
        #expect(reader.warnings.map(\.kind) == ["malformed_commit"])
    }

    @Test func bareRepositoryAndWorktree() throws {
        #expect(try records("bare").records.count == 6)
        let worktree = try HistoryReader(path: try Fixtures.path("worktree") + "/wt", options: HistoryOptions())
        #expect(try worktree.next()?.summary == "Work in the worktree")
    }

    @Test func badInputIsOneTypedError() throws {
        func failure(_ path: String, _ options: HistoryOptions = HistoryOptions()) -> String? {
            do {
                _ = try HistoryReader(path: path, options: options)
                return nil
            } catch {
                return error.description
            }
        }
        let scratch = try Fixtures.temporaryFolder()
        #expect(failure(scratch + "/nope") == "no such file or folder: \(scratch)/nope")
        _ = FileManager.default.createFile(atPath: scratch + "/file", contents: Data("x".utf8))
        #expect(failure(scratch + "/file")?.hasPrefix("not a folder: ") == true)
        #expect(failure(scratch) == "not a Git repository (nor inside one): \(scratch)")
        let empty = try Fixtures.path("empty")
        #expect(failure(empty) == "the repository at \(empty) has no commits yet")
        #expect(failure(try Fixtures.path("unborn"))
            == "HEAD is on branch 'orphan', which has no commits yet; name a revision to analyse")
        #expect(failure(try Fixtures.path("linear"), HistoryOptions(revisions: ["nope"]))?
            .hasPrefix("unknown revision 'nope': ") == true)
        for message in [failure(scratch + "/nope"), failure(scratch)].compactMap({ $0 }) {
            #expect(!message.contains("\n"))
        }
    }

    @Test func anUnreadableObjectStopsTheWalkWithAnError() throws {
        let reader = try HistoryReader(path: try Fixtures.path("missing-object"), options: HistoryOptions())
        do {
            while try reader.next() != nil {}
            Issue.record("expected an error")
        } catch {
            switch error {
            case .unreadableObject, .unreadableCommit: break
            default: Issue.record("unexpected \(error)")
            }
            #expect(error.description.hasPrefix("cannot read the history: "))
        }
    }

    @Test func missingBlobsAreCountedWithAWarning() throws {
        let (records, reader) = try records("missing-blob")
        #expect(records.count == 6)
        #expect(records[2].summary == "Add util helpers")
        #expect(records[2].files.map(\.delta.isContentMissing) == [true])
        #expect(records[2].added == 0)
        #expect(reader.warnings.map(\.kind) == ["missing_blobs"])
        #expect(reader.warnings[0].message.contains("1 file version(s) count 0 lines"))
    }
}
