import Git
import History
import Testing
@testable import Analysis

/// Every rule of the classifier, with examples: the category it must give and the rule that must decide.
///
/// The rules are tested as rules: the learned model, which weighs their evidence afterwards, is off here and has
/// its own tests (LearnedModelTests). Most examples change a few lines of one file, a shape the model rightly
/// reads as a small fix whatever the words say.
@Suite struct ClassifierRuleTests {
    typealias File = CommitFactory.File

    struct Example: CustomTestStringConvertible, Sendable {
        let subject: String
        var body = ""
        var files: [File] = [File("src/main.c")]
        var author = "Ada Lovelace"
        var parents: [ObjectID] = [CommitFactory.parent]
        let category: Category
        let rule: String

        var testDescription: String { "\(subject) → \(category.rawValue) by \(rule)" }
    }

    static let notAdopted = ConventionalCommitAdoption(sample: 100, conforming: 3, isAdopted: false)
    static let adopted = ConventionalCommitAdoption(sample: 100, conforming: 95, isAdopted: true)
    static let rules = ClassifierConfiguration(learnedModel: false)
    let classifier = CommitClassifier(configuration: rules, adoption: notAdopted)

    private func check(_ example: Example, with classifier: CommitClassifier) {
        let record = CommitFactory.record(example.subject, body: example.body, files: example.files,
                                          author: example.author, parents: example.parents)
        let result = classifier.classify(record)
        #expect(result.category == example.category, "\(example.subject): \(result.reasons.map(\.detail))")
        #expect(result.reasons.first?.rule == example.rule || result.reasons.contains { $0.rule == example.rule },
                "\(example.subject): rules \(result.reasons.map(\.rule))")
        #expect(result.bucket == BucketMapping.standard.bucket(for: result.category))
        #expect((0...1).contains(result.confidence))
        #expect(!result.reasons.isEmpty)
    }

    // MARK: Structure

    static let structure: [Example] = [
        Example(subject: "Merge branch 'topic'", parents: [CommitFactory.parent, CommitFactory.otherParent],
                category: .merge, rule: "structure.merge"),
        Example(subject: "Revert \"Add the frobnicator\"", body: "This reverts commit 0123456789abcdef.",
                category: .revert, rule: "structure.revert"),
        Example(subject: "Undo the frobnicator", body: "This reverts commit 0123456789abcdef.\n\nIt broke CI.",
                category: .revert, rule: "structure.revert"),
        Example(subject: "Bump lodash from 4.17.20 to 4.17.21", author: "dependabot[bot]",
                category: .maintenance, rule: "structure.bot"),
        Example(subject: "Update dependency eslint to v9", author: "renovate-bot",
                category: .maintenance, rule: "structure.bot"),
        Example(subject: "Redis 7.2.4", category: .other, rule: "structure.release"),
        Example(subject: "v1.8.1", category: .other, rule: "structure.release"),
        Example(subject: "Release 2.3.0", category: .other, rule: "structure.release"),
        Example(subject: "Prepare for 2.40.1", category: .other, rule: "structure.release"),
        Example(subject: "version: bump for next cycle", category: .other, rule: "structure.release"),
        Example(subject: "Bump version for the next release", category: .other, rule: "structure.release"),
        Example(subject: "Bump copyright year", category: .other, rule: "structure.copyright"),
    ]

    @Test(arguments: structure)
    func structureRules(_ example: Example) {
        check(example, with: classifier)
    }

    @Test func configuredBots() {
        let configured = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: false, bots: ["release-robot"]),
                                          adoption: Self.notAdopted)
        check(Example(subject: "Fix crash in parser", author: "Release-Robot", category: .maintenance,
                      rule: "structure.bot"), with: configured)
    }

    // MARK: Conventional Commits

    static let conventional: [Example] = [
        Example(subject: "feat(parser): accept trailing commas", category: .feature, rule: "conventional.type"),
        Example(subject: "fix!: reject empty input", category: .fix, rule: "conventional.type"),
        Example(subject: "perf: cache the lookup table", category: .refactor, rule: "conventional.type"),
        Example(subject: "chore(deps): update typescript", category: .maintenance, rule: "conventional.type"),
        Example(subject: "fix(deps): update rust crate serde", category: .maintenance, rule: "conventional.type"),
        Example(subject: "chore(release): 1.2.0", category: .other, rule: "conventional.type"),
        Example(subject: "docs: explain the cache", files: [File("src/cache.c")], category: .docs,
                rule: "conventional.type"),
        Example(subject: "Test: cover the cache", files: [File("src/cache.c")], category: .test,
                rule: "conventional.type"),
    ]

    /// In a repository that adopted Conventional Commits, the declared type decides.
    @Test(arguments: conventional)
    func declaredTypesInAnAdoptingRepository(_ example: Example) {
        check(example, with: CommitClassifier(adoption: Self.adopted))
    }

    /// Elsewhere a prefix is an area: the rest of the subject is weighed, and a type word is just a word.
    @Test func prefixesAreAreasWhereNotAdopted() {
        check(Example(subject: "cmake: fix the build with clang 17", files: [File("src/a.c")], category: .fix,
                      rule: "message.fix-word"), with: classifier)
        check(Example(subject: "fix: drop the first alpha line", category: .fix, rule: "message.prefix"),
              with: classifier)
        check(Example(subject: "lib: add a streaming parser API", category: .feature, rule: "message.feature-word"),
              with: classifier)
    }

    @Test func configurationForcesTheDecision() {
        let never = CommitClassifier(configuration: ClassifierConfiguration(conventionalCommits: .never, learnedModel: false),
                                     adoption: Self.adopted)
        #expect(never.classify(CommitFactory.record("feat: remove dead code")).category == .refactor)
        let always = CommitClassifier(configuration: ClassifierConfiguration(conventionalCommits: .always, learnedModel: false),
                                      adoption: Self.notAdopted)
        #expect(always.classify(CommitFactory.record("feat: remove dead code")).category == .feature)
    }

    // MARK: Paths

    static let paths: [Example] = [
        Example(subject: "Fix typo in README", files: [File("README.md", .modified, 1, 1)], category: .docs,
                rule: "paths.only-documentation"),
        Example(subject: "Fix the crash described in the manual", files: [File("docs/manual.rst", .modified, 3, 3)],
                category: .docs, rule: "paths.only-documentation"),
        Example(subject: "Fix flaky test", files: [File("tests/unit/expire.tcl", .modified, 4, 2)],
                category: .test, rule: "paths.only-tests"),
        Example(subject: "Add tests for the parser", files: [File("t/t1234-parser.sh", .added, 40, 0),
                                                            File("src/parser_test.go", .modified, 10, 0)],
                category: .test, rule: "paths.only-tests"),
        Example(subject: "Document and test the option", files: [File("docs/option.md", .modified, 30, 0),
                                                                 File("tests/option.c", .modified, 5, 0)],
                category: .docs, rule: "paths.only-documentation"),
        Example(subject: "Fix the macOS job", files: [File(".github/workflows/ci.yml", .modified, 2, 2)],
                category: .maintenance, rule: "paths.only-CI"),
        Example(subject: "Update dependencies", files: [File("package.json"), File("yarn.lock", .modified, 300, 280,
                exclusion: .byDefault(.lockfile, pattern: "yarn.lock"))],
                category: .maintenance, rule: "paths.only-dependencies"),
        Example(subject: "Regenerate the parser", files: [File("src/parser.pb.go", .modified, 400, 380,
                exclusion: .byDefault(.generated, pattern: "*.pb.go"))],
                category: .maintenance, rule: "paths.only-generated"),
        Example(subject: "Use pkg-config to find zlib", files: [File("configure.ac"), File("Makefile.am")],
                category: .maintenance, rule: "paths.only-build"),
        Example(subject: "Fix the build on FreeBSD", files: [File("CMakeLists.txt", .modified, 2, 1)],
                category: .fix, rule: "paths.only-build"),
        // A capability of the build is still maintenance.
        Example(subject: "Add install and uninstall rules in Makefile", files: [File("Makefile", .modified, 12, 0)],
                category: .maintenance, rule: "paths.only-build"),
        Example(subject: "win32: support upgrading warnings to errors (/WX)",
                files: [File("CMakeLists.txt", .modified, 6, 0), File("cmake/DefaultCFlags.cmake", .modified, 4, 0)],
                category: .maintenance, rule: "paths.only-build"),
        // Test suites named after their framework ("tests-clar/").
        Example(subject: "remote push test fix", files: [File("tests-clar/network/remote/remotes.c", .modified, 2, 1)],
                category: .test, rule: "paths.only-tests"),
        Example(subject: "Fix clay under MinGW", files: [File("tests-clay/clay_main.c", .modified, 43, 35)],
                category: .test, rule: "paths.only-tests"),
    ]

    @Test(arguments: paths)
    func pathRules(_ example: Example) {
        check(example, with: classifier)
    }

    @Test func configuredPathClasses() {
        let configured = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: false, paths: [.test: ["qa/**"]]),
                                          adoption: Self.notAdopted)
        check(Example(subject: "Fix crash", files: [File("qa/crash.c")], category: .test, rule: "paths.only-tests"),
              with: configured)
    }

    // MARK: Message

    static let message: [Example] = [
        Example(subject: "Fix a crash when the input is empty", category: .fix, rule: "message.fix-word"),
        Example(subject: "Plug a memory leak in the reader", category: .fix, rule: "message.negation"),
        Example(subject: "Handle EINTR in the event loop", category: .fix, rule: "message.handle"),
        Example(subject: "Don't dereference a NULL client", category: .fix, rule: "message.negation"),
        Example(subject: "Do not leak the buffer on error", category: .fix, rule: "message.negation"),
        Example(subject: "Avoid an overflow in the size computation", category: .fix, rule: "message.negation"),
        Example(subject: "Add missing NULL check", category: .fix, rule: "message.add-missing"),
        Example(subject: "Add bounds check to the decoder", category: .fix, rule: "message.add-missing"),
        Example(subject: "Allow empty passwords again", category: .fix, rule: "message.restore"),
        Example(subject: "Preserve the file mode on copy", category: .fix, rule: "message.corrective-verb"),
        Example(subject: "Make the tests work on Windows", files: [File("src/compat.c")], category: .fix,
                rule: "message.make-work"),
        Example(subject: "Fix typo in a comment", category: .docs, rule: "message.fix-typo"),
        Example(subject: "Fix compiler warnings", category: .refactor, rule: "message.fix-warning"),
        Example(subject: "Compiler warning fix", category: .refactor, rule: "message.fix-warning"),
        // A fix verb whose object, a few words on, is a warning or layout.
        Example(subject: "Fix unused warning", category: .refactor, rule: "message.fix-warning"),
        Example(subject: "Hide or fix some warnings", category: .refactor, rule: "message.fix-warning"),
        Example(subject: "Change a type to fix a warning with some compilers", category: .refactor,
                rule: "message.fix-warning"),
        Example(subject: "Sort includes and fix spaces", category: .refactor, rule: "message.fix-warning"),
        // … but not when the warning belongs to another clause, nor a build fixed for a compiler.
        Example(subject: "Fix crash when a warning is printed", category: .fix, rule: "message.fix-word"),
        Example(subject: "Fix the build with old compilers", category: .fix, rule: "message.fix-word"),
        Example(subject: "Fix the API to take options", category: .fix, rule: "message.fix-word"),
        Example(subject: "Refactor the option parser", category: .refactor, rule: "message.refactor-word"),
        Example(subject: "Clean up dead code in the scheduler", category: .refactor, rule: "message.refactor-word"),
        Example(subject: "Rename foo() to bar()", category: .refactor, rule: "message.refactor-word"),
        Example(subject: "Optimize the bitcount command", category: .refactor, rule: "message.refactor-word"),
        Example(subject: "Add a helper for cell comparison", category: .refactor, rule: "message.add-helper"),
        Example(subject: "Add support for IPv6 addresses", category: .feature, rule: "message.feature-word"),
        Example(subject: "Implement the SCAN command", category: .feature, rule: "message.feature-word"),
        Example(subject: "Introduce a --porcelain option", category: .feature, rule: "message.feature-word"),
        Example(subject: "log: teach --since-as-filter", category: .feature, rule: "message.option"),
        Example(subject: "Add docs for the timeout option", category: .docs, rule: "message.docs-object"),
        Example(subject: "Add tests for the cache", category: .test, rule: "message.test-object"),
        Example(subject: "Update jemalloc to 5.3.0", category: .maintenance, rule: "message.update-version"),
        Example(subject: "Support numbers in join (fix #930)", category: .feature, rule: "message.feature-word"),
        Example(subject: "Change the reply format (fixes #771)", category: .fix, rule: "message.fixes-issue"),
        Example(subject: "Documentation: describe the cache", files: [File("src/cache.c")], category: .docs,
                rule: "message.area"),
        Example(subject: "ci: retry the flaky job", files: [File("src/cache.c")], category: .maintenance,
                rule: "message.prefix"),
        Example(subject: "travis: retry the flaky job", files: [File("src/cache.c")], category: .maintenance,
                rule: "message.area"),
        Example(subject: "Rework the reply parser", body: "Addresses CVE-2024-1234.", category: .fix,
                rule: "message.cve"),
        Example(subject: "Rework the reply parser", body: "No functional change intended.", category: .refactor,
                rule: "message.no-functional-change"),
        Example(subject: "Rework the reply parser", body: "Fixes: 0123456789ab (\"Add the reply parser\")",
                category: .fix, rule: "message.fixes-trailer"),
        Example(subject: "Change the reply parser", body: "Reported-by: Grace Hopper <grace@example.com>",
                category: .fix, rule: "message.reported-by"),
        Example(subject: "Change the reply parser", body: "The old one crashed on empty input and leaked.",
                category: .fix, rule: "message.body-fix-words"),
        Example(subject: "After SLAVEOF do not allow chained replicas to resync", category: .fix,
                rule: "message.negated-feature"),
        Example(subject: "Never enable the fast path on big-endian hosts", category: .fix,
                rule: "message.negated-feature"),
    ]

    @Test(arguments: message)
    func messageRules(_ example: Example) {
        check(example, with: classifier)
    }

    @Test func configuredWords() {
        let configured = CommitClassifier(configuration: ClassifierConfiguration(words: [.fix: ["oopsie"]]),
                                          adoption: Self.notAdopted)
        check(Example(subject: "Oopsie in the scheduler", category: .fix, rule: "message.fix-word"), with: configured)
    }

    // MARK: Churn

    static let churn: [Example] = [
        Example(subject: "Initial import", files: [File("src/main.c", .added, 15, 0)], parents: [],
                category: .feature, rule: "churn.first-commit"),
        Example(subject: "Frobnicator", files: [File("src/frob.c", .added, 300, 0), File("src/main.c", .modified, 4, 1)],
                category: .feature, rule: "churn.new-code"),
        Example(subject: "Shuffle things", files: [File("src/b.c", .renamed, 2, 2), File("src/c.c", .renamed, 0, 0)],
                category: .refactor, rule: "churn.renames"),
        Example(subject: "Less", files: [File("src/a.c", .modified, 3, 80)], category: .refactor,
                rule: "churn.deletions"),
        Example(subject: "Parser", files: [File("src/parser.c", .modified, 6, 2), File("test/parser.c", .modified, 20, 0)],
                category: .fix, rule: "churn.tested-edit"),
        Example(subject: "Tweak", files: [File("src/a.c", .modified, 1, 1)], category: .fix, rule: "churn.small-edit"),
        Example(subject: "More", files: [File("src/a.c", .modified, 6, 0)], category: .feature,
                rule: "churn.small-addition"),
        Example(subject: "Stuff", files: [File("src/a.c", .modified, 200, 10)], category: .feature,
                rule: "churn.growth"),
        Example(subject: "Things", files: [File("src/a.c", .added, 8, 0), File("src/b.c", .added, 4, 0)],
                category: .feature, rule: "churn.new-files"),
        Example(subject: "Adjustments", files: [File("src/a.c", .modified, 30, 25)], category: .fix,
                rule: "churn.edit"),
        Example(subject: "Follow-up", files: [File("src/a.c", .modified, 30, 5)], category: .feature,
                rule: "churn.more-added"),
    ]

    @Test(arguments: churn)
    func churnRules(_ example: Example) {
        check(example, with: classifier)
    }

    @Test func churnAloneIsALowConfidenceGuess() {
        let result = classifier.classify(CommitFactory.record("Adjustments",
                                                              files: [File("src/a.c", .modified, 30, 25)]))
        #expect(result.isLowConfidence)
    }

    /// The evidence tables are sized by `Category.count` and indexed by `ordinal`, which must follow `allCases`.
    @Test func categoryTablesFollowAllCases() {
        #expect(Category.count == Category.allCases.count)
        #expect(Category.allCases.map(\.ordinal) == Array(0..<Category.count))
        #expect(Category.allCases.sorted() == Category.allCases)
    }

    @Test func revertsAreRecognisedInAnyCase() {
        for subject in ["Revert \"Add the frobnicator\"", "revert 0123456789ab", "REVERT the frobnicator"] {
            #expect(classifier.classify(CommitFactory.record(subject)).category == .revert, "\(subject)")
        }
        #expect(classifier.classify(CommitFactory.record("Reverting to the old parser is not needed")).category
                    != .revert)
    }

    @Test func nothingToGoOn() {
        let result = classifier.classify(CommitFactory.record("Update", files: []))
        #expect(result.category == .other)
        #expect(result.reasons.map(\.rule) == ["fallback.nothing"])
        #expect(result.isLowConfidence)
    }

    @Test func clearCasesAreConfident() {
        #expect(classifier.classify(CommitFactory.record("Fix a crash when the input is empty")).confidence >= 0.6)
        #expect(classifier.classify(CommitFactory.record("Merge x", parents: [CommitFactory.parent,
                                                                             CommitFactory.otherParent])).confidence == 1)
    }

    @Test func bucketsFollowTheConfiguration() {
        let mapping = BucketMapping.standard.moving(.refactor, to: .feature)
        let configured = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: false, buckets: mapping),
                                          adoption: Self.notAdopted)
        let result = configured.classify(CommitFactory.record("Refactor the option parser"))
        #expect(result.category == .refactor)
        #expect(result.bucket == .feature)
        let merge = configured.classify(CommitFactory.record("Merge", parents: [CommitFactory.parent,
                                                                               CommitFactory.otherParent]))
        #expect(merge.bucket == nil)
    }
}
