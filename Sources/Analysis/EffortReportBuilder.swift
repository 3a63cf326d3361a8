import Git
import History

/// Adds classified commits up into an ``EffortReport``.
///
/// Commits arrive one by one (in any order); each leaves a compact entry — who, which day, what category, how many
/// lines in which component — because a dev-day is split among all of its author's commits of that day, which are
/// only known at the end. Diffs and messages are not kept.
public struct EffortReportBuilder {
    public struct Options: Sendable {
        public var calendar: PeriodCalendar
        public var measure: EffortMeasure
        public var mapping: BucketMapping
        public var components: ComponentMap?
        public var byAuthor: Bool
        public var teams: TeamMap
        public var budget: Budget?

        public init(calendar: PeriodCalendar = PeriodCalendar(kind: .quarter), measure: EffortMeasure = .devDays,
                    mapping: BucketMapping = .standard, components: ComponentMap? = nil, byAuthor: Bool = false,
                    teams: TeamMap = TeamMap(), budget: Budget? = nil) {
            self.calendar = calendar
            self.measure = measure
            self.mapping = mapping
            self.components = components
            self.byAuthor = byAuthor
            self.teams = teams
            self.budget = budget
        }
    }

    private struct Entry {
        let person: Int32
        let day: Int32
        let category: Category
        let isMerge: Bool
        let isBot: Bool
        let lowConfidence: Bool
        let churn: Double
        /// Component index and the fraction of the commit's effort that goes there.
        let components: [(Int32, Double)]
        /// Repository index, -1 when the commit names none.
        let repository: Int32
    }

    private let options: Options
    private var entries: [Entry] = []
    private var people: [String: Int32] = [:]
    private var identities: [Identity] = []
    /// The day of the commit each shown identity comes from.
    private var identityDays: [Int] = []
    private var componentNames: [String] = []
    private var componentIndex: [String: Int32] = [:]
    private var repositoryNames: [String] = []
    private var repositoryIndex: [String: Int32] = [:]

    public init(options: Options) {
        self.options = options
    }

    /// Whether the report needs each commit's files (for its component breakdown).
    public var keepsFiles: Bool { options.components != nil }

    /// Adds one classified commit. `isBot` commits count in commits and churn but spend no dev-days.
    public mutating func add(_ commit: ClassifiedCommit, isBot: Bool) {
        add(EffortCommit(commit, isBot: isBot, keepFiles: keepsFiles))
    }

    /// Adds one commit, read from Git or from saved records. A person's day is one dev-day whichever repositories
    /// it was spent in: people are matched by e-mail (by name when there is none), ignoring case, and shown under
    /// the name and e-mail of their latest day (the greatest, if several), whatever order the commits came in.
    public mutating func add(_ commit: EffortCommit) {
        let key = commit.author.email.isEmpty ? commit.author.name.lowercased() : commit.author.email.lowercased()
        let person: Int32
        let day = commit.day.daysSinceEpoch
        if let known = people[key] {
            person = known
            let shown = identities[Int(known)]
            if (day, commit.author.name, commit.author.email) > (identityDays[Int(known)], shown.name, shown.email) {
                identities[Int(known)] = commit.author
                identityDays[Int(known)] = day
            }
        } else {
            person = Int32(identities.count)
            people[key] = person
            identities.append(commit.author)
            identityDays.append(day)
        }
        var repository: Int32 = -1
        if let name = commit.repository {
            if let known = repositoryIndex[name] {
                repository = known
            } else {
                repository = Int32(repositoryNames.count)
                repositoryIndex[name] = repository
                repositoryNames.append(name)
            }
        }
        entries.append(Entry(
            person: person,
            day: Int32(day),
            category: commit.category,
            isMerge: commit.isMerge,
            isBot: commit.isBot,
            lowConfidence: !commit.isMerge && commit.isLowConfidence,
            churn: Double(commit.churn),
            // Merges carry no effort of their own, so they belong to no component.
            components: commit.isMerge ? [] : options.components.map { componentShares(commit.files, $0) } ?? [],
            repository: repository))
    }

    /// How a commit's effort spreads over components: in proportion to its counted churn in each; equally over the
    /// components of its files when it has none (binary or excluded files only).
    private mutating func componentShares(_ files: [EffortCommit.File], _ map: ComponentMap) -> [(Int32, Double)] {
        var churn: [Int32: Double] = [:]
        var touched: [Int32] = []
        for file in files {
            let index = internComponent(map.component(of: file.path))
            if !touched.contains(index) { touched.append(index) }
            if file.counts && file.lines > 0 {
                churn[index, default: 0] += Double(file.lines)
            }
        }
        let total = churn.values.reduce(0, +)
        if total > 0 { return churn.map { ($0.key, $0.value / total) }.sorted { $0.0 < $1.0 } }
        guard !touched.isEmpty else { return [(internComponent("(no files)"), 1)] }
        return touched.map { ($0, 1 / Double(touched.count)) }
    }

    private mutating func internComponent(_ name: String) -> Int32 {
        if let index = componentIndex[name] { return index }
        let index = Int32(componentNames.count)
        componentNames.append(name)
        componentIndex[name] = index
        return index
    }

    /// The report. Periods run from the first commit's to the last commit's, none skipped.
    public func build() -> EffortReport {
        // Dev-days: each (person, day) is one, split equally among the person's non-merge commits of that day.
        var perDay: [Int64: Int] = [:]
        for entry in entries where !entry.isMerge && !entry.isBot {
            perDay[Int64(entry.person) << 32 | Int64(UInt32(bitPattern: entry.day)), default: 0] += 1
        }
        func devDays(_ entry: Entry) -> Double {
            guard !entry.isMerge && !entry.isBot else { return 0 }
            return 1 / Double(perDay[Int64(entry.person) << 32 | Int64(UInt32(bitPattern: entry.day))] ?? 1)
        }

        let calendar = options.calendar
        var byPeriod: [Period: Accumulator] = [:]
        var total = Accumulator()
        var byComponent: [Int32: Accumulator] = [:]
        var byPerson: [Int32: Accumulator] = [:]
        var byTeam: [String: Accumulator] = [:]
        var byRepository: [Int32: Accumulator] = [:]
        var byRepositoryPeriod: [Int32: [Period: Accumulator]] = [:]
        let teamOf = identities.map { options.teams.team(of: $0) }
        var first: CivilDate?, last: CivilDate?

        for entry in entries {
            let day = CivilDate(daysSinceEpoch: Int(entry.day))
            first = first.map { min($0, day) } ?? day
            last = last.map { max($0, day) } ?? day
            let dayShare = devDays(entry)
            let period = calendar.period(containing: day)
            byPeriod[period, default: Accumulator()].add(entry, devDays: dayShare, fraction: 1)
            total.add(entry, devDays: dayShare, fraction: 1)
            if entry.repository >= 0 {
                byRepository[entry.repository, default: Accumulator()].add(entry, devDays: dayShare, fraction: 1)
                byRepositoryPeriod[entry.repository, default: [:]][period, default: Accumulator()]
                    .add(entry, devDays: dayShare, fraction: 1)
            }
            for (component, fraction) in entry.components {
                byComponent[component, default: Accumulator()].add(entry, devDays: dayShare, fraction: fraction)
            }
            if options.byAuthor && !entry.isBot {
                byPerson[entry.person, default: Accumulator()].add(entry, devDays: dayShare, fraction: 1)
                if !options.teams.isEmpty {
                    byTeam[teamOf[Int(entry.person)], default: Accumulator()].add(entry, devDays: dayShare, fraction: 1)
                }
            }
        }

        let mapping = options.mapping, measure = options.measure
        let allPeriods = first.flatMap { first in last.map { calendar.periods(from: first, through: $0) } } ?? []
        func series(_ accumulators: [Period: Accumulator]) -> [PeriodEffort] {
            var periods: [PeriodEffort] = []
            var previous: EffortSummary?
            for period in allPeriods {
                let summary = accumulators[period]?.summary ?? EffortSummary()
                periods.append(PeriodEffort(
                    period: period, summary: summary,
                    change: previous.map { Self.change(from: $0, to: summary, measure, mapping) },
                    budget: options.budget?.compare(summary.effort, measure, mapping: mapping) ?? []))
                previous = summary
            }
            return periods
        }
        let periods = series(byPeriod)
        let totals = total.summary

        func groups<Key>(_ accumulators: [Key: Accumulator], name: (Key) -> String, email: (Key) -> String?,
                         team: (Key) -> String?) -> [GroupEffort] {
            accumulators.map { key, accumulator in
                let summary = accumulator.summary
                var shares: [EffortMeasure: Double] = [:]
                for measure in EffortMeasure.allCases {
                    let all = totals.effort.effort(.ktlo, measure, mapping: mapping)
                    if all > 0 { shares[measure] = summary.effort.effort(.ktlo, measure, mapping: mapping) / all }
                }
                return GroupEffort(name: name(key), email: email(key), team: team(key), summary: summary,
                                   shareOfKTLO: shares)
            }
        }
        let components = groups(byComponent, name: { componentNames[Int($0)] }, email: { _ in nil }, team: { _ in nil })
            .sorted { ($0.summary.effort.bucketedTotal(measure, mapping: mapping), $1.name)
                > ($1.summary.effort.bucketedTotal(measure, mapping: mapping), $0.name) }
        let authors = groups(byPerson, name: { identities[Int($0)].name }, email: { identities[Int($0)].email },
                             team: { options.teams.isEmpty ? nil : teamOf[Int($0)] })
            .sorted { ($0.summary.effort.effort(.ktlo, measure, mapping: mapping), $1.name)
                > ($1.summary.effort.effort(.ktlo, measure, mapping: mapping), $0.name) }
        let teams = groups(byTeam, name: { $0 }, email: { _ in nil }, team: { _ in nil })
            .sorted { ($0.summary.effort.effort(.ktlo, measure, mapping: mapping), $1.name)
                > ($1.summary.effort.effort(.ktlo, measure, mapping: mapping), $0.name) }
        // A breakdown by repository only when there is more than one to tell apart; each follows the report's periods.
        var repositories: [RepositoryEffort] = []
        if repositoryNames.count > 1 {
            let repositoryGroups = groups(byRepository, name: { repositoryNames[Int($0)] }, email: { _ in nil },
                                team: { _ in nil })
            repositories = repositoryGroups.map { group in
                let index = repositoryIndex[group.name]!
                return RepositoryEffort(group: group, periods: series(byRepositoryPeriod[index] ?? [:]))
            }.sorted { ($0.group.summary.effort.bucketedTotal(measure, mapping: mapping), $1.group.name)
                > ($1.group.summary.effort.bucketedTotal(measure, mapping: mapping), $0.group.name) }
        }
        var gini: [EffortMeasure: Double] = [:]
        if options.byAuthor {
            for measure in EffortMeasure.allCases {
                gini[measure] = Self.gini(authors.map { $0.summary.effort.effort(.ktlo, measure, mapping: mapping) })
            }
        }
        return EffortReport(
            measure: measure, calendar: calendar, mapping: mapping, periods: periods, totals: totals,
            totalBudget: options.budget?.compare(totals.effort, measure, mapping: mapping) ?? [],
            components: components, authors: authors, teams: teams, repositories: repositories, ktloGini: gini,
            budget: options.budget)
    }

    private static func change(from before: EffortSummary, to now: EffortSummary, _ measure: EffortMeasure,
                               _ mapping: BucketMapping) -> PeriodChange {
        let shareBefore = before.effort.share(.ktlo, measure, mapping: mapping)
        let shareNow = now.effort.share(.ktlo, measure, mapping: mapping)
        let totalBefore = before.effort.bucketedTotal(measure, mapping: mapping)
        let totalNow = now.effort.bucketedTotal(measure, mapping: mapping)
        return PeriodChange(
            ktloSharePoints: shareBefore.flatMap { old in shareNow.map { ($0 - old) * 100 } },
            effortPercent: totalBefore > 0 ? (totalNow - totalBefore) / totalBefore * 100 : nil)
    }

    /// The Gini coefficient of non-negative values: 0 when all are equal, (n−1)/n when one holds everything.
    /// `nil` for fewer than two values or a zero total.
    static func gini(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let sorted = values.sorted()
        let total = sorted.reduce(0, +)
        guard total > 0 else { return nil }
        var weighted = 0.0
        for (index, value) in sorted.enumerated() { weighted += Double(index + 1) * value }
        let count = Double(sorted.count)
        return (2 * weighted) / (count * total) - (count + 1) / count
    }

    /// Running sums for one group.
    private struct Accumulator {
        var summary = EffortSummary()
        var people: Set<Int32> = []

        mutating func add(_ entry: Entry, devDays: Double, fraction: Double) {
            if entry.isMerge {
                summary.merges += 1
            } else {
                summary.commits += 1
                if entry.lowConfidence { summary.lowConfidenceCommits += 1 }
                if !entry.isBot, people.insert(entry.person).inserted { summary.authors = people.count }
            }
            let amounts: [(EffortMeasure, Double)] = [(.commits, fraction), (.churn, entry.churn * fraction),
                                                      (.devDays, devDays * fraction)]
            for (measure, amount) in amounts {
                summary.effort.add(amount, of: measure, to: entry.category)
                if entry.lowConfidence { summary.lowConfidenceEffort.add(amount, of: measure, to: entry.category) }
            }
        }
    }
}
