import History

/// The classification fields of a commit record until the classifier exists.
///
/// Merges are known from the structure alone; every other commit says plainly that it is `unclassified`, with no
/// bucket and zero confidence, rather than pretending to a category.
struct CommitClassificationPlaceholder {
    let category: String
    let bucket: String?
    let confidence: Double
    let reasons: [String]

    init(_ record: CommitRecord) {
        if record.isMerge {
            category = "merge"
            bucket = nil
            confidence = 1
            reasons = ["merge commit with \(record.parents.count) parents"]
        } else {
            category = "unclassified"
            bucket = nil
            confidence = 0
            reasons = ["no classifier yet"]
        }
    }
}
