/// A moment as Git records it: seconds since the Unix epoch and the UTC offset its author's clock had.
///
/// The offset matters: ktlo puts a commit in the day, week and quarter of its author's own calendar, so a commit
/// at 23:30 −07:00 on 31 March belongs to the first quarter even though it is April in UTC.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64
    /// Minutes east of UTC, as recorded (for example −420 for −07:00).
    public let offsetMinutes: Int

    public init(secondsSinceEpoch: Int64, offsetMinutes: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.offsetMinutes = offsetMinutes
    }

    /// The calendar day and time of day in the recorded offset.
    public var local: (date: CivilDate, hour: Int, minute: Int, second: Int) {
        let localSeconds = secondsSinceEpoch + Int64(offsetMinutes) * 60
        let (days, secondOfDay) = Self.floorDivide(localSeconds, by: 86_400)
        return (CivilDate(daysSinceEpoch: Int(days)),
                Int(secondOfDay / 3600), Int(secondOfDay % 3600 / 60), Int(secondOfDay % 60))
    }

    /// The calendar day in the recorded offset.
    public var localDate: CivilDate { local.date }

    /// ISO 8601 with the recorded offset, for example `2025-03-31T23:30:00-07:00`.
    public var iso8601: String {
        let (date, hour, minute, second) = local
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(date)T\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)):\(CivilDate.pad(second, 2))"
            + "\(sign)\(CivilDate.pad(offset / 60, 2)):\(CivilDate.pad(offset % 60, 2))"
    }

    public var description: String { iso8601 }

    /// Order in time; two records of the same instant in different offsets are ordered by offset only to keep
    /// `<` consistent with `==`.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.secondsSinceEpoch, lhs.offsetMinutes) < (rhs.secondsSinceEpoch, rhs.offsetMinutes)
    }

    private static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }
}
