import ArgumentParser

/// Where and how a command writes its result.
struct OutputArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Output format (default: table on a terminal, otherwise the command's data format).",
                               valueName: "format"))
    var format: OutputFormat?

    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("Write to this file instead of standard output (written whole or not at all).",
                               valueName: "file"))
    var output: String?

    @Flag(name: [.customShort("q"), .long], help: "Print no warnings and no progress on standard error.")
    var quiet = false

    /// Rejects a format the command cannot write.
    func validate(formats: [OutputFormat], command: String) throws {
        if let format, !formats.contains(format) {
            throw ValidationError("ktlo \(command) writes \(formats.map(\.rawValue).joined(separator: ", ")), "
                                      + "not \(format.rawValue)")
        }
    }

    /// The format to use: the one asked for, else a table for a person at a terminal, else `fallback`.
    func resolvedFormat(fallback: OutputFormat) -> OutputFormat {
        if let format { return format }
        return output == nil && Terminal.standardOutputIsTerminal ? .table : fallback
    }
}
