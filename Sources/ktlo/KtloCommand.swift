import ArgumentParser

/// `ktlo`: where a team's engineering effort goes, read from Git history.
struct KtloCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ktlo",
        abstract: "Where your engineering effort goes, read from Git history.",
        discussion: """
            ktlo classifies every commit, measures the share of effort spent keeping the lights on (KTLO), \
            and finds the hotspots that cost the most. Exit codes: 0 success, 1 a `ktlo ci` rule was \
            breached, 2 bad usage or an unreadable repository.
            """,
        version: KtloVersion.current,
        subcommands: [ReportCommand.self, CommitsCommand.self, ClassifyCommand.self, HotspotsCommand.self,
                      CouplingCommand.self, AnalyzeCommand.self, CICommand.self, InitCommand.self,
                      CacheCommand.self]
    )
}

enum KtloVersion {
    static let current = "0.1.0"
}
