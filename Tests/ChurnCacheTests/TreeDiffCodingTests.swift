import Git
import Testing
@testable import ChurnCache

@Suite struct TreeDiffCodingTests {
    private let files = [
        FileDelta(path: "src/main.c", status: .modified, added: 12, deleted: 3),
        FileDelta(path: "docs/ñandú – guide.md", oldPath: "docs/guide.md", status: .renamed, added: 0, deleted: 200_000,
                  similarity: 97),
        FileDelta(path: "logo.png", status: .added, added: 0, deleted: 0, isBinary: true),
        FileDelta(path: "vendor/lib", status: .modified, added: 1, deleted: 1, isSubmodule: true),
        FileDelta(path: "old name with spaces\nand a newline", status: .deleted, added: 0, deleted: 128),
    ]

    @Test func everyFieldComesBackAsItWent() {
        let bytes = TreeDiffCoding.encode(files)
        let decoded = bytes.withUnsafeBytes { TreeDiffCoding.decode($0) }
        #expect(decoded == files)
        #expect([UInt8]().withUnsafeBytes { TreeDiffCoding.decode($0) } == nil)
        #expect(TreeDiffCoding.encode([]).withUnsafeBytes { TreeDiffCoding.decode($0) } == [])
    }

    @Test func anythingShortOrLongOrAlteredIsRefused() {
        let bytes = TreeDiffCoding.encode(files)
        for length in 0..<bytes.count {
            #expect(Array(bytes.prefix(length)).withUnsafeBytes { TreeDiffCoding.decode($0) } == nil)
        }
        #expect((bytes + [0]).withUnsafeBytes { TreeDiffCoding.decode($0) } == nil)
        var unknownStatus = bytes
        unknownStatus[1] = UInt8(ascii: "X")
        #expect(unknownStatus.withUnsafeBytes { TreeDiffCoding.decode($0) } == nil)
        var unknownFlag = bytes
        unknownFlag[2] = 0x40
        #expect(unknownFlag.withUnsafeBytes { TreeDiffCoding.decode($0) } == nil)
    }
}
