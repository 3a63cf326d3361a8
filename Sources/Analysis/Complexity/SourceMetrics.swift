/// Size and complexity of one file's content: what ktlo knows about a file at the analysed revision.
public struct SourceMetrics: Sendable, Hashable {
    /// The language whose scanner read the file; `nil` for text ktlo has no scanner for.
    public var language: Language?
    /// Every line, blank or not.
    public var lines: Int
    /// Lines of code: not blank, and (for a known language) not only a comment.
    public var codeLines: Int
    /// Adam Tornhill's language-neutral indentation complexity: for every non-blank line, its leading tabs plus its
    /// leading spaces / 4, summed over the file.
    public var indentation: Double
    /// The deepest indentation of a line, in the same units.
    public var maximumIndentation: Double
    /// Functions the scanner found (0 without a scanner).
    public var functions: Int
    /// The cyclomatic estimate: Σ over functions of (1 + decision points), as lizard counts it; `nil` without a
    /// scanner for the language.
    public var cyclomatic: Int?
    /// Lines that indent deeper than the line before them: a language-neutral count of the blocks a file opens,
    /// which stands in for the cyclomatic estimate where there is none.
    public var indentedBlocks: Int

    public init(language: Language?, lines: Int, codeLines: Int, indentation: Double, maximumIndentation: Double,
                functions: Int, cyclomatic: Int?, indentedBlocks: Int) {
        self.language = language
        self.lines = lines
        self.codeLines = codeLines
        self.indentation = indentation
        self.maximumIndentation = maximumIndentation
        self.functions = functions
        self.cyclomatic = cyclomatic
        self.indentedBlocks = indentedBlocks
    }

    /// The complexity the hotspot score uses: the cyclomatic estimate, or the indented blocks without a scanner.
    public var complexity: Int { cyclomatic ?? indentedBlocks }
}
