import Testing
@testable import Git

@Suite struct TimeTests {
    @Test func knownDays() {
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
        #expect(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CivilDate(year: 2024, month: 2, day: 29).daysSinceEpoch == 19_782)
        #expect(CivilDate(year: 2100, month: 3, day: 1).daysSinceEpoch == 47_541)
        #expect(CivilDate(year: 1900, month: 1, day: 1).daysSinceEpoch == -25_567)
    }

    @Test func daysRoundTripAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func isoWeekdays() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).isoWeekday == 4)
        #expect(CivilDate(year: 2025, month: 3, day: 31).isoWeekday == 1)
        #expect(CivilDate(year: 1969, month: 12, day: 28).isoWeekday == 7)
    }

    /// 23:30 −07:00 on 31 March is 06:30 UTC on 1 April; in the author's calendar it is still 31 March.
    @Test func localDateUsesTheRecordedOffset() {
        let time = Timestamp(secondsSinceEpoch: 1_743_489_000, offsetMinutes: -420)
        #expect(time.localDate == CivilDate(year: 2025, month: 3, day: 31))
        #expect(time.iso8601 == "2025-03-31T23:30:00-07:00")
        #expect(Timestamp(secondsSinceEpoch: 1_743_489_000, offsetMinutes: 0).iso8601 == "2025-04-01T06:30:00+00:00")
    }

    @Test func oddOffsetsAndDatesBefore1970() {
        #expect(Timestamp(secondsSinceEpoch: 0, offsetMinutes: 840).iso8601 == "1970-01-01T14:00:00+14:00")
        #expect(Timestamp(secondsSinceEpoch: 0, offsetMinutes: -720).iso8601 == "1969-12-31T12:00:00-12:00")
        #expect(Timestamp(secondsSinceEpoch: -1, offsetMinutes: 0).iso8601 == "1969-12-31T23:59:59+00:00")
        #expect(Timestamp(secondsSinceEpoch: 0, offsetMinutes: 345).iso8601 == "1970-01-01T05:45:00+05:45")
        #expect(Timestamp(secondsSinceEpoch: 4_102_444_800, offsetMinutes: 0).iso8601 == "2100-01-01T00:00:00+00:00")
    }
}
