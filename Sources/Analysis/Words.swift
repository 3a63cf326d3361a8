#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The words of a piece of text, lower-cased, for matching against lexicons quickly.
///
/// ASCII letters and digits make words and are folded to lower case; apostrophes vanish (`don't` → `dont`);
/// other ASCII characters separate words; non-ASCII characters stay inside words (the lexicons are English, and
/// other scripts pass through as words that match nothing). Working on UTF-8 bytes keeps this to a few hundred
/// nanoseconds for a subject, and words of up to 15 bytes are small strings that need no allocation.
struct Words {
    let tokens: [String]

    init(_ text: some StringProtocol, limit: Int = .max) {
        var tokens: [String] = []
        // Room for a word every six bytes: a subject's words then fit without the array growing again and again.
        tokens.reserveCapacity(min(text.utf8.count, limit) / 6 + 2)
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            guard !current.isEmpty else { return }
            if current.contains(0xE2) { current = Self.removingRightQuotes(current) }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        var count = 0
        for byte in text.utf8 {
            count += 1
            if count > limit { break }
            switch byte {
            case 0x41...0x5A: current.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...0xFF: current.append(byte)
            case 0x27: continue
            default: flush()
            }
        }
        flush()
        self.tokens = tokens
    }

    init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Drops U+2019 (’, bytes E2 80 99), the typographic apostrophe of "don’t".
    private static func removingRightQuotes(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                index += 3
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    var first: String? { tokens.first }
    var isEmpty: Bool { tokens.isEmpty }

    /// True if the tokens contain `phrase` (words in order) as consecutive words.
    func contains(phrase: [String]) -> Bool {
        guard let head = phrase.first, phrase.count <= tokens.count else { return false }
        var index = 0
        while index + phrase.count <= tokens.count {
            if tokens[index] == head, zip(tokens[index...], phrase).allSatisfy({ $0 == $1 }) { return true }
            index += 1
        }
        return false
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte (no locale, no Foundation).
    func containsBytes(_ needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The UTF-8 offset at which `needle` first occurs, read in place when the string is contiguous.
    func firstByteOffset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { Self.search(pattern, in: $0) }
                ?? Array(utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
        }
    }

    /// Jumps from one occurrence of the needle's first byte to the next with libc's vectorised `memchr`, and
    /// compares the rest with `memcmp`: this runs on every commit's body.
    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !pattern.isEmpty else { return 0 }
        guard pattern.count <= haystack.count, let base = haystack.baseAddress, let needle = pattern.baseAddress
        else { return nil }
        let last = haystack.count - pattern.count  // the last offset at which the needle can start
        var offset = 0
        while offset <= last {
            guard let found = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
            let start = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(base + start, needle, pattern.count) == 0 { return start }
            offset = start + 1
        }
        return nil
    }
}

extension String {
    /// Only ASCII digits (and not empty).
    var isNumeric: Bool {
        !isEmpty && utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Begins with an ASCII digit.
    var startsWithDigit: Bool {
        utf8.first.map { (0x30...0x39).contains($0) } ?? false
    }

    /// "v" and digits: "v2", "v10".
    var isVersionWord: Bool {
        utf8.count > 1 && utf8.first == 0x76 && utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }
}
