/// What a commit was for. The nine categories of DESIGN.md.
public enum Category: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case feature, fix, refactor, maintenance, docs, test, revert, merge, other

    /// In the order of the cases (`ordinal`, which builds no array of all cases as `allCases` does).
    public static func < (lhs: Category, rhs: Category) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}

/// Where a category's effort counts: keeping the lights on, new features, or neither.
public enum Bucket: String, Sendable, Hashable, CaseIterable, Codable {
    case ktlo, feature, other
}

/// Which bucket each category's effort goes to. Merges are in no bucket.
public struct BucketMapping: Sendable, Equatable {
    public private(set) var buckets: [Category: Bucket]

    /// DESIGN.md's mapping: ktlo = fix + refactor + maintenance + revert; feature = feature;
    /// other = docs + test + other.
    public static let standard = BucketMapping(buckets: [
        .fix: .ktlo, .refactor: .ktlo, .maintenance: .ktlo, .revert: .ktlo,
        .feature: .feature,
        .docs: .other, .test: .other, .other: .other,
    ])

    public init(buckets: [Category: Bucket]) {
        self.buckets = buckets
        self.buckets[.merge] = nil
    }

    /// The mapping with `category` moved to `bucket` (merges stay in none).
    public func moving(_ category: Category, to bucket: Bucket) -> BucketMapping {
        var copy = self
        if category != .merge { copy.buckets[category] = bucket }
        return copy
    }

    public func bucket(for category: Category) -> Bucket? {
        buckets[category]
    }
}
