import Git
import History
import Testing
@testable import Analysis

@Suite struct EffortCommitCodingTests {
    private let commits = [
        EffortCommit(author: Identity(name: "Zoë Ünïcode", email: "zoe@example.com"),
                     day: CivilDate(year: 1969, month: 7, day: 20), category: .fix, isMerge: false, isBot: false,
                     isLowConfidence: true, churn: 300_000, files: []),
        EffortCommit(author: Identity(name: "dependabot[bot]", email: ""), day: CivilDate(year: 2106, month: 2, day: 7),
                     category: .maintenance, isMerge: false, isBot: true, isLowConfidence: false, churn: 0, files: []),
        EffortCommit(author: Identity(name: "Zoë Ünïcode", email: "zoe@example.com"),
                     day: CivilDate(year: 2024, month: 2, day: 29), category: .merge, isMerge: true, isBot: false,
                     isLowConfidence: false, churn: 0, files: []),
    ]

    private func same(_ one: [EffortCommit], _ two: [EffortCommit]) -> Bool {
        one.count == two.count && zip(one, two).allSatisfy { first, second in
            first.author == second.author && first.day == second.day && first.category == second.category
                && first.isMerge == second.isMerge && first.isBot == second.isBot
                && first.isLowConfidence == second.isLowConfidence && first.churn == second.churn
        }
    }

    @Test func roundTrips() throws {
        let bytes = EffortCommitCoding.encode(commits)
        #expect(same(try #require(EffortCommitCoding.decode(bytes)), commits))
        #expect(EffortCommitCoding.decode(EffortCommitCoding.encode([]))?.isEmpty == true)
    }

    @Test func refusesWhatItDidNotWrite() {
        let bytes = EffortCommitCoding.encode(commits)
        #expect(EffortCommitCoding.decode([]) == nil)
        #expect(EffortCommitCoding.decode(Array(bytes.dropLast())) == nil)
        #expect(EffortCommitCoding.decode(bytes + [0]) == nil)
        var otherVersion = bytes
        otherVersion[0] = 99
        #expect(EffortCommitCoding.decode(otherVersion) == nil)
    }
}
