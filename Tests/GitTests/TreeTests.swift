import Foundation
import Testing
import TestSupport
@testable import Git

/// Listing a commit's files and reading their blobs, checked against `git ls-tree` and `git cat-file`.
@Suite struct TreeTests {
    @Test func listsEveryFileWithItsBlobAsGitDoes() throws {
        let path = try Fixtures.path("renames")
        let repository = try Repository.open(at: path)
        let files = try repository.files(at: try repository.resolveCommit("HEAD"))
        let listing = try Shell.git(["ls-tree", "-r", "HEAD"], in: path).standardOutputText
        let expected = listing.split(separator: "\n").map { line -> String in
            let fields = line.split(separator: "\t", maxSplits: 1)
            let meta = fields[0].split(separator: " ")
            return "\(meta[0]) \(meta[2]) \(fields[1])"
        }
        let modes: [FileMode: String] = [.regular: "100644", .executable: "100755", .symlink: "120000",
                                         .submodule: "160000"]
        #expect(files.map { "\(modes[$0.mode]!) \($0.id.hex) \($0.path)" } == expected)
        #expect(files.first { $0.path == "target.txt" }?.mode == .symlink)
    }

    @Test func walksSubfoldersAndWorksInABareRepository() throws {
        let repository = try Repository.discover(from: try Fixtures.path("bare"))
        let files = try repository.files(at: try repository.resolveCommit("HEAD"))
        #expect(files.map(\.path) == [".mailmap", "src/main.c", "src/util.c"])
    }

    @Test func readsBlobsAndTellsBinaryFromText() throws {
        let path = try Fixtures.path("binary")
        let repository = try Repository.open(at: path)
        let head = try repository.resolveCommit("HEAD")
        let files = Dictionary(uniqueKeysWithValues: try repository.files(at: head).map { ($0.path, $0.id) })
        let image = try repository.blobContent(try #require(files["image.png"]))
        #expect(image.isBinary)
        #expect(image.bytes.count == 18)
        let notes = try repository.blobContent(try #require(files["notes.txt"]))
        #expect(notes.isBinary)  // a NUL byte makes a text file binary, as in git
        let text = try repository.blobContent(try #require(try repository.blobID(at: "notes.txt", in:
            try repository.resolveCommit("HEAD~1"))))
        #expect(!text.isBinary)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "text 1\ntext 2\ntext 3\ntext 4\n")
    }

    @Test func aPathThatIsNotAFileHasNoBlob() throws {
        let repository = try Repository.open(at: try Fixtures.path("linear"))
        let head = try repository.resolveCommit("HEAD")
        #expect(try repository.blobID(at: "src", in: head) == nil)
        #expect(try repository.blobID(at: "no/such/file", in: head) == nil)
        #expect(try repository.blobID(at: "src/util.c", in: head) != nil)
    }

    @Test func aMissingBlobIsATypedError() throws {
        let path = try Fixtures.path("missing-blob")
        let repository = try Repository.open(at: path)
        let id = try #require(try repository.blobID(at: "src/util.c", in: try repository.resolveCommit("HEAD~2")))
        #expect(throws: GitError.self) { try repository.blobContent(id) }
    }
}
