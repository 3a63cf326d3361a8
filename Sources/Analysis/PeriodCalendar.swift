import Git

/// The length of the periods a report is cut into.
public enum PeriodKind: String, Sendable, CaseIterable, Codable {
    case week, month, quarter, year
}

/// One period of a report: an ISO week, a month, a quarter or a year (fiscal, if the year starts elsewhere than in
/// January).
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: PeriodKind
    /// The (fiscal or ISO-week) year and the number of the period in it: week 1…53, month 1…12, quarter 1…4, 1.
    public let year: Int
    public let number: Int
    /// First and last calendar day of the period.
    public let start: CivilDate
    public let end: CivilDate
    /// The month the (fiscal) year starts in, for labels.
    let fiscalYearStart: Int

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.start < rhs.start }

    public static func == (lhs: Period, rhs: Period) -> Bool {
        lhs.kind == rhs.kind && lhs.start == rhs.start
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(start)
    }

    /// `2025-W14`, `2025-03`, `2025-Q1`, `2025`; with a fiscal year, `FY2026-Q1` and `FY2026` (named by the calendar
    /// year in which the fiscal year ends).
    public var label: String {
        let fiscal = fiscalYearStart != 1
        switch kind {
        case .week: return "\(CivilDate.pad(year, 4))-W\(CivilDate.pad(number, 2))"
        case .month: return "\(CivilDate.pad(start.year, 4))-\(CivilDate.pad(start.month, 2))"
        case .quarter: return fiscal ? "FY\(CivilDate.pad(year, 4))-Q\(number)" : "\(CivilDate.pad(year, 4))-Q\(number)"
        case .year: return fiscal ? "FY\(CivilDate.pad(year, 4))" : CivilDate.pad(year, 4)
        }
    }

    public var description: String { label }
}

/// Cuts time into periods: ISO weeks (Monday to Sunday, week 1 holding the year's first Thursday), months, and
/// quarters and years that may follow a fiscal year.
public struct PeriodCalendar: Sendable, Hashable {
    public let kind: PeriodKind
    /// 1 for calendar years; 4 for a fiscal year from April to March, and so on.
    public let fiscalYearStart: Int

    public init(kind: PeriodKind, fiscalYearStart: Int = 1) {
        precondition((1...12).contains(fiscalYearStart), "a fiscal year starts in a month, 1…12")
        self.kind = kind
        self.fiscalYearStart = fiscalYearStart
    }

    /// The period that holds `date`.
    public func period(containing date: CivilDate) -> Period {
        switch kind {
        case .week:
            let (year, week) = Self.isoWeek(of: date)
            let monday = CivilDate(daysSinceEpoch: date.daysSinceEpoch - (date.isoWeekday - 1))
            return Period(kind: .week, year: year, number: week, start: monday,
                          end: CivilDate(daysSinceEpoch: monday.daysSinceEpoch + 6), fiscalYearStart: fiscalYearStart)
        case .month:
            let start = CivilDate(year: date.year, month: date.month, day: 1)
            return Period(kind: .month, year: date.year, number: date.month, start: start,
                          end: Self.lastDay(ofMonthAfter: start, months: 1), fiscalYearStart: fiscalYearStart)
        case .quarter, .year:
            // Months since the start of the fiscal year that holds `date`.
            let offset = ((date.month - fiscalYearStart) % 12 + 12) % 12
            let fiscalStartYear = date.month >= fiscalYearStart ? date.year : date.year - 1
            // A fiscal year is named by the calendar year it ends in (a calendar year by itself).
            let name = fiscalYearStart == 1 ? fiscalStartYear : fiscalStartYear + 1
            if kind == .year {
                let start = CivilDate(year: fiscalStartYear, month: fiscalYearStart, day: 1)
                return Period(kind: .year, year: name, number: 1, start: start,
                              end: Self.lastDay(ofMonthAfter: start, months: 12), fiscalYearStart: fiscalYearStart)
            }
            let quarter = offset / 3 + 1
            let firstMonth = fiscalYearStart + (quarter - 1) * 3
            let start = CivilDate(year: fiscalStartYear + (firstMonth - 1) / 12, month: (firstMonth - 1) % 12 + 1, day: 1)
            return Period(kind: .quarter, year: name, number: quarter, start: start,
                          end: Self.lastDay(ofMonthAfter: start, months: 3), fiscalYearStart: fiscalYearStart)
        }
    }

    /// The period right after `period`.
    public func next(after period: Period) -> Period {
        self.period(containing: CivilDate(daysSinceEpoch: period.end.daysSinceEpoch + 1))
    }

    /// Every period from the one holding `first` to the one holding `last`, none skipped.
    public func periods(from first: CivilDate, through last: CivilDate) -> [Period] {
        var periods = [period(containing: first)]
        let final = period(containing: last)
        while let current = periods.last, current < final {
            periods.append(next(after: current))
        }
        return periods
    }

    /// ISO 8601 week-numbering year and week of a day.
    static func isoWeek(of date: CivilDate) -> (year: Int, week: Int) {
        // The week's Thursday decides the year.
        let thursday = CivilDate(daysSinceEpoch: date.daysSinceEpoch - (date.isoWeekday - 1) + 3)
        let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)
        let week = (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1
        return (thursday.year, week)
    }

    /// The last day of the span of `months` months beginning at `start` (the first of a month).
    private static func lastDay(ofMonthAfter start: CivilDate, months: Int) -> CivilDate {
        let index = start.year * 12 + (start.month - 1) + months
        let next = CivilDate(year: index / 12, month: index % 12 + 1, day: 1)
        return CivilDate(daysSinceEpoch: next.daysSinceEpoch - 1)
    }
}
