import Foundation
import Testing
import TestSupport

/// The HTML report in a real browser: scripts/browser-check opens it in headless Chromium and fails on any console
/// message (a blocked script or request is one), on a script element or event handler in the page, or on a chart
/// without a size. Skipped where Chromium is not installed; `.ci/run` installs it.
@Suite(.enabled(if: Chromium.installed,
                "Chromium is not installed (Debian: apt-get install chromium): the browser check is skipped"))
struct BrowserCheckTests {
    private func check(_ html: String, charts: Int) throws -> Shell.Result {
        let file = try Fixtures.temporaryFolder() + "/report.html"
        try html.write(toFile: file, atomically: true, encoding: .utf8)
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/browser-check").path
        return try Shell.run([script, file, String(charts)])
    }

    @Test func theFixtureReportLoadsCleanlyWithFiveCharts() throws {
        let result = try check(try AnalyzeCommandTests.goldenPage().html, charts: 5)
        #expect(result.status == 0, "\(result.standardOutputText)\(result.standardErrorText)")
        let lines = result.standardOutputText.split(separator: "\n")
        #expect(lines.contains("charts 5"))
        #expect(lines.filter { $0.hasPrefix("chart 720x") }.count == 5, "\(lines)")
        #expect(lines.contains("browser-check: ok"))
    }

    @Test func aHostileRepositoryRunsNothing() throws {
        let result = try Shell.ktlo(["analyze", "--repo", try AnalyzeCommandTests.hostileRepository(), "--format",
                                     "html", "--quiet"])
        let check = try check(result.standardOutputText, charts: 5)
        #expect(check.status == 0, "\(check.standardOutputText)\(check.standardErrorText)")
        #expect(check.standardOutputText.contains("title KTLO report — "))
    }

    /// The check is not a rubber stamp: a page with a script, a request and an empty chart fails it.
    @Test func theCheckFindsWhatIsWrong() throws {
        var page = try AnalyzeCommandTests.goldenPage().html
        page = page.replacingOccurrences(of: "</main>", with: "<img src=\"http://example.com/x.png\">"
                                             + "<script>console.error('boom')</script>"
                                             + "<svg class=\"chart\" width=\"0\" height=\"0\"></svg></main>")
        let result = try check(page, charts: 5)
        #expect(result.status == 1)
        let problems = result.standardErrorText
        #expect(problems.contains("console messages"), "\(problems)")
        #expect(problems.contains("a chart has no size"), "\(problems)")
        #expect(problems.contains("the page has a script element"), "\(problems)")
    }
}

/// Whether headless Chromium is on this machine (or named by CHROMIUM).
enum Chromium {
    static let installed: Bool = {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: path)
        }
        return ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].contains { name in
            (try? Shell.run(["sh", "-c", "command -v \(name)"]).status) == 0
        }
    }()
}
