import Testing
@testable import Git

@Suite struct TextDecodingTests {
    private func decode(_ bytes: [UInt8], _ encoding: String?) -> String {
        bytes.withUnsafeBytes { TextDecoding.decode($0, encoding: encoding) }
    }

    @Test func followsTheEncodingHeader() {
        #expect(decode([0x43, 0x61, 0x66, 0xE9], "ISO-8859-1") == "Café")
        #expect(decode([0x43, 0x61, 0x66, 0xE9], "latin1") == "Café")
        #expect(decode([0x80], "windows-1252") == "€")
        #expect(decode([0x82, 0xA0], "Shift_JIS") == "あ")
    }

    @Test func repairsInvalidUTF8() {
        #expect(decode([0x42, 0xFF, 0x43], nil) == "B\u{FFFD}C")
        #expect(decode([0x42, 0xFF, 0x43], "UTF-8") == "B\u{FFFD}C")
        #expect(decode(Array("naïve".utf8), nil) == "naïve")
    }

    @Test func anUnknownEncodingFallsBackToRepairedUTF8() {
        #expect(decode(Array("plain".utf8), "no-such-encoding") == "plain")
        #expect(decode([0xE9], "no-such-encoding") == "\u{FFFD}")
    }

    @Test func bytesInvalidInTheDeclaredEncodingFallBack() {
        // 0xFF 0xFF is not valid Shift_JIS; the bytes are repaired as UTF-8 rather than dropped.
        #expect(decode([0x41, 0xFF, 0xFF], "Shift_JIS") == "A\u{FFFD}\u{FFFD}")
    }
}
