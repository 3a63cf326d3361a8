/// A GitHub Actions workflow command (`::warning file=…,title=…::message`), escaped by GitHub's rules so that
/// repository text cannot end the command early or start another one.
public struct GitHubAnnotation: Sendable, Equatable {
    public enum Level: String, Sendable { case notice, warning, error }

    public let level: Level
    public let message: String
    public let file: String?
    public let line: Int?
    public let title: String?

    public init(_ level: Level, _ message: String, file: String? = nil, line: Int? = nil, title: String? = nil) {
        self.level = level
        self.message = message
        self.file = file
        self.line = line
        self.title = title
    }

    /// The command, one line ending in a line feed.
    public var command: String {
        var properties: [String] = []
        if let file { properties.append("file=" + Self.escapeProperty(file)) }
        if let line { properties.append("line=\(line)") }
        if let title { properties.append("title=" + Self.escapeProperty(title)) }
        return "::\(level.rawValue)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ","))
            + "::" + Self.escapeData(message) + "\n"
    }

    /// The message: `%`, CR and LF percent-encoded (GitHub's `escapeData`).
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value: as the message, and `:` and `,` too, which would end the value (GitHub's
    /// `escapeProperty`).
    public static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
