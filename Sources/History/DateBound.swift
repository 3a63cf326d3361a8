import Git

/// One end of a `--since`/`--until` window, compared with the author date.
///
/// A plain date is a day in the author's own calendar, the same calendar ktlo's periods use: `--since 2025-01-01`
/// keeps a commit made at 00:30 +09:00 on 1 January even though it was still 2024 in UTC. A full timestamp is an
/// instant.
public enum DateBound: Sendable, Equatable {
    case day(CivilDate)
    case instant(Int64)

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`, or `N days|weeks|months|years ago`.
    /// - Parameter now: seconds since the epoch, for relative dates.
    public static func parse(_ text: String, now: Int64) -> DateBound? {
        let trimmed = text.trimmingSpaces()
        if let day = parseDay(Substring(trimmed)) { return .day(day) }
        if let instant = parseInstant(trimmed) { return .instant(instant) }
        return parseRelative(trimmed, now: now)
    }

    /// True if `time` is on or after this bound.
    public func admitsAsSince(_ time: Timestamp) -> Bool {
        switch self {
        case .day(let day): time.localDate >= day
        case .instant(let seconds): time.secondsSinceEpoch >= seconds
        }
    }

    /// True if `time` is on or before this bound (a day bound includes the whole day).
    public func admitsAsUntil(_ time: Timestamp) -> Bool {
        switch self {
        case .day(let day): time.localDate <= day
        case .instant(let seconds): time.secondsSinceEpoch <= seconds
        }
    }

    private static func parseDay(_ text: Substring) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        // Reject 2025-02-30 and the like: a real date survives the round trip.
        return CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date ? date : nil
    }

    private static func parseInstant(_ text: String) -> Int64? {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == " " }),
              let day = parseDay(text[text.startIndex..<separator]) else { return nil }
        var rest = text[text.index(after: separator)...]
        var offsetMinutes = 0
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[rest.index(after: signIndex)...].split(separator: ":")
            let digits = zone.joined()
            guard digits.count == 4, let value = Int(digits) else { return nil }
            offsetMinutes = (value / 100 * 60 + value % 100) * (rest[signIndex] == "-" ? -1 : 1)
            rest = rest[rest.startIndex..<signIndex]
        }
        let clock = rest.split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(offsetMinutes) * 60
    }

    private static func parseRelative(_ text: String, now: Int64) -> DateBound? {
        let words = text.lowercased().split(separator: " ")
        guard words.count == 3, words[2] == "ago", let count = Int(words[0]), count >= 0 else { return nil }
        let unit = words[1].hasSuffix("s") ? words[1].dropLast() : words[1]
        let today = Timestamp(secondsSinceEpoch: now, offsetMinutes: 0).localDate
        switch unit {
        case "day": return .day(CivilDate(daysSinceEpoch: today.daysSinceEpoch - count))
        case "week": return .day(CivilDate(daysSinceEpoch: today.daysSinceEpoch - 7 * count))
        case "month", "year":
            let months = unit == "month" ? count : 12 * count
            let index = today.year * 12 + (today.month - 1) - months
            let year = index >= 0 ? index / 12 : (index - 11) / 12
            let month = index - year * 12 + 1
            let lastDay = CivilDate(daysSinceEpoch: CivilDate(year: month == 12 ? year + 1 : year,
                                                               month: month == 12 ? 1 : month + 1,
                                                               day: 1).daysSinceEpoch - 1).day
            return .day(CivilDate(year: year, month: month, day: min(today.day, lastDay)))
        default: return nil
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
