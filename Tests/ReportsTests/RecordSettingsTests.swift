import Analysis
import History
import Testing
@testable import Reports

@Suite struct RecordSettingsTests {
    static let adoption = ConventionalCommitAdoption(sample: 100, conforming: 3, isAdopted: false)

    private func fingerprint(_ configuration: ClassifierConfiguration) -> String {
        RecordSettings(history: HistoryOptions(),
                         classifier: CommitClassifier(configuration: configuration, adoption: Self.adoption)).classifier
    }

    /// Records classified without the learned model do not combine with records classified with it; the default's
    /// fingerprint is the one it had before the setting existed (FNV-1a of the same parts).
    @Test func theLearnedModelSettingIsInTheFingerprint() {
        let standard = fingerprint(ClassifierConfiguration())
        #expect(fingerprint(ClassifierConfiguration(learnedModel: false)) != standard)
        #expect(fingerprint(ClassifierConfiguration(learnedModel: true)) == standard)
        var parts = ["conventional", "auto"]
        for category in Category.allCases { parts.append("words." + category.rawValue) }
        for pathClass in PathClass.allCases { parts.append("paths." + pathClass.rawValue) }
        parts.append("bots")
        #expect(standard == RecordSettings.fingerprint(parts))
    }
}
