/// Splits source code into tokens, dropping comments and the insides of strings, and counts the lines that hold
/// code. One pass over the bytes, no regular expressions: it has to read every file of a repository in a fraction
/// of the time the history walk takes.
///
/// It is a lexer, not a parser: where a language is ambiguous without parsing (is this `/` a division or a regular
/// expression?) it guesses the way most code is written.
struct SourceLexer {
    struct Output {
        var tokens: [Token] = []
        /// Lines with at least one token: not blank, not only a comment.
        var codeLines = 0
    }

    private let rules: LexicalRules
    private let operators: [[UInt8]]
    private let text: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line: Int32 = 0
    private var lineHasCode = false
    private var atLineStart = true
    private var lineIndent: Int32 = 0
    private var lineTokenSeen = false
    private var output = Output()
    /// Open `(`, `[`, `{` tokens, to pair each closer with its opener.
    private var openers: [Int32] = []
    private var pendingHeredocs: [(delimiter: [UInt8], indented: Bool)] = []

    private init(rules: LexicalRules, text: UnsafeBufferPointer<UInt8>) {
        self.rules = rules
        self.operators = rules.operators.map { Array($0.utf8) }
        self.text = text
    }

    static func lex(_ bytes: UnsafeBufferPointer<UInt8>, rules: LexicalRules) -> Output {
        var lexer = SourceLexer(rules: rules, text: bytes)
        lexer.run()
        return lexer.output
    }

    private func byte(_ offset: Int = 0) -> UInt8 {
        let index = position + offset
        return index < text.count ? text[index] : 0
    }

    private mutating func run() {
        while position < text.count {
            if atLineStart {
                startLine()
                continue
            }
            let current = text[position]
            switch current {
            case UInt8(ascii: "\n"):
                endLine()
                position += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                position += 1
            default:
                lexToken(current)
            }
        }
        if lineHasCode { output.codeLines += 1 }
    }

    private mutating func endLine() {
        if lineHasCode { output.codeLines += 1 }
        line += 1
        lineHasCode = false
        lineTokenSeen = false
        atLineStart = true
    }

    /// Measures the indentation, then handles what can only start a line.
    private mutating func startLine() {
        atLineStart = false
        if !pendingHeredocs.isEmpty {
            skipHeredocBodies()
            return
        }
        var column: Int32 = 0
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: " ") {
                column += 1
            } else if current == UInt8(ascii: "\t") {
                column = (column / 8 + 1) * 8
            } else {
                break
            }
            position += 1
        }
        lineIndent = column
        if rules.preprocessor && byte() == UInt8(ascii: "#") {
            lexDirective()
        } else if rules.rubyBlockComments && column == 0 && startsWith("=begin") {
            skipRubyBlockComment()
        }
    }

    private func startsWith(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= text.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where text[position + offset] != pointer[offset] { return false }
        return true
    }

    private mutating func emit(_ kind: Token.Kind, _ tokenText: TokenText, startLine: Int32? = nil,
                               start: Int? = nil) {
        lineHasCode = true
        var token = Token(kind: kind, text: tokenText, line: startLine ?? line, startsLine: !lineTokenSeen,
                          indent: lineIndent)
        if let start, start > 0 { token.before = text[start - 1] }
        lineTokenSeen = true
        if kind == .symbol {
            if tokenText == Self.open || tokenText == Self.openBracket || tokenText == Self.openBrace {
                openers.append(Int32(output.tokens.count))
            } else if tokenText == Self.close || tokenText == Self.closeBracket || tokenText == Self.closeBrace {
                token.opener = openers.popLast() ?? -1
            }
        }
        output.tokens.append(token)
    }

    static let open = TokenText("("), close = TokenText(")"), openBracket = TokenText("["),
               closeBracket = TokenText("]"), openBrace = TokenText("{"), closeBrace = TokenText("}")

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func lexToken(_ current: UInt8) {
        let next = byte(1)
        // Comments.
        if current == UInt8(ascii: "/") && rules.slashComments && next == UInt8(ascii: "/") {
            skipToEndOfLine()
            return
        }
        if current == UInt8(ascii: "/") && rules.blockComments && next == UInt8(ascii: "*") {
            skipBlockComment()
            return
        }
        if current == UInt8(ascii: "#") && isHashComment() {
            skipToEndOfLine()
            return
        }
        // Strings and characters.
        if lexLiteral(current) { return }
        // Words and numbers.
        if Self.isDigit(current) {
            lexNumber()
            return
        }
        if Self.isWordByte(current) || (rules.dollarInWords && current == UInt8(ascii: "$")) {
            lexWord()
            return
        }
        if current == UInt8(ascii: "/") && rules.regexLiterals && regexMayStartHere() {
            skipRegex()
            return
        }
        if rules.heredocs != .none && current == UInt8(ascii: "<") && startHeredoc() { return }
        // Operators and punctuation.
        for candidate in operators where matches(candidate) {
            let start = position
            position += candidate.count
            emit(.symbol, TokenText(text, from: start, to: position), start: start)
            return
        }
        position += 1
        emit(.symbol, TokenText(text, from: position - 1, to: position), start: position - 1)
    }

    private func matches(_ candidate: [UInt8]) -> Bool {
        guard position + candidate.count <= text.count else { return false }
        for (offset, expected) in candidate.enumerated() where text[position + offset] != expected { return false }
        return true
    }

    private func isHashComment() -> Bool {
        switch rules.hashComments {
        case .none:
            return false
        case .anywhere:
            // PHP 8 attributes are `#[…]`, not comments.
            return !(rules.heredocs == .php && byte(1) == UInt8(ascii: "["))
        case .atWordStart:
            guard position > 0 else { return true }
            let previous = text[position - 1]
            return previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "\n")
                || previous == UInt8(ascii: ";") || previous == UInt8(ascii: "(") || previous == UInt8(ascii: "|")
                || previous == UInt8(ascii: "&")
        }
    }

    private mutating func skipToEndOfLine() {
        while position < text.count && text[position] != UInt8(ascii: "\n") { position += 1 }
    }

    private mutating func skipBlockComment() {
        position += 2
        var depth = 1
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: "*") && byte(1) == UInt8(ascii: "/") {
                position += 2
                depth -= 1
                if depth == 0 || !rules.nestedBlockComments { return }
            } else if rules.nestedBlockComments && current == UInt8(ascii: "/") && byte(1) == UInt8(ascii: "*") {
                position += 2
                depth += 1
            } else {
                if current == UInt8(ascii: "\n") { newlineInsideToken() }
                position += 1
            }
        }
    }

    /// A line break inside a comment or string: the line count goes on, the token goes on.
    private mutating func newlineInsideToken() {
        if lineHasCode { output.codeLines += 1 }
        line += 1
        lineHasCode = false
        lineTokenSeen = true
    }

    private mutating func skipRubyBlockComment() {
        while position < text.count {
            skipToEndOfLine()
            guard position < text.count else { return }
            position += 1
            line += 1
            if startsWith("=end") {
                skipToEndOfLine()
                return
            }
        }
    }

    /// A C preprocessor line (continued by `\`): one token naming the directive; its body is dropped, as lizard
    /// drops it.
    private mutating func lexDirective() {
        position += 1
        while byte() == UInt8(ascii: " ") || byte() == UInt8(ascii: "\t") { position += 1 }
        let start = position
        while position < text.count && Self.isWordByte(text[position]) { position += 1 }
        emit(.directive, TokenText(text, from: start, to: position))
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: "\n") {
                // A backslash before the newline (or before a carriage return) continues the directive.
                var back = position - 1
                if back >= 0 && text[back] == UInt8(ascii: "\r") { back -= 1 }
                guard back >= 0 && text[back] == UInt8(ascii: "\\") else { return }
                newlineInsideToken()
                lineHasCode = true
            } else if current == UInt8(ascii: "/") && byte(1) == UInt8(ascii: "*") {
                skipBlockComment()
                continue
            }
            position += 1
        }
    }

    private mutating func lexNumber() {
        position += 1
        while position < text.count {
            let current = text[position]
            if Self.isWordByte(current) || current == UInt8(ascii: ".") {
                position += 1
            } else if rules.cppLiterals && current == UInt8(ascii: "'") && Self.isWordByte(byte(1)) {
                position += 1
            } else {
                break
            }
        }
        lineHasCode = true
        lineTokenSeen = true
    }

    private mutating func lexWord() {
        let start = position
        position += 1
        while position < text.count
            && (Self.isWordByte(text[position]) || (rules.dollarInWords && text[position] == UInt8(ascii: "$"))) {
            position += 1
        }
        // A word glued to a quote may be a string prefix: r"…", b'…', f"…", u8"…", L"…", R"(…)", @"…".
        let quote = byte()
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "#") {
            if lexPrefixedLiteral(wordStart: start) { return }
        }
        emit(.word, TokenText(text, from: start, to: position))
    }

    // MARK: literals

    /// Lexes a string or character literal starting at the current byte; false when none starts here.
    private mutating func lexLiteral(_ current: UInt8) -> Bool {
        switch current {
        case UInt8(ascii: "\""):
            if rules.tripleQuotes && byte(1) == UInt8(ascii: "\"") && byte(2) == UInt8(ascii: "\"") {
                skipTripleQuoted(UInt8(ascii: "\""))
            } else {
                skipQuoted(UInt8(ascii: "\""), escapes: true)
            }
            return true
        case UInt8(ascii: "'"):
            if rules.rustLiterals {
                return lexRustQuote()
            }
            guard rules.singleQuotes || rules.rawSingleQuotes else { return false }
            if rules.tripleQuotes && byte(1) == UInt8(ascii: "'") && byte(2) == UInt8(ascii: "'") {
                skipTripleQuoted(UInt8(ascii: "'"))
            } else {
                skipQuoted(UInt8(ascii: "'"), escapes: !rules.rawSingleQuotes)
            }
            return true
        case UInt8(ascii: "`"):
            guard rules.backtickStrings else { return false }
            skipQuoted(UInt8(ascii: "`"), escapes: true, interpolation: true)
            return true
        case UInt8(ascii: "@"):
            guard rules.verbatimStrings && byte(1) == UInt8(ascii: "\"") else { return false }
            position += 1
            skipVerbatim()
            return true
        case UInt8(ascii: "#"):
            guard rules.swiftRawStrings else { return false }
            var hashes = 0
            while byte(hashes) == UInt8(ascii: "#") { hashes += 1 }
            guard byte(hashes) == UInt8(ascii: "\"") else { return false }
            position += hashes
            skipRaw(hashes: hashes)
            return true
        default:
            return false
        }
    }

    private mutating func lexPrefixedLiteral(wordStart: Int) -> Bool {
        let prefix = Array(text[wordStart..<position])
        let quote = byte()
        if rules.rustLiterals && (prefix == [UInt8(ascii: "r")] || prefix == Array("br".utf8))
            && (quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "#")) {
            var hashes = 0
            while byte(hashes) == UInt8(ascii: "#") { hashes += 1 }
            guard byte(hashes) == UInt8(ascii: "\"") else { return false }
            position += hashes
            skipRaw(hashes: hashes)
            return true
        }
        if rules.rustLiterals && prefix == [UInt8(ascii: "b")] {
            if quote == UInt8(ascii: "'") {
                skipQuoted(quote, escapes: true)
                return true
            }
            return false
        }
        if rules.cppLiterals && quote == UInt8(ascii: "\"") && prefix.last == UInt8(ascii: "R")
            && prefix.count <= 3 {
            skipCppRawString()
            return true
        }
        guard quote == UInt8(ascii: "\"") || (quote == UInt8(ascii: "'") && rules.singleQuotes) else { return false }
        // Python's r, b, f, u, rb…; C's L, u, U, u8; C#'s $ is lexed as a symbol before the string.
        let known: Set<[UInt8]> = [[0x72], [0x62], [0x66], [0x75], [0x52], [0x42], [0x46], [0x55], [0x4C],
                                   Array("rb".utf8), Array("br".utf8), Array("fr".utf8), Array("rf".utf8),
                                   Array("Rb".utf8), Array("bR".utf8), Array("u8".utf8)]
        guard known.contains(prefix) else { return false }
        if rules.tripleQuotes && byte(1) == quote && byte(2) == quote {
            skipTripleQuoted(quote)
        } else {
            let raw = prefix.contains(UInt8(ascii: "r")) || prefix.contains(UInt8(ascii: "R"))
            skipQuoted(quote, escapes: !raw || quote == UInt8(ascii: "'"))
        }
        return true
    }

    /// Skips `"…"` (or another single delimiter); `${…}` inside a JavaScript template may hold anything.
    private mutating func skipQuoted(_ quote: UInt8, escapes: Bool, interpolation: Bool = false) {
        let startLine = line
        position += 1
        var braces = 0
        while position < text.count {
            let current = text[position]
            if escapes && current == UInt8(ascii: "\\") {
                if byte(1) == UInt8(ascii: "\n") { newlineInsideToken() }
                position += 2
                continue
            }
            if current == UInt8(ascii: "\n") {
                // Only templates, shell strings and the like span lines; an unterminated one-line string ends here,
                // so a stray quote cannot swallow the rest of the file.
                if !(interpolation || rules.heredocs == .shell || rules.heredocs == .ruby || rules.heredocs == .php) {
                    break
                }
                newlineInsideToken()
                lineHasCode = true
            } else if interpolation && current == UInt8(ascii: "$") && byte(1) == UInt8(ascii: "{") {
                braces += 1
                position += 1
            } else if interpolation && braces > 0 && current == UInt8(ascii: "}") {
                braces -= 1
            } else if current == quote && braces == 0 {
                position += 1
                break
            }
            position += 1
        }
        emit(.literal, TokenText.long, startLine: startLine)
    }

    private mutating func skipTripleQuoted(_ quote: UInt8) {
        let startLine = line
        position += 3
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: "\\") {
                if byte(1) == UInt8(ascii: "\n") { newlineInsideToken(); lineHasCode = true }
                position += 2
                continue
            }
            if current == quote && byte(1) == quote && byte(2) == quote {
                position += 3
                while byte() == quote { position += 1 }
                break
            }
            if current == UInt8(ascii: "\n") {
                newlineInsideToken()
                lineHasCode = true
            }
            position += 1
        }
        emit(.literal, TokenText.long, startLine: startLine)
    }

    /// C#'s `@"…"`, where `""` is a quote and there are no escapes.
    private mutating func skipVerbatim() {
        let startLine = line
        position += 1
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: "\"") {
                if byte(1) == UInt8(ascii: "\"") {
                    position += 2
                    continue
                }
                position += 1
                break
            }
            if current == UInt8(ascii: "\n") {
                newlineInsideToken()
                lineHasCode = true
            }
            position += 1
        }
        emit(.literal, TokenText.long, startLine: startLine)
    }

    /// `"…"#` with `hashes` hashes (Rust's `r#"…"#`, Swift's `#"…"#`), the opening hashes already consumed.
    private mutating func skipRaw(hashes: Int) {
        let startLine = line
        position += 1
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: "\"") {
                var count = 0
                while count < hashes && byte(1 + count) == UInt8(ascii: "#") { count += 1 }
                if count == hashes {
                    position += 1 + hashes
                    break
                }
            }
            if current == UInt8(ascii: "\n") {
                newlineInsideToken()
                lineHasCode = true
            }
            position += 1
        }
        emit(.literal, TokenText.long, startLine: startLine)
    }

    /// C++'s `R"delimiter(…)delimiter"`.
    private mutating func skipCppRawString() {
        let startLine = line
        position += 1
        let delimiterStart = position
        while position < text.count && text[position] != UInt8(ascii: "(") && text[position] != UInt8(ascii: "\n") {
            position += 1
        }
        let closing = [UInt8(ascii: ")")] + Array(text[delimiterStart..<position]) + [UInt8(ascii: "\"")]
        while position < text.count && !matches(closing) {
            if text[position] == UInt8(ascii: "\n") {
                newlineInsideToken()
                lineHasCode = true
            }
            position += 1
        }
        position = min(text.count, position + closing.count)
        emit(.literal, TokenText.long, startLine: startLine)
    }

    /// Rust: `'x'` and `'\n'` are characters; `'a` is a lifetime (a word).
    private mutating func lexRustQuote() -> Bool {
        if byte(1) == UInt8(ascii: "\\") {
            skipQuoted(UInt8(ascii: "'"), escapes: true)
            return true
        }
        // One UTF-8 scalar, then a closing quote.
        var length = 1
        let lead = byte(1)
        if lead >= 0xF0 { length = 4 } else if lead >= 0xE0 { length = 3 } else if lead >= 0xC0 { length = 2 }
        if byte(1 + length) == UInt8(ascii: "'") {
            position += 2 + length
            emit(.literal, TokenText.long)
            return true
        }
        position += 1
        if Self.isWordByte(byte()) { lexWord() }
        return true
    }

    // MARK: regular expressions

    /// JavaScript: a `/` that cannot be a division (after an operator, an opening bracket, a keyword) starts a
    /// regular expression.
    private func regexMayStartHere() -> Bool {
        guard let last = output.tokens.last else { return true }
        switch last.kind {
        case .literal: return false
        case .directive: return true
        case .word: return Self.regexKeywords.contains(last.text)
        case .symbol: return last.text != Self.close && last.text != Self.closeBracket && last.text != Self.closeBrace
        }
    }

    private static let regexKeywords = Set<TokenText>(words: ["return", "typeof", "case", "in", "of", "delete",
                                                                "void", "throw", "new", "else", "do", "yield",
                                                                "await", "instanceof"])

    private mutating func skipRegex() {
        position += 1
        var inClass = false
        while position < text.count {
            let current = text[position]
            if current == UInt8(ascii: "\n") { break }
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if current == UInt8(ascii: "[") { inClass = true }
            if current == UInt8(ascii: "]") { inClass = false }
            position += 1
            if current == UInt8(ascii: "/") && !inClass { break }
        }
        while position < text.count && Self.isWordByte(text[position]) { position += 1 }
        emit(.literal, TokenText.long)
    }

    // MARK: here-documents

    /// `<<EOF`, `<<-'EOF'` (shell), `<<~EOS` (Ruby), `<<<EOT` (PHP): the body starts on the next line.
    private mutating func startHeredoc() -> Bool {
        var offset = 2
        guard byte(1) == UInt8(ascii: "<") else { return false }
        var indented = false
        switch rules.heredocs {
        case .php:
            guard byte(2) == UInt8(ascii: "<") else { return false }
            offset = 3
            indented = true
        case .shell:
            if byte(2) == UInt8(ascii: "<") { return false }  // a here-string
            if byte(2) == UInt8(ascii: "-") { offset = 3; indented = true }
        case .ruby:
            if byte(2) == UInt8(ascii: "~") || byte(2) == UInt8(ascii: "-") { offset = 3; indented = true }
        case .none:
            return false
        }
        while byte(offset) == UInt8(ascii: " ") && rules.heredocs != .ruby { offset += 1 }
        var quote: UInt8 = 0
        if byte(offset) == UInt8(ascii: "'") || byte(offset) == UInt8(ascii: "\"") {
            quote = byte(offset)
            offset += 1
        }
        let start = position + offset
        var end = start
        while end < text.count && Self.isWordByte(text[end]) { end += 1 }
        guard end > start else { return false }
        // Ruby's `a << b` is an append; its here-documents name an upper-case word or are quoted/indented.
        if rules.heredocs == .ruby && !indented && quote == 0
            && !(text[start] >= UInt8(ascii: "A") && text[start] <= UInt8(ascii: "Z")) {
            return false
        }
        pendingHeredocs.append((Array(text[start..<end]), indented))
        position = end + (quote != 0 && end < text.count && text[end] == quote ? 1 : 0)
        emit(.literal, TokenText.long)
        return true
    }

    private mutating func skipHeredocBodies() {
        for heredoc in pendingHeredocs {
            while position < text.count {
                let lineStart = position
                skipToEndOfLine()
                var first = lineStart
                if heredoc.indented {
                    while first < position && (text[first] == UInt8(ascii: " ") || text[first] == UInt8(ascii: "\t")) {
                        first += 1
                    }
                }
                var last = position
                while last > first && (text[last - 1] == UInt8(ascii: "\r") || text[last - 1] == UInt8(ascii: ";")) {
                    last -= 1
                }
                let isEnd = Array(text[first..<last]) == heredoc.delimiter
                lineHasCode = true
                if position < text.count {
                    position += 1
                    if lineHasCode { output.codeLines += 1 }
                    line += 1
                    lineHasCode = false
                }
                if isEnd { break }
            }
        }
        pendingHeredocs.removeAll()
        lineTokenSeen = false
        atLineStart = true
    }
}
