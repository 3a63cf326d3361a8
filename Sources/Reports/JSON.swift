import Foundation

/// A JSON value, written with sorted keys and exact number formatting (integers without ".0").
///
/// Reports build documents of nested values; JSONSerialization would do, but it formats numbers in its own way and
/// does not sort keys on every platform.
indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    func text(pretty: Bool, indent: Int = 0) -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.format(value)
        case .string(let value): return Self.quote(value)
        case .array(let values):
            if values.isEmpty { return "[]" }
            guard pretty else { return "[" + values.map { $0.text(pretty: false) }.joined(separator: ",") + "]" }
            let inner = String(repeating: "  ", count: indent + 1)
            return "[\n" + values.map { inner + $0.text(pretty: true, indent: indent + 1) }.joined(separator: ",\n")
                + "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let keys = members.keys.sorted()
            guard pretty else {
                return "{" + keys.map { Self.quote($0) + ":" + members[$0]!.text(pretty: false) }.joined(separator: ",") + "}"
            }
            let inner = String(repeating: "  ", count: indent + 1)
            return "{\n" + keys.map { inner + Self.quote($0) + ": " + members[$0]!.text(pretty: true, indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    /// JSON text from another encoder with the characters ``quote(_:)`` escapes beyond the standard's (DEL, C1
    /// controls, bidirectional overrides, U+2028/U+2029) escaped too. Outside strings JSON has only ASCII, so each
    /// such character is inside a string, where `\uXXXX` is the same value.
    static func escapingInvisibles(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isUnsafe(scalar) || (0x2028...0x2029).contains(scalar.value)
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else as UTF-8. C1
    /// controls, bidirectional overrides and the JavaScript line separators are escaped as well (the value is the
    /// same, and a document shown in a terminal or pasted into a script cannot be reordered or broken by them).
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if TerminalText.isUnsafe(scalar) || (0x2028...0x2029).contains(scalar.value) {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
