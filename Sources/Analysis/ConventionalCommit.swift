/// A commit subject in the Conventional Commits form `type(scope)!: description`, with its breaking-change marks.
///
/// See https://www.conventionalcommits.org: the type is a noun, case-insensitive; the scope is optional; `!` before
/// the colon or a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer marks a breaking change; a colon and a space
/// separate the description.
public struct ConventionalCommit: Sendable, Hashable {
    /// The type, lower-cased: `feat`, `fix`, `chore`…
    public let type: String
    public let scope: String?
    public let isBreaking: Bool
    public let description: String

    public init(type: String, scope: String?, isBreaking: Bool, description: String) {
        self.type = type
        self.scope = scope
        self.isBreaking = isBreaking
        self.description = description
    }

    /// Parses a subject line (and the body, for breaking-change footers); `nil` if it is not in the form.
    public static func parse(subject: String, body: Substring = "") -> ConventionalCommit? {
        // Most subjects have no ": " early on; they are turned away before any work.
        guard let colon = subject.firstByteOffset(of: ": "), colon <= 80 else { return nil }
        let bytes = Array(subject.utf8.prefix(colon))
        func isTypeByte(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2D || byte == 0x5F
        }
        guard let first = bytes.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return nil }
        var index = 0
        while index < bytes.count, isTypeByte(bytes[index]) { index += 1 }
        guard index <= 20 else { return nil }
        let type = String(decoding: bytes[0..<index], as: UTF8.self).lowercased()

        var scope: String?
        if index < bytes.count, bytes[index] == 0x28 {  // (
            guard let close = bytes[index...].firstIndex(of: 0x29) else { return nil }
            let inner = bytes[(index + 1)..<close]
            guard !inner.contains(0x28) else { return nil }
            scope = String(decoding: inner, as: UTF8.self).trimmingSpaces()
            index = close + 1
        }
        var breaking = false
        if index < bytes.count, bytes[index] == 0x21 {  // !
            breaking = true
            index += 1
        }
        // The type, scope and "!" must take all of the text before ": ".
        guard index == bytes.count else { return nil }
        let descriptionStart = subject.utf8.index(subject.utf8.startIndex, offsetBy: colon + 2)
        let description = String(subject[descriptionStart...]).trimmingSpaces()
        guard !description.isEmpty else { return nil }
        if !breaking, body.containsBytes("BREAKING") {
            breaking = body.split(separator: "\n").contains {
                $0.hasPrefix("BREAKING CHANGE:") || $0.hasPrefix("BREAKING-CHANGE:")
            }
        }
        return ConventionalCommit(type: type, scope: scope?.isEmpty == true ? nil : scope, isBreaking: breaking,
                                  description: description)
    }

    /// The category a declared type stands for, or `nil` for a type ktlo does not know (it then falls through to
    /// the other rules). The commitlint types plus common extras; a `deps` scope is a dependency update and a
    /// `release` scope a release, whatever the type.
    public var declaredCategory: Category? {
        if let scope = scope?.lowercased() {
            if scope == "deps" || scope == "deps-dev" || scope == "dependencies" { return .maintenance }
            if scope == "release" && (type == "chore" || type == "build") { return .other }
        }
        return Self.typeCategories[type]
    }

    static let typeCategories: [String: Category] = [
        "feat": .feature, "feature": .feature, "features": .feature,
        "fix": .fix, "fixes": .fix, "bugfix": .fix, "hotfix": .fix, "security": .fix,
        "refactor": .refactor, "perf": .refactor, "style": .refactor, "cleanup": .refactor,
        "build": .maintenance, "ci": .maintenance, "chore": .maintenance, "deps": .maintenance,
        "dep": .maintenance, "dependencies": .maintenance, "workflow": .maintenance, "dx": .maintenance,
        "docs": .docs, "doc": .docs,
        "test": .test, "tests": .test,
        "revert": .revert,
        "release": .other,
    ]
}

extension String {
    func trimmingSpaces() -> String {
        // Printable ASCII at both ends: no character there is whitespace (a character that ends in such a byte
        // can only begin with it or with a prepended mark, neither of them whitespace), so nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
