import Testing
@testable import Git

@Suite struct LenientCommitParserTests {
    private let id = ObjectID(hex: "1111111111111111111111111111111111111111")!

    @Test func readsWhatLibgit2Refuses() throws {
        let raw = """
            tree 2222222222222222222222222222222222222222
            parent 3333333333333333333333333333333333333333
            author Broken Author broken.example.com 1756717200 +0000
            committer Ada <ada@example.com> notatime +0200
            gpgsig -----BEGIN PGP SIGNATURE-----
             continuation line

            Subject line
            continues here

            Body.
            """
        let commit = try LenientCommitParser.parse(Array(raw.utf8), id: id)
        #expect(commit.tree == ObjectID(hex: "2222222222222222222222222222222222222222"))
        #expect(commit.parents == [ObjectID(hex: "3333333333333333333333333333333333333333")!])
        #expect(commit.author.name == "Broken Author broken.example.com 1756717200 +0000")
        #expect(commit.author.email == "")
        #expect(commit.committer.name == "Ada")
        #expect(commit.committer.email == "ada@example.com")
        #expect(commit.committer.time == Timestamp(secondsSinceEpoch: 0, offsetMinutes: 120))
        #expect(commit.summary == "Subject line continues here")
        #expect(commit.readLeniently)
    }

    @Test func followsTheEncodingHeader() throws {
        var raw = Array("tree 2222222222222222222222222222222222222222\nauthor Jos".utf8)
        raw += [0xE9]
        raw += Array(" <j@example.com> 100 -0130\ncommitter J <j@example.com> 100 -0130\nencoding ISO-8859-1\n\nCaf".utf8)
        raw += [0xE9, 0x0A]
        let commit = try LenientCommitParser.parse(raw, id: id)
        #expect(commit.author.name == "José")
        #expect(commit.author.time == Timestamp(secondsSinceEpoch: 100, offsetMinutes: -90))
        #expect(commit.message == "Café\n")
        #expect(commit.encoding == "ISO-8859-1")
    }

    @Test func aCommitWithoutATreeIsRefused() {
        #expect(throws: LenientCommitParser.Malformed.self) {
            try LenientCommitParser.parse(Array("author A <a@b> 1 +0000\n\nx".utf8), id: id)
        }
    }

    @Test func summaryIsGitsSubject() {
        #expect(Commit.summary(of: "\n\n  First line  \nsecond\n\nbody") == "  First line second")
        #expect(Commit.summary(of: "") == "")
        #expect(Commit.summary(of: "one\n \nbody") == "one")
        // A carriage return before the line feed is trailing white space, as git reads it.
        #expect(Commit.summary(of: "subject line\r\nsecond\r\n\r\nbody\r\n") == "subject line second")
    }
}
