/// A configuration that cannot be used, with the file and line to look at.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based; `nil` when the problem is the file as a whole.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `.ktlo.yml:12: unknown key 'clasification' …`
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
