/// One lexical token of source code: comments and the insides of strings are gone by then.
struct Token {
    enum Kind: UInt8 {
        case word
        case symbol
        /// A string or character literal (its text is not kept).
        case literal
        /// A C preprocessor line; its text is the directive's name (`if`, `define`, …).
        case directive
    }

    var kind: Kind
    var text: TokenText
    /// 0-based line of the token's first byte.
    var line: Int32
    /// The first token on its line; ``indent`` is then the line's indentation in columns (a tab to the next
    /// multiple of 8, as Python reads it).
    var startsLine: Bool
    var indent: Int32
    /// The byte just before the token (0 at the start): `x?` and `x ?` mean different things in Swift and TypeScript.
    var before: UInt8 = 0
    /// For `)`, `]` and `}`: the index of the token that opened it (-1 when unbalanced).
    var opener: Int32 = -1
}
