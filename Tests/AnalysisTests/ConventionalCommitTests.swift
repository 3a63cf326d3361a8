import Testing
@testable import Analysis

@Suite struct ConventionalCommitTests {
    @Test func parsesTypeScopeBreakingAndDescription() throws {
        let commit = try #require(ConventionalCommit.parse(subject: "feat(parser)!: accept trailing commas"))
        #expect(commit.type == "feat")
        #expect(commit.scope == "parser")
        #expect(commit.isBreaking)
        #expect(commit.description == "accept trailing commas")
        #expect(commit.declaredCategory == .feature)
    }

    @Test func typesAreCaseInsensitive() {
        #expect(ConventionalCommit.parse(subject: "FIX: handle EOF")?.type == "fix")
        #expect(ConventionalCommit.parse(subject: "Docs: typo")?.declaredCategory == .docs)
    }

    @Test func breakingChangeFooters() {
        #expect(ConventionalCommit.parse(subject: "refactor: drop v1", body: "BREAKING CHANGE: v1 is gone")?
            .isBreaking == true)
        #expect(ConventionalCommit.parse(subject: "refactor: drop v1", body: "x\nBREAKING-CHANGE: gone")?
            .isBreaking == true)
        #expect(ConventionalCommit.parse(subject: "refactor: drop v1", body: "breaking change: lower case")?
            .isBreaking == false)
    }

    @Test(arguments: ["fix:no space", "fix : space before", "(scope): no type", "fix(: broken scope",
                      "fix: ", "just a sentence", "fix(a)(b): two scopes", "1fix: digit first"])
    func rejects(_ subject: String) {
        #expect(ConventionalCommit.parse(subject: subject) == nil)
    }

    @Test(arguments: [
        ("feat: x", Category.feature), ("feature: x", .feature), ("fix: x", .fix), ("bugfix: x", .fix),
        ("hotfix: x", .fix), ("perf: x", .refactor), ("refactor: x", .refactor), ("style: x", .refactor),
        ("build: x", .maintenance), ("ci: x", .maintenance), ("chore: x", .maintenance), ("deps: x", .maintenance),
        ("docs: x", .docs), ("test: x", .test), ("tests: x", .test), ("revert: x", .revert), ("release: x", .other),
        ("chore(deps): x", .maintenance), ("chore(release): x", .other), ("feat(deps): x", .maintenance),
    ])
    func typeMapping(_ subject: String, _ category: Category) {
        #expect(ConventionalCommit.parse(subject: subject)?.declaredCategory == category)
    }

    @Test func unknownTypesFallThrough() {
        #expect(ConventionalCommit.parse(subject: "cmake: fix the build")?.declaredCategory == nil)
        #expect(ConventionalCommit.parse(subject: "wip: something")?.declaredCategory == nil)
    }

    @Test func adoptionIsMeasured() {
        let conventional = Array(repeating: "fix: x", count: 30) + Array(repeating: "Fix x", count: 20)
        let adopted = ConventionalCommitAdoption.measure(subjects: conventional)
        #expect(adopted.isAdopted)
        #expect(adopted.sample == 50 && adopted.conforming == 30)
        #expect(adopted.description == "60 % of 50 subjects use Conventional Commits")

        // Area prefixes of a non-adopting repository are not types.
        let areas = ["cmake: fix x", "tests: add y", "lib: z", "docs: w"] + Array(repeating: "Fix x", count: 10)
        #expect(!ConventionalCommitAdoption.measure(subjects: areas).isAdopted)
        // Too few subjects say nothing.
        #expect(!ConventionalCommitAdoption.measure(subjects: ["feat: a", "fix: b"]).isAdopted)
    }
}
