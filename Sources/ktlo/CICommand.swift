import Analysis
import ArgumentParser
import Configuration
import Foundation
import Git
import History
import Reports

/// `ktlo ci`: after a merge, analyse the history, check the new commits and the current period against the rules,
/// write a summary, and exit 1 when a rule is breached.
struct CICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ci",
        abstract: "After a merge: classify the new commits, check the KTLO share against the rules, write a summary.",
        discussion: """
            The new commits are those after --base (default: the HEAD of the previous run, recorded in the cache, \
            when it is an ancestor of HEAD; else HEAD's first parent, so after a merge everything it brought in). The current period is the one holding HEAD's author date. Rules come from `ci:` in \
            .ktlo.yml and from the options here, which win. The Markdown summary goes to $GITHUB_STEP_SUMMARY \
            when it is set and to --summary FILE when given, else to standard output; under GitHub Actions \
            breaches, touched hotspots and warnings are also annotations. Exit codes: 0 every rule holds, 1 a rule \
            was breached, 2 the repository could not be analysed.
            """
    )

    @OptionGroup var history: HistoryArguments

    @Option(help: ArgumentHelp("Where the new commits start (exclusive); default: the previous run's HEAD, "
                                   + "recorded in the cache, else HEAD's first parent.",
                               valueName: "revision"))
    var base: String?

    @Option(help: ArgumentHelp("Fail when the current period's KTLO share is above this percentage.",
                               valueName: "percent"))
    var maxKtlo: Double?

    @Option(help: ArgumentHelp("Fail when the KTLO share rose more than this many points over the period before.",
                               valueName: "points"))
    var maxKtloIncrease: Double?

    @Flag(help: "Fail when a new commit made a top hotspot more complex.")
    var failOnHotspotGrowth = false

    @Option(help: ArgumentHelp("How many top hotspots the growth rule and the annotations consider (default 10).",
                               valueName: "count"))
    var hotspotTop: Int?

    @Flag(help: ArgumentHelp("Leave out the hotspots the new commits touched (the hotspot analysis reads the "
                                 + "history once more without diffs and measures the files at HEAD that the cache "
                                 + "has not measured yet; this saves that time)."))
    var noHotspots = false

    @Flag(help: "Exit 2 on a shallow clone instead of analysing the visible part of the history.")
    var requireFullHistory = false

    @Option(help: ArgumentHelp("Period: week (ISO), month, quarter or year.", valueName: "period"))
    var by: PeriodKind = .quarter

    @Option(help: ArgumentHelp("The measure of the shares: commits, churn or dev_days.", valueName: "measure"))
    var effort: EffortMeasure = .devDays

    @Option(help: ArgumentHelp("Write the Markdown summary to this file too.", valueName: "file"))
    var summary: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the JSON result to this file.",
                                                                  valueName: "file"))
    var output: String?

    @Flag(name: [.customShort("q"), .long], help: "Print no warnings on standard error.")
    var quiet = false

    func validate() throws {
        guard history.revisions.isEmpty else {
            throw ValidationError("ktlo ci analyses HEAD; name where the new commits start with --base")
        }
        if let maxKtlo, !(0...100).contains(maxKtlo) {
            throw ValidationError("--max-ktlo must be a percentage from 0 to 100")
        }
        if let maxKtloIncrease, !(0...100).contains(maxKtloIncrease) {
            throw ValidationError("--max-ktlo-increase must be percentage points from 0 to 100")
        }
        if let hotspotTop, hotspotTop < 1 { throw ValidationError("--hotspot-top must be at least 1") }
    }

    func run() throws {
        let session = try AnalysisSession(history)
        let repository = session.repository
        let fullReader = try session.reader(history)
        guard let head = fullReader.head.commit else { throw CommandFailure.unusable("HEAD names no commit") }
        let shallowBoundary = (try? repository.shallowBoundary()) ?? []
        // Read before the walk, which records HEAD as the new tip when it is done.
        let recordedTip = fullReader.cache?.recordedTip(of: "HEAD")
        let base = try CIBase.resolve(option: base, recordedHead: recordedTip, head: head, repository: repository,
                                      shallowBoundary: shallowBoundary)
        let classifier = try session.classifier(measuringOn: fullReader)
        let configuration = session.configuration
        let options = EffortReportBuilder.Options(calendar: PeriodCalendar(kind: by), measure: effort,
                                                  mapping: configuration.classifier.buckets,
                                                  teams: TeamMap(configuration.teams), budget: configuration.budget)

        // The whole visible history, for the periods (and, unless they are left out, the hotspots: one walk).
        let rules = rules(configuration.ci)
        if noHotspots && rules.failOnHotspotGrowth {
            throw CommandFailure.unusable("--no-hotspots leaves nothing for the hotspot growth rule to check "
                                              + "(--fail-on-hotspot-growth, or ci.fail_on_hotspot_growth)")
        }
        var analysis: HotspotAnalysis?
        let report: EffortReport
        let visible: Int
        var historyWarnings = fullReader.warnings
        if noHotspots {
            // The periods alone: the report's snapshot spares the history behind the previous run.
            var whole = EffortReportBuilder(options: options)
            let added = try ReportSnapshot.addRange(of: fullReader, history: history, session: session,
                                                    classifier: classifier, to: &whole, quiet: quiet)
            (report, visible, historyWarnings) = (whole.build(), added.commits, added.warnings)
        } else {
            let shared = try HotspotAnalysis(history, session: session, reader: fullReader, classifier: classifier,
                                             by: .file, quiet: true, effortOptions: options,
                                             progress: ProgressDisplay.make(for: [fullReader], quiet: quiet))
            guard let effort = shared.effort else { throw CommandFailure.unusable("no effort report was built") }
            (analysis, report, visible, historyWarnings) = (shared, effort, shared.walked, fullReader.warnings)
        }
        var warnings = historyWarnings.filter { $0.kind != "shallow_clone" }
        if !shallowBoundary.isEmpty {
            let message = "shallow clone: only \(visible) commit(s) of the history are visible, so the periods and "
                + "their KTLO shares cover part of it; fetch the whole history (actions/checkout with "
                + "fetch-depth: 0, or GIT_DEPTH: 0 in GitLab CI)"
            if requireFullHistory { throw CommandFailure.unusable(message + " (--require-full-history)") }
            warnings.insert(HistoryWarning(kind: "shallow_clone", message: message), at: 0)
        }

        // The new commits of this run.
        let rangeReader = try session.reader(history, revisions: [head.hex] + (base.commit.map { ["^" + $0.hex] } ?? []))
        var newCommits: [ClassifiedCommit] = []
        var range = EffortReportBuilder(options: options)
        do {
            try ClassifiedCommits.forEach(in: [rangeReader], classifier: classifier) { commit in
                newCommits.append(commit)
                range.add(commit, isBot: classifier.isBot(commit.record.author))
            }
        } catch let error as HistoryError {
            throw CommandFailure.unusable(error.description)
        }

        let headTime = newCommits.first { $0.record.id == head }?.record.authorTime
            ?? (try? repository.commit(head))?.author.time
        let hotspots = try analysis.map { analysis in
            try CIHotspots.touched(analysis, newCommits: newCommits, base: base.commit, top: rules.hotspotTop)
        } ?? []
        let result = CIGate.evaluate(report: report,
                                     headPeriod: headTime.map { options.calendar.period(containing: $0.localDate) },
                                     newCommits: newCommits, range: range.build().totals, rules: rules,
                                     touchedHotspots: hotspots)
        var branch: String?
        if case .branch(let name, _) = fullReader.head { branch = name }
        let context = CIContext(
            repository: RepositoryContext(repositoryPath: fullReader.repositoryPath, head: head, branch: branch),
            base: base.commit, baseSource: base.source, visibleCommits: visible,
            isShallow: !shallowBoundary.isEmpty, warnings: warnings)
        try write(result, context: context)
        if !result.passed {
            throw CommandFailure(message: result.breaches.map { "\($0.rule.rawValue) breached: \($0.detail)" }
                                     .joined(separator: "; "), exitCode: 1)
        }
    }

    /// The configuration's rules, with the command line's on top.
    private func rules(_ configured: CIRules) -> CIRules {
        var rules = configured
        if let maxKtlo { rules.maxKTLOPercent = maxKtlo }
        if let maxKtloIncrease { rules.maxKTLOIncreasePoints = maxKtloIncrease }
        if failOnHotspotGrowth { rules.failOnHotspotGrowth = true }
        if let hotspotTop { rules.hotspotTop = hotspotTop }
        return rules
    }

    private func write(_ result: CIResult, context: CIContext) throws(CommandFailure) {
        if !quiet {
            for warning in context.warnings { Terminal.printWarning(warning.message) }
        }
        let markdown = CISummaryRenderer().render(result, context: context)
        let environment = ProcessInfo.processInfo.environment
        let stepSummary = environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
        if let stepSummary { try SummaryFile.append(markdown, to: stepSummary) }
        if let summary {
            let writer = try OutputWriter(path: summary)
            try writer.write(markdown)
            try writer.finish()
        }
        if let output {
            let writer = try OutputWriter(path: output)
            try writer.write(CIJSONRenderer().render(result, context: context))
            try writer.finish()
        }
        var standardOutput = ""
        if environment["GITHUB_ACTIONS"] == "true" {
            standardOutput += CIAnnotations.make(result, context: context).map(\.command).joined()
        }
        if stepSummary == nil && summary == nil { standardOutput += markdown }
        if !standardOutput.isEmpty {
            let writer = try OutputWriter(path: nil)
            try writer.write(standardOutput)
            try writer.finish()
        }
    }
}

/// `$GITHUB_STEP_SUMMARY` is appended to: each step of a job adds its part.
enum SummaryFile {
    static func append(_ text: String, to path: String) throws(CommandFailure) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
        }() else {
            throw .unusable("cannot write the job summary \(path)")
        }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            throw .unusable("cannot write the job summary \(path): \(error.localizedDescription)")
        }
    }
}
