import Analysis
import History

/// `ktlo analyze --format html`: one self-contained page to read before planning — KTLO over time, the hotspot map,
/// who carries the load — with inline CSS and SVG, no script and no request to anywhere (its Content Security
/// Policy forbids both). Every chart has a title, a description that says what it shows, and a table of its data.
///
/// Every piece of repository text goes through ``Markup/escaped(_:)`` (the helper `h`), in text and in attributes.
public struct AnalyzeHTMLRenderer {
    /// How many files of the map carry their names.
    public let mapLabels: Int
    /// How many people and components the burden charts show.
    public let burdenRows: Int

    public init(mapLabels: Int = 12, burdenRows: Int = 12) {
        self.mapLabels = mapLabels
        self.burdenRows = burdenRows
    }

    public func render(_ report: AnalyzeReport) -> String {
        var page = HTMLPage(title: "KTLO report — \(report.source.repositoryPath)")
        page.body += header(report)
        page.body += "<main>\n"
        page.body += summary(report)
        page.body += overTime(report)
        page.body += hotspots(report)
        page.body += coupling(report)
        page.body += burden(report)
        page.body += warnings(report)
        page.body += "</main>\n"
        page.body += footer(report)
        return page.document
    }

    // MARK: - Sections

    private func header(_ report: AnalyzeReport) -> String {
        let source = report.source
        var revision = ""
        if let head = source.head {
            revision = (source.branch.map { h($0) + " @ " } ?? "") + "<code>\(h(head.abbreviated()))</code>"
        }
        var range = ""
        if let oldest = source.oldest, let newest = source.newest {
            range = " · \(Self.day(oldest)) to \(Self.day(newest))"
        }
        return "<header>\n<h1>Where the effort went</h1>\n<p class=\"lead\"><code>\(h(source.repositoryPath))</code>"
            + (revision.isEmpty ? "" : " · \(revision)") + range + " · \(ChartLabel.grouped(source.commits)) commits</p>\n"
            + "</header>\n"
    }

    private func summary(_ report: AnalyzeReport) -> String {
        let effort = report.effort, measure = effort.measure, mapping = effort.mapping, totals = effort.totals.effort
        let ktlo = totals.share(.ktlo, measure, mapping: mapping)
        var cards: [(String, String, String)] = [
            ("KTLO share", ReportNumber.percent(ktlo), "of all \(measure.phrase)"),
        ]
        if let budget = report.ktloBudgetPercent {
            let difference = ktlo.map { $0 * 100 - budget }
            cards.append(("KTLO budget", ChartLabel.percent(budget),
                          difference.map { ReportNumber.points($0) + " against it" } ?? "no effort to compare"))
        }
        cards.append(("Feature / other", ReportNumber.percent(totals.share(Bucket.feature, measure, mapping: mapping))
                        + " / " + ReportNumber.percent(totals.share(Bucket.other, measure, mapping: mapping)),
                      "of all \(measure.phrase)"))
        let latest = effort.periods.last { $0.summary.effort.bucketedTotal(measure, mapping: mapping) > 0 }
        if let latest {
            cards.append(("Latest \(effort.calendar.kind.rawValue)",
                          ReportNumber.percent(latest.summary.effort.share(.ktlo, measure, mapping: mapping)),
                          "KTLO in \(latest.period.label)"
                              + (latest.change?.ktloSharePoints.map { ", " + ReportNumber.points($0) } ?? "")))
        }
        cards.append(("Commits", ChartLabel.grouped(effort.totals.commits),
                      "by \(ChartLabel.grouped(effort.totals.authors)) people"))
        let inHotspots = report.hotspots.ktloInHotspots
        if let share = inHotspots.share(measure) {
            cards.append(("KTLO in the top \(inHotspots.top) hotspots", ReportNumber.percent(share),
                          "of the KTLO \(measure.phrase)"))
        }
        if let gini = effort.ktloGini[measure] {
            cards.append(("KTLO spread", ReportNumber.plain(gini), "Gini over people (0 = evenly, 1 = one person)"))
        }
        var html = "<section id=\"summary\" aria-label=\"Summary\">\n<ul class=\"cards\">\n"
        for (title, value, note) in cards {
            html += "<li><span class=\"card-title\">\(h(title))</span><strong>\(h(value))</strong>"
                + "<span class=\"card-note\">\(h(note))</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private func overTime(_ report: AnalyzeReport) -> String {
        let effort = report.effort, measure = effort.measure, mapping = effort.mapping
        let kind = effort.calendar.kind.rawValue
        let bars = effort.periods.map { period in
            ShareBarsChart.Bar(label: period.period.label,
                               ktlo: period.summary.effort.effort(.ktlo, measure, mapping: mapping),
                               feature: period.summary.effort.effort(.feature, measure, mapping: mapping),
                               other: period.summary.effort.effort(.other, measure, mapping: mapping))
        }
        let budget = report.ktloBudgetPercent
        let shares = effort.periods.map { period in
            TrendChart.Point(label: period.period.label,
                             percent: period.summary.effort.share(.ktlo, measure, mapping: mapping).map { $0 * 100 })
        }
        let description = Self.trendDescription(shares, kind: kind, measure: measure, budget: budget)
        var html = "<section id=\"over-time\">\n<h2>KTLO over time</h2>\n"
        html += "<figure aria-describedby=\"periods-table\">\n"
        html += ShareBarsChart(bars: bars, budgetPercent: budget).svg(
            id: "chart-buckets", title: "KTLO, feature and other work per \(kind), as shares of the \(measure.phrase)",
            description: description)
        html += "\n<figcaption>Share of the \(h(measure.phrase)) per \(h(kind)): "
            + Self.legend([("s-ktlo", "KTLO (fix, refactor, maintenance, revert)"), ("s-feature", "feature"),
                           ("s-other", "other (docs, test, other)")])
            + (budget == nil ? "" : " " + Self.legend([("budget-key", "KTLO budget")])) + "</figcaption>\n</figure>\n"
        html += "<figure aria-describedby=\"periods-table\">\n"
        html += TrendChart(points: shares, budgetPercent: budget).svg(
            id: "chart-trend", title: "KTLO share of the \(measure.phrase) per \(kind)", description: description)
        html += "\n<figcaption>The KTLO share per \(h(kind)); a gap is a \(h(kind)) without commits.</figcaption>\n"
            + "</figure>\n"
        html += periodTable(report)
        return html + "</section>\n"
    }

    private func periodTable(_ report: AnalyzeReport) -> String {
        let effort = report.effort, measure = effort.measure, mapping = effort.mapping
        var html = "<div class=\"scroll\"><table id=\"periods-table\">\n<caption>Effort per "
            + "\(h(effort.calendar.kind.rawValue)), in \(h(measure.phrase))</caption>\n<thead><tr>"
            + ["Period", "Commits", "Authors", measure.phrase.capitalized, "KTLO", "Feature", "Other", "Δ KTLO",
               "Guessed"].map { "<th scope=\"col\">\(h($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        func row(_ label: String, _ summary: EffortSummary, _ change: PeriodChange?, total: Bool = false) -> String {
            let cells = [String(summary.commits), String(summary.authors),
                         ReportNumber.plain(summary.effort.bucketedTotal(measure, mapping: mapping), decimals: 1),
                         ReportNumber.percent(summary.effort.share(.ktlo, measure, mapping: mapping)),
                         ReportNumber.percent(summary.effort.share(Bucket.feature, measure, mapping: mapping)),
                         ReportNumber.percent(summary.effort.share(Bucket.other, measure, mapping: mapping)),
                         ReportNumber.points(change?.ktloSharePoints), String(summary.lowConfidenceCommits)]
            return "<tr\(total ? " class=\"total\"" : "")><th scope=\"row\">\(h(label))</th>"
                + cells.map { "<td>\(h($0))</td>" }.joined() + "</tr>\n"
        }
        for period in effort.periods { html += row(period.period.label, period.summary, period.change) }
        html += "</tbody>\n<tfoot>\n" + row("Total", effort.totals, nil, total: true) + "</tfoot>\n</table></div>\n"
        if !effort.totalBudget.isEmpty {
            html += "<p class=\"note\">Budget over the whole range: " + effort.totalBudget.map { line in
                "\(h(line.target.description)) \(h(ReportNumber.plain(line.budgetPercent))) % → "
                    + h(line.actualPercent.map { ReportNumber.plain($0, decimals: 1) + " %" } ?? "–")
                    + (line.differencePoints.map { " (\(h(ReportNumber.points($0))))" } ?? "")
            }.joined(separator: " · ") + "</p>\n"
        }
        return html
    }

    private func hotspots(_ report: AnalyzeReport) -> String {
        let labelled = Set(report.map.prefix(mapLabels).map(\.path))
        let points = report.map.map { hotspot in
            HotspotMapChart.Point(path: hotspot.path, revisions: hotspot.history.revisions,
                                  complexity: hotspot.metrics.complexity, linesOfCode: hotspot.metrics.codeLines,
                                  fixes: hotspot.history.fixes, labelled: labelled.contains(hotspot.path))
        }
        var html = "<section id=\"hotspots\">\n<h2>Hotspots</h2>\n"
        html += "<p>Files that change often and are complex cost the most to keep running. Up and to the right is "
            + "where to look; big circles are long files, dark red ones attract fixes.</p>\n"
        html += "<figure aria-describedby=\"hotspots-table\">\n"
        let top = report.map.prefix(3).map { "\($0.path) (\($0.history.revisions) changes, complexity \($0.metrics.complexity))" }
        html += HotspotMapChart(points: points).svg(
            id: "chart-hotspots", title: "Hotspot map: complexity against change frequency",
            description: "\(points.count) files by changes (x) and complexity (y), both on log scales, sized by lines "
                + "of code and coloured by the share of their changes that were fixes."
                + (top.isEmpty ? "" : " Highest scores: " + top.joined(separator: "; ") + "."))
        html += "\n<figcaption>Share of a file's changes that were fixes: "
            + Self.legend([("f0", "under 10 %"), ("f1", "10–25 %"), ("f2", "25–40 %"), ("f3", "40–60 %"),
                           ("f4", "60 % or more")]) + "</figcaption>\n</figure>\n"
        html += hotspotTable(report)
        if !report.map.isEmpty {
            html += "<details><summary>All \(report.map.count) files on the map</summary>\n<div class=\"scroll\"><table>"
                + "<caption>The files of the hotspot map, highest score first</caption>\n<thead><tr>"
                + ["File", "Changes", "Complexity", "Lines of code", "Fixes"].map { "<th scope=\"col\">\($0)</th>" }.joined()
                + "</tr></thead>\n<tbody>\n"
            for hotspot in report.map {
                html += "<tr><th scope=\"row\"><code>\(h(hotspot.path))</code></th><td>\(hotspot.history.revisions)</td>"
                    + "<td>\(hotspot.metrics.complexity)</td><td>\(hotspot.metrics.codeLines)</td>"
                    + "<td>\(hotspot.history.fixes)</td></tr>\n"
            }
            html += "</tbody></table></div>\n</details>\n"
        }
        return html + "</section>\n"
    }

    private func hotspotTable(_ report: AnalyzeReport) -> String {
        let hotspots = report.hotspots
        var html = "<div class=\"scroll\"><table id=\"hotspots-table\">\n<caption>The top \(hotspots.hotspots.count) of "
            + "\(hotspots.ranked) \(h(hotspots.grouping.noun))s, with what smells</caption>\n<thead><tr>"
            + ["#", "File, and what smells", "Score", "Changes", "Fixes", "Complexity", "Lines", "Authors",
               "Main author"].map { "<th scope=\"col\">\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for hotspot in hotspots.hotspots {
            let history = hotspot.history
            let owner = history.mainAuthor.map {
                "\(h($0.author.name)) (\(h(ReportNumber.percent(history.ownership, decimals: 0))))"
            } ?? "–"
            let smells = hotspot.smells.isEmpty ? "" : "<ul class=\"smells\">" + hotspot.smells.map {
                "<li><span class=\"smell\">\(h($0.kind.rawValue.replacingOccurrences(of: "_", with: " ")))</span> "
                    + "\(h($0.detail))</li>"
            }.joined() + "</ul>"
            let score = hotspot.score >= 1000 ? ChartLabel.grouped(Int(hotspot.score.rounded()))
                : ReportNumber.plain(hotspot.score, decimals: 1)
            html += "<tr><td>\(hotspot.rank)</td><th scope=\"row\" class=\"file\"><code>\(h(hotspot.path))</code>"
                + "\(smells)</th><td>\(h(score))</td><td>\(history.revisions)</td>"
                + "<td>\(history.fixes)</td><td>\(hotspot.metrics.complexity)</td><td>\(hotspot.metrics.codeLines)</td>"
                + "<td>\(history.authors.count)</td><td class=\"text\">\(owner)</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        if let share = hotspots.ktloInHotspots.share(report.effort.measure) {
            html += "<p class=\"note\">\(h(ReportNumber.percent(share))) of the KTLO \(h(report.effort.measure.phrase)) "
                + "landed in these \(hotspots.ktloInHotspots.top) files. Score = (changes + changes in the last "
                + "\(hotspots.recentDays) days) × √(1 + complexity) × (1 + fix score).</p>\n"
        }
        return html
    }

    private func coupling(_ report: AnalyzeReport) -> String {
        let options = report.coupling.options
        var html = "<section id=\"coupling\">\n<h2>Change coupling</h2>\n"
        guard !report.coupling.couplings.isEmpty else {
            return html + "<p>No pair of files changed together in at least \(options.minimumShared) commits and "
                + "\(options.minimumDegree) % of their changes.</p>\n</section>\n"
        }
        html += "<div class=\"scroll\"><table>\n<caption>Files that change together: degree = 100 × shared commits / "
            + "average changes</caption>\n<thead><tr>"
            + ["File", "Changes with", "Shared", "Degree"].map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for pair in report.coupling.couplings {
            html += "<tr><th scope=\"row\"><code>\(h(pair.pathA))</code></th><td class=\"text\"><code>\(h(pair.pathB))</code></td>"
                + "<td>\(pair.shared)</td><td>\(pair.degree) %</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private func burden(_ report: AnalyzeReport) -> String {
        let effort = report.effort
        var html = "<section id=\"burden\">\n<h2>Who carries the KTLO</h2>\n"
        if let gini = effort.ktloGini[effort.measure] {
            html += "<p>Gini coefficient of the KTLO \(h(effort.measure.phrase)) over people: "
                + "<strong>\(h(ReportNumber.plain(gini)))</strong> (0: shared evenly; near 1: one person carries it).</p>\n"
        }
        html += burdenFigure(effort.authors, report: report, id: "people", noun: "person", title: "People")
        html += burdenFigure(effort.components, report: report, id: "components", noun: "component",
                             title: "Components")
        return html + "</section>\n"
    }

    private func burdenFigure(_ groups: [GroupEffort], report: AnalyzeReport, id: String, noun: String,
                              title: String) -> String {
        let effort = report.effort, measure = effort.measure, mapping = effort.mapping
        guard !groups.isEmpty else { return "" }
        // People come largest KTLO effort first; components largest effort first: both are charted by KTLO.
        let ordered = groups.sorted {
            ($0.summary.effort.effort(.ktlo, measure, mapping: mapping), $1.name)
                > ($1.summary.effort.effort(.ktlo, measure, mapping: mapping), $0.name)
        }
        let shown = Array(ordered.prefix(burdenRows))
        let rows = shown.map { group in
            let ktlo = group.summary.effort.effort(.ktlo, measure, mapping: mapping)
            return BurdenBarsChart.Row(label: group.name, ktlo: ktlo,
                                       rest: group.summary.effort.bucketedTotal(measure, mapping: mapping) - ktlo)
        }
        let leaders = shown.prefix(3).map { group in
            "\(group.name) \(ReportNumber.percent(group.shareOfKTLO[measure], decimals: 0))"
        }
        var html = "<h3>\(h(title))</h3>\n<figure aria-describedby=\"\(id)-table\">\n"
        html += BurdenBarsChart(rows: rows, unit: measure.phrase).svg(
            id: "chart-\(id)", title: "KTLO \(measure.phrase) per \(noun), with the rest of their work",
            description: "The \(shown.count) \(noun == "person" ? "people" : "components") with the most KTLO "
                + "\(measure.phrase), of \(groups.count). Share of all KTLO: " + leaders.joined(separator: ", ") + ".")
        html += "\n<figcaption>" + Self.legend([("s-ktlo", "KTLO"), ("s-rest", "feature and other work")])
            + "</figcaption>\n</figure>\n"
        html += "<div class=\"scroll\"><table id=\"\(id)-table\">\n<caption>KTLO per \(h(noun)), most first"
            + (groups.count > shown.count ? " (the top \(shown.count) of \(groups.count))" : "") + "</caption>\n<thead><tr>"
            + [noun.capitalized, "Commits", measure.phrase.capitalized, "KTLO \(measure.phrase)", "Own KTLO share",
               "Share of all KTLO"].map { "<th scope=\"col\">\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for group in shown {
            let summary = group.summary
            let name = h(group.name) + (group.team.map { " <span class=\"team\">(\(h($0)))</span>" } ?? "")
            html += "<tr><th scope=\"row\">\(name)</th><td>\(summary.commits)</td>"
                + "<td>\(h(ReportNumber.plain(summary.effort.bucketedTotal(measure, mapping: mapping), decimals: 1)))</td>"
                + "<td>\(h(ReportNumber.plain(summary.effort.effort(.ktlo, measure, mapping: mapping), decimals: 1)))</td>"
                + "<td>\(h(ReportNumber.percent(summary.effort.share(.ktlo, measure, mapping: mapping))))</td>"
                + "<td>\(h(ReportNumber.percent(group.shareOfKTLO[measure])))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private func warnings(_ report: AnalyzeReport) -> String {
        guard !report.source.warnings.isEmpty else { return "" }
        return "<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n"
            + report.source.warnings.map { "<li>\(h($0.message))</li>\n" }.joined() + "</ul>\n</section>\n"
    }

    private func footer(_ report: AnalyzeReport) -> String {
        "<footer>\n<p>Generated \(h(report.generation.time.iso8601)) by ktlo \(h(report.generation.version)). KTLO = fix, "
            + "refactor, maintenance and revert commits; effort in \(h(report.effort.measure.phrase)) (each person's "
            + "day with a commit is one dev-day, split over that day's commits). Commits are classified from their "
            + "messages and changes; \(report.effort.totals.lowConfidenceCommits) of the \(report.effort.totals.commits) "
            + "were guesses (confidence below 0.5).</p>\n</footer>\n"
    }

    // MARK: - Helpers

    /// Repository text, escaped for HTML.
    private func h(_ text: String) -> String {
        Markup.escaped(text)
    }

    /// Colour keys: a swatch and a name each.
    static func legend(_ entries: [(swatch: String, name: String)]) -> String {
        entries.map { "<span class=\"key\"><span class=\"swatch \($0.swatch)\"></span>\(Markup.escaped($0.name))</span>" }
            .joined(separator: " ")
    }

    /// What the KTLO trend shows, in words: the text alternative of both period charts.
    static func trendDescription(_ points: [TrendChart.Point], kind: String, measure: EffortMeasure,
                                 budget: Double?) -> String {
        let known = points.compactMap { point in point.percent.map { (point.label, $0) } }
        guard let first = known.first, let last = known.last,
              let low = known.min(by: { $0.1 < $1.1 }), let high = known.max(by: { $0.1 < $1.1 }) else {
            return "No \(kind) had any effort."
        }
        var text = "KTLO share of the \(measure.phrase) per \(kind), \(first.0) to \(last.0): "
            + "\(ChartLabel.percent(first.1)) at first, \(ChartLabel.percent(last.1)) in \(last.0); "
            + "lowest \(ChartLabel.percent(low.1)) in \(low.0), highest \(ChartLabel.percent(high.1)) in \(high.0)."
        if let budget { text += " The KTLO budget is \(ChartLabel.percent(budget))." }
        return text
    }

    static func day(_ seconds: Int64) -> String {
        String(ReportSource.utc(seconds).prefix(10))
    }
}
