/// Counts functions and decision points in a token stream: McCabe's cyclomatic complexity summed over a file's
/// functions, each function counting 1 plus its decisions, as lizard counts it.
///
/// What counts as a decision follows lizard per language (`if`, `for`, `while`, `case`, `catch`, `&&`, `||`, `?`
/// in the C family; `elif`, `except`, `and`, `or` in Python; …). Decisions outside any function (a C initializer, a
/// Python module's top level) are not counted, as lizard does not count them — except in shell scripts, which are
/// mostly top-level code, and which lizard does not read.
struct CyclomaticCounter {
    struct Result: Sendable, Hashable {
        var functions = 0
        /// Σ over functions of (1 + decisions).
        var complexity = 0
    }

    static func count(_ tokens: [Token], language: Language) -> Result {
        switch language {
        case .python: return countPython(tokens)
        case .ruby: return countRuby(tokens)
        case .shell: return countShell(tokens)
        default: return countBraces(tokens, language: language)
        }
    }

    // MARK: the brace languages

    private struct BraceSyntax {
        var decisions: Set<TokenText>
        /// Keywords that make the next `{` a function body (`func`, `fn`, `function`); empty for the C family.
        var functionKeywords: Set<TokenText> = []
        /// A `name(…) {` opens a function (the C family, JavaScript methods).
        var namedParentheses = true
        /// Functions inside functions are functions of their own (closures in Go, JavaScript, Swift…).
        var nested = false
        /// `(…) => {` is a function (JavaScript, TypeScript).
        var arrows = false
        /// Which `?` are decisions.
        var questionMarks = QuestionMarks.every
        /// `#if`, `#ifdef`, `#elif` inside a function are decisions (lizard's C reader counts them).
        var preprocessorDecisions = false
        /// Objective-C methods: `- (void)name:(int)x {`.
        var objectiveCMethods = false
        /// Rust: a `match` of n arms (each `=>`) adds n − 1 decisions, as lizard counts it.
        var matchArms = false
    }

    /// Which `?` lizard counts: its tokenizer sees every `?` in the C family (`?.` and `Int?` too); it reads Swift's
    /// and TypeScript's optionals.
    private enum QuestionMarks {
        case every
        case none
        /// Swift: a `?` after white space is a ternary; `x?`, `try?` and `??` are not decisions.
        case afterSpace
        /// TypeScript: `?` not glued to a word (`x?: T` is an optional); `?.` is not a decision, `??` is.
        case notAfterWord
    }

    private static let cFamily = Set<TokenText>(words: ["if", "for", "while", "case", "catch", "&&", "||"])

    private static func syntax(for language: Language) -> BraceSyntax {
        switch language {
        case .c, .cpp:
            return BraceSyntax(decisions: cFamily, preprocessorDecisions: true)
        case .objectiveC:
            return BraceSyntax(decisions: cFamily, preprocessorDecisions: true, objectiveCMethods: true)
        case .java:
            return BraceSyntax(decisions: cFamily)
        case .csharp:
            return BraceSyntax(decisions: cFamily.union([TokenText("??")]))
        case .javascript, .typescript:
            return BraceSyntax(decisions: cFamily.union([TokenText("??")]), functionKeywords: Set(words: ["function"]),
                               nested: true, arrows: true, questionMarks: .notAfterWord)
        case .go:
            return BraceSyntax(decisions: cFamily, functionKeywords: Set(words: ["func"]), namedParentheses: false,
                               nested: true)
        case .rust:
            return BraceSyntax(decisions: Set(words: ["if", "for", "while", "catch", "where", "&&", "||", "=>"]),
                               functionKeywords: Set(words: ["fn"]), namedParentheses: false, nested: true,
                               matchArms: true)
        case .swift:
            return BraceSyntax(decisions: Set(words: ["if", "for", "while", "case", "catch", "guard", "&&", "||"]),
                               functionKeywords: Set(words: ["func", "init", "deinit", "subscript"]),
                               namedParentheses: false, nested: true, questionMarks: .afterSpace)
        case .kotlin:
            return BraceSyntax(decisions: Set(words: ["if", "for", "while", "catch", "&&", "||", "?:"]),
                               functionKeywords: Set(words: ["fun", "init", "constructor"]), namedParentheses: false,
                               nested: true, questionMarks: .none)
        case .php:
            return BraceSyntax(decisions: Set(words: ["if", "elseif", "for", "foreach", "while", "catch", "match",
                                                      "case", "&&", "||"]),
                               functionKeywords: Set(words: ["function"]), namedParentheses: false, nested: true)
        case .python, .ruby, .shell:
            return BraceSyntax(decisions: cFamily)
        }
    }

    /// Words before `(` that make a statement, not a function: `if (…) {` is no function.
    private static let controlWords = Set<TokenText>(words: [
        "if", "for", "while", "switch", "catch", "return", "sizeof", "foreach", "using", "lock", "fixed",
        "synchronized", "elseif", "when", "match", "guard", "with", "typeof", "else", "do", "try", "case",
        "defined", "alignof", "decltype", "throw", "new", "await", "yield", "__attribute__",
    ])
    /// Words that make a `{` a type's or a statement's body in the languages that mark functions by a keyword.
    private static let declarationWords = Set<TokenText>(words: [
        "struct", "interface", "class", "enum", "trait", "type", "object", "protocol", "extension",
        "union", "switch", "select", "if", "for", "while", "match", "loop", "else",
    ])
    private static let question = TokenText("?")
    private static let matchWord = TokenText("match")
    private static let semicolon = TokenText(";")
    private static let equals = TokenText("=")
    private static let arrow = TokenText("=>")
    private static let minus = TokenText("-")
    private static let plus = TokenText("+")
    private static let ifDirectives = Set<TokenText>(words: ["if", "ifdef", "elif"])

    private static func countBraces(_ tokens: [Token], language: Language) -> Result {
        let syntax = syntax(for: language)
        var result = Result()
        // For each open `{`: does it open a function body?
        var scopes: [Bool] = []
        var functionDepth = 0
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .literal:
                continue
            case .directive:
                if syntax.preprocessorDecisions && functionDepth > 0 && ifDirectives.contains(token.text) {
                    result.complexity += 1
                }
                continue
            case .word, .symbol:
                break
            }
            if token.text == SourceLexer.openBrace {
                let opensFunction = (syntax.nested || functionDepth == 0)
                    && opensFunctionBody(tokens, brace: index, syntax: syntax)
                scopes.append(opensFunction)
                if opensFunction {
                    functionDepth += 1
                    result.functions += 1
                    result.complexity += 1
                }
            } else if token.text == SourceLexer.closeBrace {
                if let wasFunction = scopes.popLast(), wasFunction { functionDepth -= 1 }
            } else if syntax.arrows && token.text == arrow && tokens.indices.contains(index + 1)
                        && tokens[index + 1].text != SourceLexer.openBrace {
                // `x => expression`: a function without a body of braces.
                result.functions += 1
                result.complexity += 1
            } else if functionDepth > 0 {
                if syntax.decisions.contains(token.text) || (token.text == question && isDecision(token, syntax)) {
                    result.complexity += 1
                } else if syntax.matchArms && token.kind == .word && token.text == matchWord {
                    result.complexity -= 1
                }
            }
        }
        return result
    }

    private static func isDecision(_ questionMark: Token, _ syntax: BraceSyntax) -> Bool {
        let before = questionMark.before
        switch syntax.questionMarks {
        case .every: return true
        case .none: return false
        case .afterSpace: return before == 0 || before == UInt8(ascii: " ") || before == UInt8(ascii: "\t")
            || before == UInt8(ascii: "\n")
        case .notAfterWord:
            let isWordByte = (before >= UInt8(ascii: "a") && before <= UInt8(ascii: "z"))
                || (before >= UInt8(ascii: "A") && before <= UInt8(ascii: "Z"))
                || (before >= UInt8(ascii: "0") && before <= UInt8(ascii: "9")) || before == UInt8(ascii: "_")
            return !isWordByte
        }
    }

    /// Looks back from a `{` over the statement it ends: a function header has a parameter list, named by a word
    /// (or introduced by a function keyword), before the brace.
    private static func opensFunctionBody(_ tokens: [Token], brace: Int, syntax: BraceSyntax) -> Bool {
        var index = brace - 1
        var steps = 0
        while index >= 0 && steps < 80 {
            steps += 1
            let token = tokens[index]
            if token.kind == .word && syntax.functionKeywords.contains(token.text) {
                return true
            }
            if token.kind == .word && !syntax.namedParentheses && declarationWords.contains(token.text) {
                return false
            }
            if token.kind == .symbol {
                let text = token.text
                if text == semicolon || text == SourceLexer.openBrace || text == SourceLexer.closeBrace {
                    break
                }
                if text == arrow {
                    if syntax.arrows && index == brace - 1 { return true }
                    break
                }
                if text == equals { break }
                if syntax.objectiveCMethods && (text == minus || text == plus) && token.startsLine {
                    return true
                }
                if text == SourceLexer.close || text == SourceLexer.closeBracket {
                    guard token.opener >= 0 else { break }
                    index = Int(token.opener)
                    if text == SourceLexer.close {
                        if syntax.namedParentheses && index > 0 {
                            let before = tokens[index - 1]
                            if before.kind == .word {
                                if controlWords.contains(before.text) { return false }
                                if syntax.functionKeywords.isEmpty || !syntax.functionKeywords.contains(before.text) {
                                    return true
                                }
                            }
                        }
                    }
                }
            }
            index -= 1
        }
        return false
    }

    // MARK: Python

    private static let pythonDecisions = Set<TokenText>(words: ["if", "elif", "for", "while", "except", "finally",
                                                                  "and", "or"])
    private static let def = TokenText("def")

    /// Python: `def` opens a function whose body is every later line indented deeper than the `def`.
    private static func countPython(_ tokens: [Token]) -> Result {
        var result = Result()
        var functionIndents: [Int32] = []
        var brackets = 0
        for token in tokens {
            if token.startsLine && brackets == 0 {
                while let last = functionIndents.last, token.indent <= last { functionIndents.removeLast() }
            }
            if token.kind == .symbol {
                let text = token.text
                if text == SourceLexer.open || text == SourceLexer.openBracket || text == SourceLexer.openBrace {
                    brackets += 1
                } else if text == SourceLexer.close || text == SourceLexer.closeBracket
                    || text == SourceLexer.closeBrace {
                    brackets = max(0, brackets - 1)
                }
                continue
            }
            guard token.kind == .word else { continue }
            if token.text == def {
                result.functions += 1
                result.complexity += 1
                functionIndents.append(token.indent)
            } else if !functionIndents.isEmpty && pythonDecisions.contains(token.text) {
                result.complexity += 1
            }
        }
        return result
    }

    // MARK: Ruby

    private static let rubyDecisions = Set<TokenText>(words: ["if", "elsif", "until", "for", "while", "rescue",
                                                                "ensure", "when", "and", "or", "||", "&&"])
    /// Keywords that open a block closed by `end` when they start a statement.
    private static let rubyStatementOpeners = Set<TokenText>(words: ["def", "class", "module", "if", "unless",
                                                                       "while", "until", "case", "begin", "for"])
    private static let loopOpeners = Set<TokenText>(words: ["while", "until", "for"])
    private static let end = TokenText("end"), doKeyword = TokenText("do")
    private static let statementStarters = Set<TokenText>(words: ["=", "(", ";", "||=", "&&=", "return", "<<"])

    /// Ruby: `def … end`, with `end` matched against every block opener.
    private static func countRuby(_ tokens: [Token]) -> Result {
        var result = Result()
        var blocks: [Bool] = []  // true: a method
        var methods = 0
        var loopLine: Int32 = -1
        var previous: Token?
        for token in tokens {
            defer { previous = token }
            if token.kind == .word || token.kind == .symbol {
                if methods > 0 && (rubyDecisions.contains(token.text) || token.text == question) {
                    // A modifier `if` still decides; `?` counts as lizard's tokenizer sees it.
                    result.complexity += 1
                }
            }
            guard token.kind == .word else { continue }
            let startsStatement = token.startsLine || previous.map { statementStarters.contains($0.text) } ?? true
            if token.text == end {
                if let wasMethod = blocks.popLast(), wasMethod { methods -= 1 }
            } else if token.text == doKeyword {
                if token.line != loopLine { blocks.append(false) }
            } else if startsStatement && rubyStatementOpeners.contains(token.text) {
                let isMethod = token.text == def
                blocks.append(isMethod)
                if isMethod {
                    methods += 1
                    result.functions += 1
                    result.complexity += 1
                }
                if loopOpeners.contains(token.text) { loopLine = token.line }
            }
        }
        return result
    }

    // MARK: shell

    private static let shellDecisions = Set<TokenText>(words: ["if", "elif", "for", "while", "until", "&&", "||",
                                                                 ";;"])
    private static let functionWord = TokenText("function")

    /// Shell: every decision of the script counts (scripts are mostly top-level code), plus one per function
    /// (`name() {` or `function name`).
    private static func countShell(_ tokens: [Token]) -> Result {
        var result = Result()
        for (index, token) in tokens.enumerated() where token.kind != .literal {
            if shellDecisions.contains(token.text) {
                result.complexity += 1
            } else if token.kind == .word && token.text == functionWord && token.startsLine {
                result.functions += 1
                result.complexity += 1
            } else if token.text == SourceLexer.openBrace && index >= 3 && tokens[index - 1].text == SourceLexer.close
                        && tokens[index - 2].text == SourceLexer.open && tokens[index - 3].kind == .word
                        && (index < 4 || tokens[index - 4].text != functionWord) {
                result.functions += 1
                result.complexity += 1
            }
        }
        return result
    }
}
