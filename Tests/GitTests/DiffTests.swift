import Foundation
import Testing
import TestSupport
@testable import Git

@Suite struct DiffTests {
    private func diff(_ path: String, _ revision: String, options: DiffOptions = DiffOptions()) throws -> [FileDelta] {
        let repository = try Repository.open(at: path)
        let commit = try repository.commit(try repository.resolveCommit(revision))
        let parentTree = try commit.parents.first.map { try repository.treeOfCommit($0) }
        return try repository.diff(from: parentTree, to: commit.tree, options: options).files
            .sorted { $0.path < $1.path }
    }

    @Test func rootCommitAgainstTheEmptyTree() throws {
        let deltas = try diff(try Fixtures.path("linear"), "HEAD~5")
        #expect(deltas == [
            FileDelta(path: "a.txt", status: .added, added: 10, deleted: 0),
            FileDelta(path: "src/main.c", status: .added, added: 5, deleted: 0),
        ])
    }

    @Test func modificationsAndDeletions() throws {
        let path = try Fixtures.path("linear")
        #expect(try diff(path, "HEAD~3") == [
            FileDelta(path: "a.txt", status: .modified, added: 0, deleted: 1),
            FileDelta(path: "src/main.c", status: .modified, added: 3, deleted: 0),
        ])
        #expect(try diff(path, "HEAD~1") == [FileDelta(path: "a.txt", status: .deleted, added: 0, deleted: 11)])
    }

    @Test func exactRename() throws {
        #expect(try diff(try Fixtures.path("renames"), "HEAD~4") == [
            FileDelta(path: "uno.txt", oldPath: "one.txt", status: .renamed, added: 0, deleted: 0, similarity: 100),
        ])
    }

    @Test func renameWithEdits() throws {
        let deltas = try diff(try Fixtures.path("renames"), "HEAD~3")
        #expect(deltas.count == 1)
        #expect(deltas[0].status == .renamed)
        #expect(deltas[0].oldPath == "two.txt")
        #expect(deltas[0].path == "dos.txt")
        #expect((deltas[0].added, deltas[0].deleted) == (3, 2))
    }

    @Test func dissimilarFilesAreNotARename() throws {
        #expect(try diff(try Fixtures.path("renames"), "HEAD~2") == [
            FileDelta(path: "three.txt", status: .deleted, added: 0, deleted: 10),
            FileDelta(path: "tres.txt", status: .added, added: 10, deleted: 0),
        ])
    }

    @Test func typeChangeIsOneEntryCountingBothContents() throws {
        #expect(try diff(try Fixtures.path("renames"), "HEAD~1") == [
            FileDelta(path: "target.txt", status: .typeChanged, added: 1, deleted: 3),
        ])
    }

    @Test func aPathThatStillExistsIsNotARenameSource() throws {
        #expect(try diff(try Fixtures.path("renames"), "HEAD") == [
            FileDelta(path: "keep.txt", status: .modified, added: 1, deleted: 8),
            FileDelta(path: "moved.txt", status: .added, added: 8, deleted: 0),
        ])
    }

    @Test func withoutRenameDetection() throws {
        let options = DiffOptions(detectRenames: false)
        #expect(try diff(try Fixtures.path("renames"), "HEAD~4", options: options) == [
            FileDelta(path: "one.txt", status: .deleted, added: 0, deleted: 20),
            FileDelta(path: "uno.txt", status: .added, added: 20, deleted: 0),
        ])
    }

    @Test func binaryFiles() throws {
        let path = try Fixtures.path("binary")
        #expect(try diff(path, "HEAD~1") == [
            FileDelta(path: "image.png", status: .modified, added: 0, deleted: 0, isBinary: true),
            FileDelta(path: "notes.txt", status: .modified, added: 1, deleted: 0),
        ])
        #expect(try diff(path, "HEAD") == [
            FileDelta(path: "notes.txt", status: .modified, added: 0, deleted: 0, isBinary: true),
        ])
    }

    /// The `diff` attribute of each path decides; the attributes of a file named "file" (`file -diff` in this
    /// fixture, which libgit2 would apply to every blob diffed without a path) decide nothing.
    @Test func diffAttributesDecideBinaryPerPath() throws {
        #expect(try diff(try Fixtures.path("diffattr"), "HEAD") == [
            FileDelta(path: "app.cfg", status: .modified, added: 0, deleted: 0, isBinary: true),
            FileDelta(path: "deps.lock", status: .modified, added: 0, deleted: 0, isBinary: true),
            FileDelta(path: "dump.raw", status: .modified, added: 1, deleted: 0),
            FileDelta(path: "plain.txt", status: .modified, added: 2, deleted: 0),
            FileDelta(path: "table.dat", status: .modified, added: 0, deleted: 0, isBinary: true),
        ])
    }

    /// A partial clone lacks blobs: the file is reported, flagged, with no lines, instead of failing the diff.
    @Test func missingBlobIsFlaggedNotFatal() throws {
        #expect(try diff(try Fixtures.path("missing-blob"), "HEAD~2") == [
            FileDelta(path: "src/util.c", status: .added, added: 0, deleted: 0, isContentMissing: true),
        ])
    }

    @Test func missingTreeIsAnError() throws {
        #expect(throws: GitError.self) { try diff(try Fixtures.path("missing-object"), "HEAD~2") }
    }

    /// 100664 and 100644 are the same mode to git; a tree rewritten from one to the other changes nothing.
    @Test func oldModeSpellingsAreNoChange() throws {
        let path = try Fixtures.path("oldmode")
        // The raw tree holds the old spelling (cat-file -p would show it canonicalised).
        let tree = try Shell.git(["cat-file", "tree", "HEAD~1^{tree}"], in: path).standardOutput
        #expect(tree.starts(with: Array("100664 file.txt".utf8)))
        #expect(try diff(path, "HEAD").isEmpty)
    }
}
