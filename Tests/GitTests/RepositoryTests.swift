import Foundation
import Testing
import TestSupport
@testable import Git

@Suite struct RepositoryTests {
    @Test func opensAWorkingTreeAndDiscoversFromASubfolder() throws {
        let path = try Fixtures.path("linear")
        let repository = try Repository.open(at: path)
        #expect(!repository.isBare)
        #expect(!repository.isShallow)
        #expect(!repository.isEmpty)
        #expect(repository.workingDirectory == path + "/")
        let discovered = try Repository.discover(from: path + "/src")
        #expect(discovered.gitDirectory == repository.gitDirectory)
        #expect(try discovered.head() == repository.head())
    }

    @Test func openAtDoesNotSearchUpward() throws {
        let path = try Fixtures.path("linear")
        #expect(throws: GitError.self) { try Repository.open(at: path + "/src") }
        do {
            _ = try Repository.open(at: path + "/src")
        } catch {
            #expect(error.code == .notFound)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func headOnABranch() throws {
        let repository = try Repository.open(at: try Fixtures.path("linear"))
        let head = try repository.head()
        guard case .branch(let name, let commit) = head else {
            Issue.record("expected a branch, got \(head)")
            return
        }
        #expect(name == "main")
        let expected = try Shell.git(["rev-parse", "HEAD"], in: Fixtures.path("linear"))
            .standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(commit.hex == expected)
    }

    @Test func bareRepository() throws {
        let repository = try Repository.discover(from: try Fixtures.path("bare"))
        #expect(repository.isBare)
        #expect(repository.workingDirectory == nil)
        #expect(try repository.head().commit != nil)
    }

    @Test func linkedWorktree() throws {
        let repository = try Repository.discover(from: try Fixtures.path("worktree") + "/wt")
        #expect(repository.isWorktree)
        guard case .branch(let name, _) = try repository.head() else {
            Issue.record("expected the worktree's branch")
            return
        }
        #expect(name == "side")
    }

    @Test func shallowCloneAndItsBoundary() throws {
        let path = try Fixtures.path("shallow")
        let repository = try Repository.open(at: path)
        #expect(repository.isShallow)
        let boundary = try repository.shallowBoundary()
        let expected = try Shell.git(["rev-parse", "HEAD~1"], in: path).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(boundary.map(\.hex) == [expected])
    }

    @Test func emptyAndUnborn() throws {
        let empty = try Repository.open(at: try Fixtures.path("empty"))
        #expect(empty.isEmpty)
        #expect(try empty.head() == .unborn(branch: "main"))

        let unborn = try Repository.open(at: try Fixtures.path("unborn"))
        #expect(!unborn.isEmpty)
        #expect(try unborn.head() == .unborn(branch: "orphan"))
    }

    @Test func revisionsAndRanges() throws {
        let path = try Fixtures.path("linear")
        let repository = try Repository.open(at: path)
        func rev(_ spec: String) throws -> ObjectID {
            try #require(ObjectID(hex: Shell.git(["rev-parse", spec], in: path).standardOutputText
                .trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        #expect(try repository.resolveCommit("HEAD~2") == rev("HEAD~2"))
        #expect(try repository.parseRevision("main") == .single(rev("main")))
        #expect(try repository.parseRevision("HEAD~3..HEAD") == .range(from: rev("HEAD~3"), to: rev("HEAD")))
        #expect(try repository.parseRevision("HEAD~3...HEAD~1") == .symmetricDifference(rev("HEAD~3"), rev("HEAD~1")))
        #expect(try repository.mergeBases(rev("HEAD~3"), rev("HEAD")) == [rev("HEAD~3")])
    }

    @Test func unknownRevisionsAreTypedErrors() throws {
        let repository = try Repository.open(at: try Fixtures.path("linear"))
        do {
            _ = try repository.resolveCommit("no-such-branch")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message.contains("no-such-branch"))
            #expect(error.operation == "git_revparse_single")
        }
        // A tree is not a commit.
        #expect(throws: GitError.self) { try repository.resolveCommit("HEAD^{tree}") }
    }

    @Test func commitValues() throws {
        let repository = try Repository.open(at: try Fixtures.path("linear"))
        let head = try #require(try repository.head().commit)
        let commit = try repository.commit(head)
        #expect(commit.summary == "Add mailmap")
        #expect(commit.author.name == "Ada Lovelace")
        #expect(commit.author.time.iso8601 == "2025-04-02T16:20:00+01:00")
        #expect(commit.parents.count == 1)
        #expect(!commit.readLeniently)
        let parent = try repository.commit(commit.parents[0])
        #expect(parent.summary == "Remove a.txt")
        #expect(try repository.treeOfCommit(head) == commit.tree)
    }

    @Test func encodedMessagesAndNames() throws {
        let path = try Fixtures.path("encodings")
        let repository = try Repository.open(at: path)
        let head = try #require(try repository.head().commit)
        let broken = try repository.commit(head)
        #expect(broken.summary == "Broken \u{FFFD}\u{FFFD} bytes")
        let latin = try repository.commit(broken.parents[0])
        #expect(latin.encoding == "ISO-8859-1")
        #expect(latin.summary == "Café crème")
        #expect(latin.message == "Café crème\n\nDétails en français.\n")
        #expect(latin.author.name == "José García")
    }

    @Test func malformedCommitIsReadLeniently() throws {
        let path = try Fixtures.path("malformed")
        let repository = try Repository.open(at: path)
        let head = try #require(try repository.head().commit)
        let after = try repository.commit(head)
        let malformed = try repository.commit(after.parents[0])
        #expect(malformed.readLeniently)
        #expect(malformed.summary == "Malformed signature")
        #expect(malformed.author.email == "")
        #expect(malformed.committer.email == "ada@example.com")
        #expect(malformed.committer.time.secondsSinceEpoch == 0)
        #expect(malformed.parents.count == 1)
    }

    @Test func missingObjectIsATypedError() throws {
        let path = try Fixtures.path("missing-blob")
        let repository = try Repository.open(at: path)
        let blob = try #require(ObjectID(hex: Shell.git(["rev-parse", "HEAD~2:src/util.c"], in: path)
            .standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)))
        do {
            _ = try repository.rawObject(blob)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message.contains(blob.hex))
        }
    }

    @Test func mailmapResolves() throws {
        let repository = try Repository.open(at: try Fixtures.path("linear"))
        let mailmap = try repository.mailmap()
        let resolved = try mailmap.resolve(name: "Ada Lovelace", email: "ada@old.example.org")
        #expect(resolved.name == "Ada Lovelace")
        #expect(resolved.email == "ada@example.com")
        let untouched = try mailmap.resolve(name: "Grace Hopper", email: "grace@example.com")
        #expect(untouched.email == "grace@example.com")
    }

    @Test func attributesAtACommit() throws {
        let path = try Fixtures.path("attributes")
        let repository = try Repository.open(at: path)
        let head = try #require(try repository.head().commit)
        #expect(try repository.attribute("linguist-generated", for: "gen/parser.c", at: head) == .set)
        #expect(try repository.attribute("linguist-vendored", for: "third/lib.c", at: head) == .set)
        #expect(try repository.attribute("linguist-vendored", for: "vendor/lib/ours.c", at: head) == .unset)
        #expect(try repository.attribute("linguist-generated", for: "src/app.c", at: head) == .unspecified)
    }
}
