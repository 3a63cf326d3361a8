import Testing
@testable import Reports

/// The escaping helpers other formats build on.
@Suite struct EscapingTests {
    @Test func gitHubAnnotationsFollowGitHubsRules() {
        let annotation = GitHubAnnotation(.warning, "50% done\r\n::error::injected", file: "dir,a:b/%x.txt", line: 3,
                                          title: "ktlo: hotspot, #1")
        #expect(annotation.command == "::warning file=dir%2Ca%3Ab/%25x.txt,line=3,title=ktlo%3A hotspot%2C #1"
                    + "::50%25 done%0D%0A::error::injected\n")
        #expect(GitHubAnnotation(.error, "plain").command == "::error::plain\n")
    }

    @Test func htmlEscapesMarkupQuotesAndControls() {
        #expect(Markup.escaped("<a href=\"x\" title='y'>&</a>\u{1B}[2J\u{202E}")
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;\u{FFFD}[2J\u{FFFD}")
    }

    @Test func jsonEscapesInvisiblesWithoutChangingTheValue() {
        #expect(JSON.quote("a\u{1B}b\u{85}c\u{202E}d\u{2028}") == "\"a\\u001bb\\u0085c\\u202ed\\u2028\"")
        #expect(JSON.escapingInvisibles("{\"k\":\"\u{202E}\"}") == "{\"k\":\"\\u202e\"}")
    }

    @Test func csvNeutralisesControlsAndFormulas() {
        #expect(CSVField.text("=1+1\u{1B}") == "'=1+1\u{FFFD}")
        #expect(CSVField.text("-2, \"x\"\nnext") == "\"'-2, \"\"x\"\"\nnext\"")
        #expect(CSVField.text("\tTab") == "'\tTab")
    }

    @Test func markdownCellsCannotBreakTheRow() {
        #expect(MarkdownText.cell("a|b\nc <i>\u{1B}") == "a\\|b<br>c &lt;i&gt;\u{FFFD}")
    }
}
