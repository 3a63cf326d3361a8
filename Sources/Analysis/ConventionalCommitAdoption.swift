/// Whether a repository writes Conventional Commits, measured on its subjects.
///
/// Prefixes like `cmake:`, `tests:` or `lib:` are common in repositories that never adopted Conventional Commits;
/// there they name an area, not a type. So the declared types are trusted only where most subjects of the
/// analysed window carry a known type.
public struct ConventionalCommitAdoption: Sendable, Hashable, CustomStringConvertible {
    /// Non-merge subjects looked at.
    public let sample: Int
    /// How many of them parse with a type ktlo knows.
    public let conforming: Int
    /// The decision: trust the declared types or not.
    public let isAdopted: Bool
    /// True when configuration decided, not the measurement.
    public let isForced: Bool

    /// The share from which a repository counts as having adopted Conventional Commits.
    public static let threshold = 0.5
    /// Fewer subjects than this say nothing either way.
    public static let minimumSample = 10

    public init(sample: Int, conforming: Int, isAdopted: Bool, isForced: Bool = false) {
        self.sample = sample
        self.conforming = conforming
        self.isAdopted = isAdopted
        self.isForced = isForced
    }

    /// Measures adoption on the subjects of non-merge commits.
    public static func measure(subjects: some Sequence<String>) -> ConventionalCommitAdoption {
        var sample = 0, conforming = 0
        for subject in subjects {
            sample += 1
            if ConventionalCommit.parse(subject: subject)?.declaredCategory != nil { conforming += 1 }
        }
        let adopted = sample >= minimumSample && Double(conforming) >= threshold * Double(sample)
        return ConventionalCommitAdoption(sample: sample, conforming: conforming, isAdopted: adopted)
    }

    /// A decision made by configuration (`conventional_commits: always` or `never`).
    public static func forced(_ adopted: Bool) -> ConventionalCommitAdoption {
        ConventionalCommitAdoption(sample: 0, conforming: 0, isAdopted: adopted, isForced: true)
    }

    public var share: Double { sample == 0 ? 0 : Double(conforming) / Double(sample) }

    public var description: String {
        if isForced { return isAdopted ? "Conventional Commits by configuration" : "no Conventional Commits by configuration" }
        let percent = Int((share * 100).rounded())
        return "\(percent) % of \(sample) subjects use Conventional Commits"
    }
}
