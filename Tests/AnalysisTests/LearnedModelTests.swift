import Foundation
import History
import Testing
@testable import Analysis

/// The learned last stage: the model's arithmetic on a model small enough to check by hand, the features it reads,
/// how they are put into words, and how the classifier uses (or, when configured so, ignores) it.
@Suite struct LearnedModelTests {
    typealias File = CommitFactory.File

    static let notAdopted = ConventionalCommitAdoption(sample: 100, conforming: 3, isAdopted: false)

    /// Two categories, two features: "s:crash" pushes fix by 2, "s:add" pushes feature by 1.5.
    static let tiny = """
        classes\tfix feature
        intercept\t0.5 0
        s:crash\t2 0
        s:add\t0 1.5
        e:fix\t0.25 -0.25

        """

    /// The verdict on one-part features ("s:crash" is `.subjectWord` "crash").
    private func verdict(_ model: LinearModel, _ features: [(FeatureKind, String, Double)],
                         excluding excluded: [Category] = []) -> LinearModel.Verdict? {
        var scorer = model.scorer()
        for (kind, part, value) in features { scorer.add(kind, FeaturePart(part), value: value) }
        return scorer.verdict(excluding: CategorySet(excluded))
    }

    @Test func scoresATinyModelByHand() throws {
        let model = try #require(LinearModel(text: Self.tiny))
        #expect(model.categories == [.fix, .feature])
        // logits: fix 0.5 + 2 = 2.5, feature 0 → p(fix) = 1 / (1 + e^-2.5)
        let crash = try #require(verdict(model, [(.subjectWord, "crash", 1)]))
        #expect(crash.category == .fix)
        #expect(abs(crash.probability - 1 / (1 + exp(-2.5))) < 1e-12)
        // The push of s:crash toward fix is 2 - mean(2, 0) = 1.
        #expect(crash.strongest.words == ["the word 'crash'"])
        // fix 0.5 + 0.25·4 = 1.5, feature 1.5 − 0.25·4 = 0.5: a real-valued feature counts by its value.
        let both = try #require(verdict(model, [(.subjectWord, "add", 1), (.score, "fix", 4)]))
        #expect(both.category == .fix)
        #expect(abs(both.probability - 1 / (1 + exp(-1.0))) < 1e-12)
        #expect(both.strongest.words == ["the rules' score for fix"])
        // Unknown features weigh nothing: the intercepts decide.
        let unknown = try #require(verdict(model, [(.subjectWord, "zebra", 1)]))
        #expect(unknown.category == .fix)
        #expect(unknown.strongest.words.isEmpty)
    }

    @Test func leavesOutCategoriesTheCallerDoesNotAllow() throws {
        let model = try #require(LinearModel(text: Self.tiny))
        let feature = try #require(verdict(model, [(.subjectWord, "crash", 1)], excluding: [.fix]))
        #expect(feature.category == .feature)
        #expect(feature.probability == 1)
        #expect(verdict(model, [], excluding: [.fix, .feature]) == nil)
    }

    @Test(arguments: [
        "",
        "intercept\t0 0\n",
        "classes\tfix feature\nintercept\t0\n",
        "classes\tfix feature\nintercept\t0 0\ns:crash\t1\n",
        "classes\tfix feature\nintercept\t0 0\ns:crash 1 2\n",
        "classes\tnonsense\nintercept\t0\n",
        "classes\tfix feature\nintercept\t0 0\nzz:top\t1 2\n",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(LinearModel(text: text) == nil)
    }

    @Test func theShippedModelLoads() throws {
        let model = try #require(LinearModel.shipped)
        #expect(Set(model.categories).isSuperset(of: [.feature, .fix, .refactor, .maintenance, .docs, .test, .other]))
    }

    @Test func aNameSplitsBackIntoTheKeyOfItsParts() throws {
        let hash = { (text: String) in FeaturePart(text).hash }
        #expect(FeatureKey.key(ofName: "b:fix_crash") == FeatureKey.key(.wordPair, hash("fix"), hash("crash")))
        #expect(FeatureKey.key(ofName: "r:message.fix-word:fix")
                    == FeatureKey.key(.rule, hash("message.fix-word"), hash("fix")))
        #expect(FeatureKey.key(ofName: "s:crash") == FeatureKey.key(.subjectWord, hash("crash"), 0))
        #expect(FeatureKey.key(ofName: "bias") == FeatureKey.key(.bias, 0, 0))
        // The parts matter, not only their bytes: "s:" "fixcrash" is another feature than "b:fix_crash".
        #expect(FeatureKey.key(ofName: "s:fixcrash") != FeatureKey.key(ofName: "b:fix_crash"))
        #expect(FeatureKey.key(ofName: "e:fix") != FeatureKey.key(ofName: "lead:fix"))
        #expect(FeatureKey.key(ofName: "zz:top") == nil)
        #expect(FeatureKey.key(ofName: "b:nounderscore") == nil)
    }

    @Test func aWordSaidTwiceCountsOnce() throws {
        let model = try #require(LinearModel(text: """
            classes\tfix feature
            intercept\t0 0
            b:fix_crash\t1 0
            e:fix\t1 0

            """))
        var scorer = model.scorer()
        scorer.add(.wordPair, FeaturePart("fix"), FeaturePart("crash"), value: 1)
        scorer.add(.wordPair, FeaturePart("fix"), FeaturePart("crash"), value: 1)  // "fix crash … fix crash": once
        let once = try #require(scorer.verdict())
        #expect(abs(once.probability - 1 / (1 + exp(-1.0))) < 1e-12)
        // A score is added once by construction, and its value counts.
        scorer.add(.score, FeaturePart("fix"), value: 2)
        let scored = try #require(scorer.verdict())
        #expect(abs(scored.probability - 1 / (1 + exp(-3.0))) < 1e-12)
    }

    /// Records each feature's key as the scorer computes it from the parts' hashes.
    private struct Keys: FeatureSink {
        static var readsText: Bool { false }
        var keys: [UInt64] = []
        mutating func add(_ kind: FeatureKind, _ first: FeaturePart, _ second: FeaturePart, value: Double) {
            keys.append(FeatureKey.key(kind, first.hash, second.hash))
        }
    }

    /// A run hashes the subject's words as they were split, the training script reads names: both must give the
    /// same keys, whatever the case, apostrophes (’ too) and non-ASCII letters of the words and the area, and the
    /// shipped model must score them alike.
    @Test(arguments: ["Don’t CRASH when the user's café is empty", "Fix crash in parser", "parser: Teach it UTF-8",
                      "Build/Unix: don't fix the fix", "Café/x: réparer", "/: odd area"])
    func aRunReadsTheFeaturesTheModelWasTrainedOn(_ subject: String) throws {
        let classifier = CommitClassifier(adoption: Self.notAdopted)
        let record = CommitFactory.record(subject, body: "Longer story.\n\nFixes: 0123456789ab",
                                          files: [File("src/parser.c", .modified, 30, 4), File("t/t1.sh", .added, 9, 0)])
        guard case .open(let open) = classifier.triage(record) else { Issue.record("decided early"); return }
        var run = Keys()
        ModelFeatures.collect(open, into: &run)
        var names = FeatureNames()
        ModelFeatures.collect(open, into: &names)
        let fromNames = try names.values.map { try #require(FeatureKey.key(ofName: $0.key)) }
        #expect(Set(run.keys) == Set(fromNames))
        #expect(names.values["s:dont"] == 1 && names.values["s:users"] == 1 && names.values["s:café"] == 1
                    || !subject.hasPrefix("Don"))

        let model = try #require(LinearModel.shipped)
        var scored = model.scorer()
        ModelFeatures.collect(open, into: &scored)
        var scoredByName = model.scorer()
        for (name, value) in names.values { scoredByName.add(key: try #require(FeatureKey.key(ofName: name)), value: value) }
        let verdict = try #require(scored.verdict()), byName = try #require(scoredByName.verdict())
        #expect(verdict.category == byName.category)
        #expect(abs(verdict.probability - byName.probability) < 1e-6)  // Float sums, in another order
    }

    @Test func namesAreWhatTheTrainingScriptReads() {
        var names = FeatureNames()
        names.add(.wordPair, FeaturePart("fix"), FeaturePart("crash"), value: 1)
        names.add(.rule, FeaturePart("churn.small-edit"), FeaturePart("fix"), value: 1)
        names.add(.score, FeaturePart("fix"), value: 1.5)
        names.add(.newFiles)
        #expect(names.values == ["b:fix_crash": 1, "r:churn.small-edit:fix": 1, "e:fix": 1.5, "newfiles": 1])
    }

    @Test func readsTheFeaturesOfASmallFix() throws {
        let classifier = CommitClassifier(adoption: Self.notAdopted)
        let record = CommitFactory.record("Fix crash in parser", files: [File("src/parser.c", .modified, 3, 1)])
        let features = try #require(classifier.modelFeatures(record))
        // "fix" opens the subject (3 + 1) and "crash" is a fix word (3); a 4-line edit of one file leans fix (0.75).
        #expect(features == [
            "bias": 1, "f:fix": 1, "s:fix": 1, "s:crash": 1, "s:in": 1, "s:parser": 1,
            "b:fix_crash": 1, "b:crash_in": 1, "b:in_parser": 1,
            "p:code": 1, "add:1": 1, "del:1": 1, "files:1": 1, "ratio:mostly-add": 1,
            "r:message.fix-word:fix": 1, "r:churn.small-edit:fix": 1, "lead:fix": 1, "e:fix": 7.75 / 4,
        ])
    }

    @Test func readsAreasNewFilesAndBodies() throws {
        let classifier = CommitClassifier(adoption: Self.notAdopted)
        let record = CommitFactory.record("parser: frobnicate", body: "Longer story.",
                                          files: [File("src/Parser/New.c", .added, 400, 0),
                                                  File("src/old.c", .deleted, 0, 20)])
        let features = try #require(classifier.modelFeatures(record))
        #expect(features["area"] == 1 && features["a:parser"] == 1 && features["body"] == 1)
        #expect(features["new:code"] == 1 && features["gone:code"] == 1 && features["newfiles"] == 1)
        #expect(features["add:6"] == 1 && features["del:3"] == 1 && features["files:1"] == 1)
        #expect(features["ratio:mostly-add"] == 1)
        // Commits an earlier rule decides have no features: the model never sees them.
        #expect(classifier.modelFeatures(CommitFactory.record("Update README", files: [File("README.md")])) == nil)
    }

    @Test(arguments: [
        ("s:crash", "the word 'crash'"), ("f:teach", "opening with 'teach'"), ("b:do_not", "the words 'do not'"),
        ("a:builtin", "the area 'builtin'"), ("p:docs", "a change to documentation files"),
        ("new:code", "new code files"), ("gone:test", "deleted test files"),
        ("ratio:balanced", "lines added against removed (balanced)"),
        ("r:message.fix-word:fix", "rule message.fix-word"), ("e:refactor", "the rules' score for refactor"),
        ("newfiles", "new files"), ("add:1", "1–3 lines added"), ("del:0", "no lines removed"),
        ("files:6", "over 300 files changed"),
    ])
    func putsFeaturesIntoWords(_ name: String, _ words: String) {
        #expect(ModelFeatureDescription.describe(name) == words)
    }

    @Test func saysNothingOfTheConstantTerm() {
        #expect(ModelFeatureDescription.describe("bias") == nil)
        #expect(ModelFeatureDescription.describe("body") == nil)
    }

    @Test func explainsItsDecisionAndCanBeTurnedOff() throws {
        let record = CommitFactory.record("Fix crash when the list is empty", files: [File("src/list.c", .modified, 3, 1)])
        let learned = CommitClassifier(adoption: Self.notAdopted).classify(record)
        #expect(learned.category == .fix)
        let model = try #require(learned.reasons.first { $0.rule == "model.linear" })
        #expect(model.detail.hasPrefix("the learned model rates it "))
        #expect(model.detail.contains("% fix"))
        // The rules agree, so they explain first and the model confirms.
        #expect(learned.reasons.first?.rule == "message.fix-word")

        let rulesOnly = CommitClassifier(configuration: ClassifierConfiguration(learnedModel: false),
                                         adoption: Self.notAdopted).classify(record)
        #expect(rulesOnly.category == .fix)
        #expect(!rulesOnly.reasons.contains { $0.rule == "model.linear" })
    }

    /// Plain examples of each kind the shipped model must still get right after it is retrained.
    @Test(arguments: [
        ("Teach the walker to stop at shallow boundaries", [File("src/walk.c", .modified, 40, 3)], Category.feature),
        ("Fix crash when the list is empty", [File("src/list.c", .modified, 3, 1)], Category.fix),
        ("Rename struct foo to struct bar", [File("src/foo.c", .modified, 30, 30)], Category.refactor),
    ])
    func classifiesClearExamples(_ subject: String, _ files: [File], _ category: Category) {
        let result = CommitClassifier(adoption: Self.notAdopted).classify(CommitFactory.record(subject, files: files))
        #expect(result.category == category, "\(result.reasons.map(\.detail))")
    }
}
