import Git
import History

/// A compact byte form of a list of ``EffortCommit``s without their files, for keeping a whole range's effort
/// between runs (`ktlo report`'s snapshot in the cache): a run after a merge then reads the new commits only.
///
/// Layout: a version byte; the category names used (a count, then each as a length and UTF-8); the people (a count,
/// then name and e-mail of each); the commits (a count, then per commit its person's index, its day as days since
/// 1970 (zigzag), its category's index, a flags byte (merge, bot, low confidence) and its churn). Integers are
/// LEB128. Anything that does not decode completely and exactly is refused (`nil`).
public enum EffortCommitCoding {
    private static let version: UInt8 = 1
    private static let mergeFlag: UInt8 = 1
    private static let botFlag: UInt8 = 2
    private static let lowConfidenceFlag: UInt8 = 4

    /// The bytes of `commits`; their files and repository names are not kept.
    public static func encode(_ commits: [EffortCommit]) -> [UInt8] {
        var bytes: [UInt8] = [version]
        let categories = Category.allCases
        put(categories.count, into: &bytes)
        for category in categories { put(category.rawValue, into: &bytes) }
        var people: [Identity: Int] = [:]
        var order: [Identity] = []
        for commit in commits where people[commit.author] == nil {
            people[commit.author] = order.count
            order.append(commit.author)
        }
        put(order.count, into: &bytes)
        for person in order {
            put(person.name, into: &bytes)
            put(person.email, into: &bytes)
        }
        put(commits.count, into: &bytes)
        for commit in commits {
            put(people[commit.author]!, into: &bytes)
            let day = commit.day.daysSinceEpoch
            put(day >= 0 ? day << 1 : ((-day) << 1) - 1, into: &bytes)
            put(categories.firstIndex(of: commit.category)!, into: &bytes)
            var flags: UInt8 = 0
            if commit.isMerge { flags |= mergeFlag }
            if commit.isBot { flags |= botFlag }
            if commit.isLowConfidence { flags |= lowConfidenceFlag }
            bytes.append(flags)
            put(commit.churn, into: &bytes)
        }
        return bytes
    }

    /// The commits `bytes` hold, or `nil` when they are not exactly what ``encode(_:)`` makes.
    public static func decode(_ bytes: [UInt8]) -> [EffortCommit]? {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == version, let categoryCount = reader.integer(), categoryCount <= 64 else { return nil }
        var categories: [Category] = []
        for _ in 0..<categoryCount {
            guard let name = reader.string(), let category = Category(rawValue: name) else { return nil }
            categories.append(category)
        }
        guard let peopleCount = reader.integer(), peopleCount <= bytes.count else { return nil }
        var people: [Identity] = []
        people.reserveCapacity(peopleCount)
        for _ in 0..<peopleCount {
            guard let name = reader.string(), let email = reader.string() else { return nil }
            people.append(Identity(name: name, email: email))
        }
        guard let count = reader.integer(), count <= bytes.count else { return nil }
        var commits: [EffortCommit] = []
        commits.reserveCapacity(count)
        for _ in 0..<count {
            guard let person = reader.integer(), person < people.count, let zigzag = reader.integer(),
                  let category = reader.integer(), category < categories.count, let flags = reader.byte(),
                  flags & ~(mergeFlag | botFlag | lowConfidenceFlag) == 0, let churn = reader.integer() else {
                return nil
            }
            let day = zigzag & 1 == 0 ? zigzag >> 1 : -((zigzag + 1) >> 1)
            commits.append(EffortCommit(author: people[person], day: CivilDate(daysSinceEpoch: day),
                                        category: categories[category], isMerge: flags & mergeFlag != 0,
                                        isBot: flags & botFlag != 0, isLowConfidence: flags & lowConfidenceFlag != 0,
                                        churn: churn, files: []))
        }
        return reader.isAtEnd ? commits : nil
    }

    private static func put(_ value: Int, into bytes: inout [UInt8]) {
        var value = UInt64(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func put(_ text: String, into bytes: inout [UInt8]) {
        put(text.utf8.count, into: &bytes)
        bytes += text.utf8
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func integer() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
                if shift > 56 { return nil }
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = integer(), length <= bytes.count - position else { return nil }
            defer { position += length }
            return String(decoding: bytes[position..<position + length], as: UTF8.self)
        }
    }
}
