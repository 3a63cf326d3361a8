/// What a language's lexer must know to skip comments and strings.
struct LexicalRules: Sendable {
    /// `//` comments.
    var slashComments = false
    /// `/* … */` comments.
    var blockComments = false
    /// Block comments nest (Swift, Rust, Kotlin).
    var nestedBlockComments = false
    /// `#` comments: anywhere (Python, Ruby, PHP), or only where a word starts (shell).
    var hashComments = HashComments.none
    /// `#` at the start of a line is a preprocessor directive running to the end of the line (C, C++, Objective-C,
    /// C#).
    var preprocessor = false
    /// `'…'` is a string or character literal with `\` escapes (false: `'` is something else, or handled below).
    var singleQuotes = true
    /// `'…'` has no escapes (shell).
    var rawSingleQuotes = false
    /// `"""…"""` (and `'''…'''` in Python) spans lines.
    var tripleQuotes = false
    /// `` `…` `` is a string (JavaScript templates, Go raw strings); in the shell it is code.
    var backtickStrings = false
    /// `/…/` after an operator is a regular expression (JavaScript, TypeScript, Ruby).
    var regexLiterals = false
    /// Rust: `r#"…"#` raw strings, and `'a` lifetimes that are not character literals.
    var rustLiterals = false
    /// Swift: `#"…"#` raw strings.
    var swiftRawStrings = false
    /// C#: `@"…"` verbatim strings with `""` for a quote.
    var verbatimStrings = false
    /// C++: `R"delimiter(…)delimiter"` raw strings, and `1'000` digit separators.
    var cppLiterals = false
    /// Here-documents: `<<EOF` (shell, Ruby's `<<~EOF`), `<<<EOF` (PHP).
    var heredocs = Heredocs.none
    /// Ruby's `=begin` … `=end` comments.
    var rubyBlockComments = false
    /// `$` is part of a word (`$x` in PHP, JavaScript).
    var dollarInWords = false
    /// Two- and three-byte operators kept whole; any other symbol is one byte.
    var operators: [String] = ["&&", "||", "=>", "->", "::", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
                               "|=", "&=", "^=", "%=", "<<", ">>", "++", "--", "..."]

    enum HashComments { case none, anywhere, atWordStart }
    enum Heredocs { case none, shell, ruby, php }

    static func rules(for language: Language) -> LexicalRules {
        var rules = LexicalRules()
        switch language {
        case .c, .cpp, .objectiveC:
            rules.slashComments = true
            rules.blockComments = true
            rules.preprocessor = true
            rules.cppLiterals = language == .cpp
        case .java:
            rules.slashComments = true
            rules.blockComments = true
            rules.tripleQuotes = true
        case .csharp:
            rules.slashComments = true
            rules.blockComments = true
            rules.preprocessor = true
            rules.verbatimStrings = true
            rules.tripleQuotes = true
            rules.operators.append("??")
        case .javascript, .typescript:
            rules.slashComments = true
            rules.blockComments = true
            rules.backtickStrings = true
            rules.regexLiterals = true
            rules.dollarInWords = true
            rules.operators += ["??", "?.", "??="]
        case .go:
            rules.slashComments = true
            rules.blockComments = true
            rules.backtickStrings = true
        case .rust:
            rules.slashComments = true
            rules.blockComments = true
            rules.nestedBlockComments = true
            rules.singleQuotes = false
            rules.rustLiterals = true
        case .swift:
            rules.slashComments = true
            rules.blockComments = true
            rules.nestedBlockComments = true
            rules.singleQuotes = false
            rules.tripleQuotes = true
            rules.swiftRawStrings = true
            rules.operators.append("??")
        case .kotlin:
            rules.slashComments = true
            rules.blockComments = true
            rules.nestedBlockComments = true
            rules.tripleQuotes = true
            rules.operators.append("?:")
        case .python:
            rules.hashComments = .anywhere
            rules.tripleQuotes = true
        case .ruby:
            rules.hashComments = .anywhere
            rules.rubyBlockComments = true
            rules.heredocs = .ruby
            rules.backtickStrings = true
        case .php:
            rules.slashComments = true
            rules.blockComments = true
            rules.hashComments = .anywhere
            rules.heredocs = .php
            rules.dollarInWords = true
            rules.operators += ["??", "?->", "?:", "??="]
        case .shell:
            rules.hashComments = .atWordStart
            rules.rawSingleQuotes = true
            rules.heredocs = .shell
            rules.operators.append(";;")
        }
        // Longest first, so that `?->` wins over `?`.
        rules.operators.sort { $0.utf8.count > $1.utf8.count }
        return rules
    }
}
