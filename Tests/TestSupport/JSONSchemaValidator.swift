import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords ktlo's schemas use, so that tests can check reports
/// against `Schemas/*.schema.json` with nothing but Foundation.
///
/// Supported: `type` (one or several), `const`, `enum`, `properties`, `required`, `additionalProperties` (a
/// boolean or a schema), `items`, `minItems`, `minimum`, `maximum`, `pattern` (strings only), `$ref` to
/// `#/$defs/…` or to another schema file beside this one (`report.schema.json`, `report.schema.json#/$defs/…`),
/// and the annotations `$schema`, `$id`, `title`, `description`, `$comment`, `$defs`. Any other
/// keyword is an error, so a schema cannot come to rely on a keyword this validator would silently ignore.
public struct JSONSchemaValidator {
    private let root: [String: Any]
    private let folder: URL

    public init(schemaAt url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SchemaError(path: "", message: "the schema is not an object")
        }
        self.root = root
        folder = url.deletingLastPathComponent()
    }

    /// Every violation, with the JSON path where it is; empty when the document is valid.
    public func validate(_ document: Any) throws -> [String] {
        var errors: [String] = []
        try validate(document, against: root, at: "$", errors: &errors)
        return errors
    }

    private static let supported: Set<String> = [
        "type", "const", "enum", "properties", "required", "additionalProperties", "items", "minItems", "minimum",
        "maximum", "pattern", "$ref", "$schema", "$id", "title", "description", "$comment", "$defs",
    ]

    private func validate(_ value: Any, against schema: [String: Any], at path: String, errors: inout [String]) throws {
        if let unknown = schema.keys.first(where: { !Self.supported.contains($0) }) {
            throw SchemaError(path: path, message: "unsupported keyword '\(unknown)'")
        }
        if let reference = schema["$ref"] as? String {
            if reference.hasPrefix("#") {
                try validate(value, against: try resolve(reference), at: path, errors: &errors)
            } else {
                // Another schema file: validated by its own validator, whose `#/$defs/…` are its own.
                let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
                let other = try JSONSchemaValidator(schemaAt: folder.appendingPathComponent(parts[0]))
                let target = parts.count > 1 ? try other.resolve("#" + parts[1]) : other.root
                try other.validate(value, against: target, at: path, errors: &errors)
            }
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String ?? ""]
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                errors.append("\(path): \(Self.describe(value)) is not \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(value, constant) {
            errors.append("\(path): \(Self.describe(value)) is not \(constant)")
        }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { Self.equal(value, $0) }) {
            errors.append("\(path): \(Self.describe(value)) is not one of \(choices)")
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum {
                errors.append("\(path): \(number) is less than \(minimum)")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum {
                errors.append("\(path): \(number) is more than \(maximum)")
            }
        }
        if let text = value as? String, let pattern = schema["pattern"] as? String {
            let expression = try NSRegularExpression(pattern: pattern)
            if expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                errors.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): '\(key)' is required")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[key] as? [String: Any] {
                    try validate(member, against: propertySchema, at: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool {
                        if !allowed { errors.append("\(path): '\(key)' is not allowed") }
                    } else if let additionalSchema = additional as? [String: Any] {
                        try validate(member, against: additionalSchema, at: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if let array = value as? [Any], !(value is [String: Any]) {
            if let minimum = schema["minItems"].flatMap(Self.number), Double(array.count) < minimum {
                errors.append("\(path): fewer than \(Int(minimum)) items")
            }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() {
                    try validate(item, against: itemSchema, at: "\(path)[\(index)]", errors: &errors)
                }
            }
        }
    }

    private func resolve(_ reference: String) throws -> [String: Any] {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix), let definitions = root["$defs"] as? [String: Any],
              let schema = definitions[String(reference.dropFirst(prefix.count))] as? [String: Any] else {
            throw SchemaError(path: reference, message: "unresolvable $ref")
        }
        return schema
    }

    private static func isBoolean(_ value: Any) -> Bool {
        // Booleans come back as Bool or as an NSNumber of type "c" (char), depending on the platform.
        if value is Bool && !(value is Int) { return true }
        return (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    private static func number(_ value: Any) -> Double? {
        guard !isBoolean(value) else { return nil }
        return (value as? NSNumber)?.doubleValue ?? (value as? Double) ?? (value as? Int).map(Double.init)
    }

    private static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBoolean(value)
        case "number": return number(value) != nil
        case "integer": return number(value).map { $0 == $0.rounded() } ?? false
        case "string": return value is String
        case "array": return value is [Any] && !(value is [String: Any])
        case "object": return value is [String: Any]
        default: return false
        }
    }

    private static func equal(_ one: Any, _ two: Any) -> Bool {
        if let first = number(one), let second = number(two) { return first == second }
        if let first = one as? String, let second = two as? String { return first == second }
        if isBoolean(one) && isBoolean(two) { return (one as? Bool) == (two as? Bool) }
        return one is NSNull && two is NSNull
    }

    private static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let text = value as? String { return "'\(text)'" }
        return "\(value)"
    }
}

public struct SchemaError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
