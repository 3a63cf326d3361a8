/// Puts a feature of the learned model (``ModelFeatures``) into words, for explanations.
enum ModelFeatureDescription {
    /// `nil` for features that say nothing a person would act on (the constant term, the presence of a body).
    static func describe(_ name: String) -> String? {
        guard let colon = name.firstIndex(of: ":") else {
            switch name {
            case "newfiles": return "new files"
            case "renames": return "renamed files"
            case "area": return "an area prefix"
            default: return nil
            }
        }
        let kind = name[..<colon], value = String(name[name.index(after: colon)...])
        switch kind {
        case "s": return "the word '\(value)'"
        case "f": return "opening with '\(value)'"
        case "b": return "the words '\(value.split(separator: "_").joined(separator: " "))'"
        case "a": return "the area '\(value)'"
        case "p": return "a change to \(pathWords(value)) files"
        case "new": return "new \(pathWords(value)) files"
        case "gone": return "deleted \(pathWords(value)) files"
        case "add": return "\(range(value)) lines added"
        case "del": return "\(range(value)) lines removed"
        case "files": return "\(range(value)) files changed"
        case "ratio": return "lines added against removed (\(value))"
        case "r": return "rule \(value.split(separator: ":").first ?? "")"
        case "lead", "e": return "the rules' score for \(value)"
        default: return nil
        }
    }

    /// The counts a bin of ``ModelFeatures`` stands for.
    private static func range(_ bin: String) -> String {
        switch bin {
        case "0": "no"
        case "1": "1–3"
        case "2": "4–10"
        case "3": "11–30"
        case "4": "31–100"
        case "5": "101–300"
        default: "over 300"
        }
    }

    private static func pathWords(_ pathClass: String) -> String {
        switch pathClass {
        case "docs": "documentation"
        case "ci": "CI"
        case "dependencies": "dependency"
        default: pathClass
        }
    }
}
