import Git
import History
import Testing
@testable import Analysis

@Suite struct PeriodCalendarTests {
    private func day(_ text: String) -> CivilDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test(arguments: [
        ("2025-01-10", "2025-W02"), ("2025-03-31", "2025-W14"), ("2020-12-31", "2020-W53"), ("2021-01-03", "2020-W53"),
        ("2021-01-04", "2021-W01"), ("2025-12-29", "2026-W01"), ("2024-12-30", "2025-W01"), ("1969-12-31", "1970-W01"),
    ])
    func isoWeeks(_ date: String, _ label: String) {
        let period = PeriodCalendar(kind: .week).period(containing: day(date))
        #expect(period.label == label)
        #expect(period.start.isoWeekday == 1 && period.end.isoWeekday == 7)
        #expect(period.end.daysSinceEpoch - period.start.daysSinceEpoch == 6)
    }

    @Test func monthsQuartersYears() {
        let march31 = day("2024-03-31")
        #expect(PeriodCalendar(kind: .month).period(containing: day("2024-02-10")).end == day("2024-02-29"))
        let quarter = PeriodCalendar(kind: .quarter).period(containing: march31)
        #expect((quarter.label, quarter.start, quarter.end) == ("2024-Q1", day("2024-01-01"), day("2024-03-31")))
        #expect(PeriodCalendar(kind: .year).period(containing: march31).label == "2024")
    }

    @Test func fiscalYears() {
        let july = PeriodCalendar(kind: .quarter, fiscalYearStart: 7)
        let q = july.period(containing: day("2025-08-15"))
        #expect((q.label, q.start, q.end) == ("FY2026-Q1", day("2025-07-01"), day("2025-09-30")))
        #expect(july.period(containing: day("2026-06-30")).label == "FY2026-Q4")
        let year = PeriodCalendar(kind: .year, fiscalYearStart: 7).period(containing: day("2025-06-30"))
        #expect((year.label, year.start, year.end) == ("FY2025", day("2024-07-01"), day("2025-06-30")))
        #expect(PeriodCalendar(kind: .month, fiscalYearStart: 7).period(containing: day("2025-06-30")).label == "2025-06")
    }

    @Test func periodsLeaveNoGap() {
        let weeks = PeriodCalendar(kind: .week).periods(from: day("2025-01-01"), through: day("2026-01-01"))
        #expect(weeks.count == 53)
        for (one, two) in zip(weeks, weeks.dropFirst()) {
            #expect(two.start.daysSinceEpoch == one.end.daysSinceEpoch + 1)
        }
        #expect(PeriodCalendar(kind: .quarter, fiscalYearStart: 11)
            .periods(from: day("2024-11-01"), through: day("2025-10-31")).map(\.label)
            == ["FY2025-Q1", "FY2025-Q2", "FY2025-Q3", "FY2025-Q4"])
    }
}

@Suite struct EffortReportBuilderTests {
    typealias File = CommitFactory.File

    private func commit(_ category: Category, author: String = "ada@example.com", at iso: String,
                        files: [File] = [File("src/a.c", .modified, 3, 1)], merge: Bool = false,
                        confidence: Double = 0.9) -> ClassifiedCommit {
        let bound = DateBound.parse(iso, now: 0)
        guard case .instant(let seconds) = bound else { fatalError("bad date \(iso)") }
        let offset = iso.hasSuffix("Z") ? 0 : {
            let zone = iso.suffix(6)
            let minutes = Int(zone.dropFirst().prefix(2))! * 60 + Int(zone.suffix(2))!
            return zone.first == "-" ? -minutes : minutes
        }()
        let time = Timestamp(secondsSinceEpoch: seconds, offsetMinutes: offset)
        let record = CommitRecord(
            id: CommitFactory.id, parents: merge ? [CommitFactory.parent, CommitFactory.otherParent] : [CommitFactory.parent],
            author: Identity(name: author, email: author), authorTime: time, committerTime: time,
            summary: "x", message: "x\n",
            files: merge ? [] : files.map {
                FileChurn(delta: FileDelta(path: $0.path, status: $0.status, added: $0.added, deleted: $0.deleted),
                          exclusion: $0.exclusion)
            }, isDiffed: !merge)
        return ClassifiedCommit(record: record, classification: Classification(
            category: category, bucket: BucketMapping.standard.bucket(for: category), confidence: confidence,
            reasons: [Reason(rule: "test", detail: "test")]))
    }

    @Test func mergesAreCountedButCarryNoEffort() {
        var builder = EffortReportBuilder(options: .init(components: ComponentMap()))
        builder.add(commit(.fix, at: "2025-05-01T10:00:00Z"), isBot: false)
        builder.add(commit(.merge, at: "2025-05-01T11:00:00Z", merge: true), isBot: false)
        let report = builder.build()
        #expect(report.totals.commits == 1 && report.totals.merges == 1)
        #expect(report.totals.effort.effort(.fix, .devDays) == 1)  // the merge takes no share of the day
        #expect(report.totals.effort.effort(.merge, .commits) == 1)
        #expect(report.totals.effort.share(.ktlo, .commits, mapping: .standard) == 1)
        #expect(report.components.map(\.name) == ["src"])
    }

    @Test func aDevDayIsSplitAmongThatDaysCommitsInTheAuthorsCalendar() {
        var builder = EffortReportBuilder(options: .init())
        // Three commits on 1 March in +09:00 (one of them still 28 February in UTC), and one on 2 March.
        builder.add(commit(.fix, at: "2025-03-01T01:00:00+09:00"), isBot: false)
        builder.add(commit(.feature, at: "2025-03-01T12:00:00+09:00"), isBot: false)
        builder.add(commit(.docs, at: "2025-03-01T23:00:00+09:00"), isBot: false)
        builder.add(commit(.fix, at: "2025-03-02T08:00:00+09:00"), isBot: false)
        builder.add(commit(.refactor, author: "bot@example.com", at: "2025-03-01T08:00:00+09:00"), isBot: true)
        let effort = builder.build().totals.effort
        #expect(abs(effort.effort(.fix, .devDays) - (1.0 / 3 + 1)) < 1e-9)
        #expect(abs(effort.effort(.feature, .devDays) - 1.0 / 3) < 1e-9)
        #expect(effort.effort(.refactor, .devDays) == 0)
        #expect(effort.effort(.refactor, .commits) == 1)
        #expect(abs(effort.bucketedTotal(.devDays, mapping: .standard) - 2) < 1e-9)
    }

    @Test func lowConfidenceIsCounted() {
        var builder = EffortReportBuilder(options: .init())
        builder.add(commit(.fix, at: "2025-05-01T10:00:00Z", confidence: 0.3), isBot: false)
        builder.add(commit(.feature, at: "2025-05-02T10:00:00Z"), isBot: false)
        let totals = builder.build().totals
        #expect(totals.lowConfidenceCommits == 1)
        #expect(totals.lowConfidenceShare(.devDays, mapping: .standard) == 0.5)
    }

    @Test func componentsShareACommitByChurn() {
        var builder = EffortReportBuilder(options: .init(components: ComponentMap()))
        builder.add(commit(.fix, at: "2025-05-01T10:00:00Z", files: [File("src/a.c", .modified, 3, 0),
                                                                     File("docs/a.md", .modified, 1, 0),
                                                                     File("README", .modified, 0, 0)]),
                    isBot: false)
        let components = Dictionary(uniqueKeysWithValues: builder.build().components.map {
            ($0.name, $0.summary.effort.effort(.fix, .devDays))
        })
        #expect(components == ["src": 0.75, "docs": 0.25])
    }

    @Test(arguments: [([5.0, 5, 5, 5], 0.0), ([0.0, 0, 0, 10], 0.75), ([1.0, 3], 0.25), ([2.0], nil as Double?),
                      ([0.0, 0], nil as Double?)])
    func gini(_ values: [Double], _ expected: Double?) {
        let gini = EffortReportBuilder.gini(values)
        if let expected {
            #expect(abs(gini! - expected) < 1e-9)
        } else {
            #expect(gini == nil)
        }
    }

    @Test func teamsAndComponents() {
        let teams = TeamMap([("platform", ["*@infra.example.com", "ada@example.com"]), ("web", ["Grace Hopper"])])
        #expect(teams.team(of: Identity(name: "Bob", email: "Bob@Infra.example.com")) == "platform")
        #expect(teams.team(of: Identity(name: "Grace Hopper", email: "g@x")) == "web")
        #expect(teams.team(of: Identity(name: "Eve", email: "eve@example.com")) == TeamMap.unassigned)
        #expect(TeamMap.matches("a*c*e", "abcde") && !TeamMap.matches("a*c*e", "abcd"))

        let named = ComponentMap(named: [("server", ["src/server/**"]), ("web", ["web/**", "*.css"])])
        #expect(named.component(of: "src/server/main.c") == "server")
        #expect(named.component(of: "static/site.css") == "web")
        #expect(named.component(of: "src/other.c") == ComponentMap.unmatched)
        #expect(ComponentMap().component(of: "README") == ComponentMap.root)
    }

    @Test func budgetComparison() {
        var tally = EffortTally()
        tally.add(3, of: .devDays, to: .feature)
        tally.add(1, of: .devDays, to: .fix)
        tally.add(1, of: .devDays, to: .docs)
        let budget = Budget(lines: [.init(target: .bucket(.feature), percent: 50), .init(target: .category(.fix), percent: 20)])
        let comparison = budget.compare(tally, .devDays, mapping: .standard)
        #expect(comparison.map(\.actualPercent) == [60, 20])
        #expect(comparison.map(\.differencePoints) == [10, 0])
        #expect(Budget.target(named: "other") == .bucket(.other))
        #expect(Budget.target(named: "maintenance") == .category(.maintenance))
        #expect(Budget.target(named: "merge") == nil)
    }
}
