import Git
import Testing
@testable import History

@Suite struct DateBoundTests {
    /// 2025-06-15T12:00:00Z
    private let now: Int64 = 1_749_988_800

    @Test func days() {
        #expect(DateBound.parse("2025-03-31", now: now) == .day(CivilDate(year: 2025, month: 3, day: 31)))
        #expect(DateBound.parse("2025-02-30", now: now) == nil)
        #expect(DateBound.parse("2025-13-01", now: now) == nil)
        #expect(DateBound.parse("yesterday", now: now) == nil)
    }

    @Test func instants() {
        #expect(DateBound.parse("2025-03-31T23:30:00-07:00", now: now) == .instant(1_743_489_000))
        #expect(DateBound.parse("2025-04-01T06:30:00Z", now: now) == .instant(1_743_489_000))
        #expect(DateBound.parse("2025-04-01T06:30Z", now: now) == .instant(1_743_489_000))
        #expect(DateBound.parse("2025-04-01 08:30:00+02:00", now: now) == .instant(1_743_489_000))
        #expect(DateBound.parse("2025-04-01T25:30:00Z", now: now) == nil)
    }

    @Test func relative() {
        #expect(DateBound.parse("10 days ago", now: now) == .day(CivilDate(year: 2025, month: 6, day: 5)))
        #expect(DateBound.parse("2 weeks ago", now: now) == .day(CivilDate(year: 2025, month: 6, day: 1)))
        #expect(DateBound.parse("6 months ago", now: now) == .day(CivilDate(year: 2024, month: 12, day: 15)))
        #expect(DateBound.parse("1 year ago", now: now) == .day(CivilDate(year: 2024, month: 6, day: 15)))
        #expect(DateBound.parse("3 fortnights ago", now: now) == nil)
    }

    @Test func endOfMonthClamps() {
        // 31 May minus three months is the last day of February.
        let may31: Int64 = 1_748_649_600
        #expect(DateBound.parse("3 months ago", now: may31) == .day(CivilDate(year: 2025, month: 2, day: 28)))
    }

    /// A day bound is the author's calendar day: 23:30 −07:00 on 31 March is in March, though April in UTC.
    @Test func dayBoundsUseTheAuthorsCalendar() {
        let lateMarch = Timestamp(secondsSinceEpoch: 1_743_489_000, offsetMinutes: -420)
        let march31 = DateBound.day(CivilDate(year: 2025, month: 3, day: 31))
        let april1 = DateBound.day(CivilDate(year: 2025, month: 4, day: 1))
        #expect(march31.admitsAsUntil(lateMarch))
        #expect(!april1.admitsAsSince(lateMarch))
        #expect(DateBound.instant(1_743_489_000).admitsAsSince(lateMarch))
        #expect(!DateBound.instant(1_743_489_001).admitsAsSince(lateMarch))
    }
}
