import Foundation
import Testing
import TestSupport
@testable import Git

/// A walk that replays a memo gives exactly the commits of a walk that reads them all, and the memo empties.
@Suite struct CommitMemoTests {
    private func walk(_ repository: Repository, memo: RevisionWalk.MemoUse?) throws -> [Commit] {
        let walk = try RevisionWalk(repository: repository, include: [try repository.resolveCommit("HEAD")])
        walk.memo = memo
        var commits: [Commit] = []
        while let commit = try walk.next() { commits.append(commit) }
        return commits
    }

    private func same(_ one: [Commit], _ two: [Commit]) -> Bool {
        one.count == two.count && zip(one, two).allSatisfy { first, second in
            first.id == second.id && first.parents == second.parents && first.message == second.message
                && first.author == second.author && first.committer == second.committer && first.tree == second.tree
        }
    }

    @Test func aReplayedWalkIsTheWalk() throws {
        let repository = try Repository.open(at: try Fixtures.path("merges"))
        let plain = try walk(repository, memo: nil)
        let memo = CommitMemo()
        #expect(same(try walk(repository, memo: .record(memo)), plain))
        // Every commit but the tip, which a walk reads before it can be told to use a memo.
        #expect(memo.count == plain.count - 1)
        #expect(same(try walk(repository, memo: .replay(memo)), plain))
        #expect(memo.count == 0)
    }

    @Test func aFullMemoKeepsNoMoreAndTheWalkStillReadsEverything() throws {
        let repository = try Repository.open(at: try Fixtures.path("merges"))
        let plain = try walk(repository, memo: nil)
        let memo = CommitMemo(budget: 600)
        _ = try walk(repository, memo: .record(memo))
        #expect(memo.count >= 1 && memo.count < plain.count - 1)
        #expect(same(try walk(repository, memo: .replay(memo)), plain))
        #expect(memo.count == 0)
    }
}
