import Analysis
import Foundation
import Git
import History
import Testing
@testable import Reports

@Suite struct CommitRenderersTests {
    static let record = CommitRecord(
        id: ObjectID(hex: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")!,
        parents: [ObjectID(hex: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")!],
        author: Identity(name: "=HYPERLINK(\"http://evil\")", email: "eve@example.com"),
        authorTime: Timestamp(secondsSinceEpoch: 1_743_489_000, offsetMinutes: -420),
        committerTime: Timestamp(secondsSinceEpoch: 1_743_489_060, offsetMinutes: 0),
        summary: "Fix \u{1B}]0;pwned\u{07}title, \"quoted\" | piped",
        message: "Fix \u{1B}]0;pwned\u{07}title, \"quoted\" | piped\n\nBody\nlines\n",
        files: [
            FileChurn(delta: FileDelta(path: "src/a.c", status: .modified, added: 3, deleted: 1), exclusion: nil),
            FileChurn(delta: FileDelta(path: "new.c", oldPath: "old.c", status: .renamed, added: 1, deleted: 0,
                                       similarity: 90), exclusion: nil),
            FileChurn(delta: FileDelta(path: "img.png", status: .added, added: 0, deleted: 0, isBinary: true),
                      exclusion: nil),
            FileChurn(delta: FileDelta(path: "yarn.lock", status: .modified, added: 50, deleted: 40),
                      exclusion: .byDefault(.lockfile, pattern: "yarn.lock")),
        ])

    static let merge = CommitRecord(
        id: ObjectID(hex: "cccccccccccccccccccccccccccccccccccccccc")!,
        parents: [ObjectID(hex: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")!,
                  ObjectID(hex: "dddddddddddddddddddddddddddddddddddddddd")!],
        author: Identity(name: "Ada", email: "ada@example.com"),
        authorTime: Timestamp(secondsSinceEpoch: 1_743_500_000, offsetMinutes: 60),
        committerTime: Timestamp(secondsSinceEpoch: 1_743_500_000, offsetMinutes: 60),
        summary: "Merge branch 'x'", message: "Merge branch 'x'\n", files: [], isDiffed: false)

    static let fix = Classification(category: .fix, bucket: .ktlo, confidence: 0.8, reasons: [
        Reason(rule: "message.fix-word", detail: "the subject opens with 'fix'"),
        Reason(rule: "churn.small-edit", detail: "a small edit"),
    ])
    static let merging = Classification(category: .merge, bucket: nil, confidence: 1, reasons: [
        Reason(rule: "structure.merge", detail: "merge commit with 2 parents"),
    ])

    static let context = RepositoryContext(repositoryPath: "/repo", head: merge.id, branch: "main")

    private func render(_ renderer: some CommitRenderer, warnings: [HistoryWarning] = []) -> String {
        var renderer = renderer
        var text = renderer.begin(Self.context)
        text += renderer.render(ClassifiedCommit(record: Self.record, classification: Self.fix))
        text += renderer.render(ClassifiedCommit(record: Self.merge, classification: Self.merging))
        return text + renderer.end(warnings: warnings)
    }

    private func object(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func ndjsonCarriesTheContractKeys() throws {
        let lines = render(NDJSONCommitRenderer()).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try object(lines[0])
        for key in ["sha", "parents", "author", "author_time", "summary", "category", "bucket", "confidence",
                    "reasons", "added", "deleted", "files"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["sha"] as? String == "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(first["author_time"] as? String == "2025-03-31T23:30:00-07:00")
        #expect(first["category"] as? String == "fix")
        #expect(first["bucket"] as? String == "ktlo")
        #expect(first["confidence"] as? Double == 0.8)
        #expect(first["reasons"] as? [String] == ["the subject opens with 'fix'", "a small edit"])
        #expect(first["rules"] as? [String] == ["message.fix-word", "churn.small-edit"])
        // Totals count neither the binary file nor the excluded lockfile.
        #expect(first["added"] as? Int == 4)
        #expect(first["deleted"] as? Int == 1)
        let files = try #require(first["files"] as? [[String: Any]])
        #expect(files.count == 4)
        #expect(files[1]["old_path"] as? String == "old.c")
        #expect(files[1]["status"] as? String == "R")
        #expect(files[0]["old_path"] == nil)
        #expect(files[2]["binary"] as? Bool == true)
        #expect(files[3]["excluded"] as? Bool == true)
        #expect(files[3]["excluded_by"] as? String == "default lockfile exclude yarn.lock")
        // The escape sequence survives as data, escaped by JSON.
        #expect((first["summary"] as? String)?.contains("\u{1B}") == true)

        let merge = try object(lines[1])
        #expect(merge["category"] as? String == "merge")
        #expect(merge["bucket"] is NSNull)
        #expect(merge["merge"] as? Bool == true)
        #expect((merge["parents"] as? [String])?.count == 2)
    }

    @Test func jsonIsOneValidDocument() throws {
        let text = render(JSONCommitRenderer(), warnings: [HistoryWarning(kind: "shallow_clone", message: "cut")])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schema_version"] as? Int == 1)
        #expect((document["commits"] as? [Any])?.count == 2)
        let repository = try #require(document["repository"] as? [String: Any])
        #expect(repository["path"] as? String == "/repo")
        #expect(repository["head"] as? String == Self.merge.id.hex)
        let warnings = try #require(document["warnings"] as? [[String: String]])
        #expect(warnings == [["kind": "shallow_clone", "message": "cut"]])
    }

    @Test func jsonWithNoCommitsIsStillValid() throws {
        var renderer = JSONCommitRenderer()
        let text = renderer.begin(Self.context) + renderer.end(warnings: [])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((document["commits"] as? [Any])?.isEmpty == true)
    }

    @Test func csvIsRFC4180AndFormulaSafe() {
        let text = render(CSVCommitRenderer())
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows.count == 4)  // header, two rows, and the empty string after the last CRLF
        #expect(rows[0] == "sha,parents,author_name,author_email,author_time,category,bucket,confidence,added,"
            + "deleted,files,excluded_files,summary,repository")
        #expect(rows[1].hasPrefix("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,"))
        // A cell that would start a formula is prefixed with a quote; quotes inside are doubled.
        #expect(rows[1].contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",eve@example.com,"))
        #expect(rows[1].contains(",fix,ktlo,0.8,4,1,4,1,"))
        // Control characters are neutralised: a CSV is often read in a terminal.
        #expect(rows[1].hasSuffix(",\"Fix \u{FFFD}]0;pwned\u{FFFD}title, \"\"quoted\"\" | piped\",repo"))
        #expect(rows[2].contains(" dddddddddddddddddddddddddddddddddddddddd,"))
    }

    @Test(arguments: [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("plain", "plain"), ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""),
                      ("say \"hi\"", "\"say \"\"hi\"\"\""), ("\tTab", "'\tTab")])
    func csvCells(_ input: String, _ expected: String) {
        #expect(CSVField.text(input) == expected)
    }

    @Test func tableNeutralisesTerminalControl() {
        let text = render(TableCommitRenderer(width: nil))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("COMMIT      DATE        AUTHOR"))
        #expect(lines[1].hasPrefix("aaaaaaaaaa  2025-03-31  =HYPERLINK(\"http://…  fix                +4       -1      4  Fix �]0;pwned�title"))
        #expect(lines[2].contains("merge       "))
    }

    @Test func tableExplains() {
        var renderer = TableCommitRenderer(width: nil, explain: true)
        let text = renderer.render(ClassifiedCommit(record: Self.record, classification: Self.fix))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1] == "            fix, bucket ktlo, confidence 80 %")
        #expect(lines[2] == "              - the subject opens with 'fix'")
    }

    @Test func tableFitsTheTerminal() {
        let text = render(TableCommitRenderer(width: 100))
        for line in text.split(separator: "\n") {
            #expect(line.count <= 100)
        }
    }

    @Test(arguments: ["\u{1B}[31mred", "a\u{9B}b", "bidi\u{202E}txt", "zero\u{0}byte", "del\u{7F}"])
    func unsafeScalarsAreReplaced(_ text: String) {
        let safe = TerminalText.sanitized(text)
        #expect(safe.unicodeScalars.allSatisfy { !TerminalText.isUnsafe($0) })
        #expect(safe.contains("\u{FFFD}"))
    }

    @Test func fitting() {
        #expect(TerminalText.fitted("abcdef", width: 4) == "abc…")
        #expect(TerminalText.fitted("ab", width: 4) == "ab  ")
        #expect(TerminalText.fitted("ab", width: 4, pad: false) == "ab")
        #expect(TerminalText.rightAligned("7", width: 3) == "  7")
    }
}
