/// A kind of feature of the learned stage. A feature's name is its kind's prefix followed by its parts (none, one,
/// or two joined by the kind's separator): "bias", "s:crash", "b:fix_crash", "r:message.fix-word:fix".
enum FeatureKind: Int, CaseIterable, Sendable {
    case bias, area, body, newFiles, renames
    case subjectWord, openingWord, wordPair, areaHead, pathClass, newFile, goneFile, added, deleted, files, ratio
    case rule, leader, score

    var prefix: String {
        switch self {
        case .bias: "bias"
        case .area: "area"
        case .body: "body"
        case .newFiles: "newfiles"
        case .renames: "renames"
        case .subjectWord: "s:"
        case .openingWord: "f:"
        case .wordPair: "b:"
        case .areaHead: "a:"
        case .pathClass: "p:"
        case .newFile: "new:"
        case .goneFile: "gone:"
        case .added: "add:"
        case .deleted: "del:"
        case .files: "files:"
        case .ratio: "ratio:"
        case .rule: "r:"
        case .leader: "lead:"
        case .score: "e:"
        }
    }

    /// How many parts follow the prefix.
    var parts: Int {
        switch self {
        case .bias, .area, .body, .newFiles, .renames: 0
        case .wordPair, .rule: 2
        default: 1
        }
    }

    /// Between the two parts: words hold no "_" and rule names no ":", so a name splits back unambiguously.
    var separator: String { self == .rule ? ":" : "_" }
}

/// One part of a feature's name, with its hash computed once (a subject's word serves four features).
struct FeaturePart: Sendable {
    let text: String
    let hash: UInt64

    init(_ text: String) {
        self.text = text
        // FNV-1a over the bytes, read in place (a word is a small string: no copy to the heap), as `Words` hashes.
        var text = text
        hash = text.withUTF8 { WordHash.hash($0) }
    }

    /// A part whose hash is known already (a subject's word, hashed as it was split); its text is only needed by a
    /// sink that writes names.
    init(hash: UInt64, text: String) {
        self.text = text
        self.hash = hash
    }

    static let empty = FeaturePart("")
}
