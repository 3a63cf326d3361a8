import Foundation
import Testing
import TestSupport
@testable import Git

@Suite struct RevisionWalkTests {
    /// The commits git lists for `arguments`, as a set of full names.
    private func gitList(_ arguments: [String], in path: String) throws -> [String] {
        try Shell.git(["rev-list"] + arguments, in: path).standardOutputText
            .split(separator: "\n").map(String.init)
    }

    private func walk(_ path: String, include: [String], exclude: [String] = [], firstParent: Bool = false)
        throws -> [String] {
        let repository = try Repository.open(at: path)
        let walk = try RevisionWalk(repository: repository,
                                    include: try include.map { try repository.resolveCommit($0) },
                                    exclude: try exclude.map { try repository.resolveCommit($0) },
                                    firstParent: firstParent,
                                    shallowBoundary: try repository.shallowBoundary())
        var ids: [String] = []
        while let commit = try walk.next() { ids.append(commit.id.hex) }
        return ids
    }

    @Test func allCommitsFromHead() throws {
        let path = try Fixtures.path("merges")
        let ids = try walk(path, include: ["HEAD"])
        #expect(ids == (try gitList(["HEAD"], in: path)))
        #expect(ids.count == 7)
    }

    @Test func firstParentOnly() throws {
        let path = try Fixtures.path("merges")
        let ids = try walk(path, include: ["HEAD"], firstParent: true)
        #expect(ids == (try gitList(["--first-parent", "HEAD"], in: path)))
        #expect(ids.count == 4)
    }

    @Test func twoDotRange() throws {
        let path = try Fixtures.path("merges")
        for (from, to) in [("HEAD~1", "HEAD"), ("feature", "main"), ("main", "feature"), ("HEAD~1^2", "HEAD")] {
            let ids = try walk(path, include: [to], exclude: [from])
            #expect(Set(ids) == Set(try gitList(["\(from)..\(to)"], in: path)), "\(from)..\(to)")
        }
    }

    @Test func symmetricDifference() throws {
        let path = try Fixtures.path("merges")
        let repository = try Repository.open(at: path)
        let left = try repository.resolveCommit("HEAD^2")
        let right = try repository.resolveCommit("HEAD^3")
        let bases = try repository.mergeBases(left, right)
        let ids = try walk(path, include: ["HEAD^2", "HEAD^3"], exclude: bases.map(\.hex))
        #expect(Set(ids) == Set(try gitList(["HEAD^2...HEAD^3"], in: path)))
        #expect(ids.count == 2)
    }

    @Test func stopsAtTheShallowBoundary() throws {
        let path = try Fixtures.path("shallow")
        let ids = try walk(path, include: ["HEAD"])
        #expect(ids == (try gitList(["HEAD"], in: path)))
        #expect(ids.count == 2)
    }

    @Test func aMissingParentIsAnError() throws {
        let path = try Fixtures.fresh("linear")
        // Remove a commit object from the (loose) object database: the walk must fail clearly, not skip it.
        let parent = try Shell.git(["rev-parse", "HEAD~2"], in: path).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: "\(path)/.git/objects/\(parent.prefix(2))/\(parent.dropFirst(2))")
        do {
            _ = try walk(path, include: ["HEAD"])
            Issue.record("expected the walk to fail")
        } catch let error as GitError {
            #expect(error.code == .notFound)
            #expect(error.message.contains(parent))
        }
    }
}
