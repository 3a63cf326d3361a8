#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The words of a piece of text, lower-cased, for matching against lexicons quickly.
///
/// ASCII letters and digits make words and are folded to lower case; apostrophes vanish (`don't` → `dont`);
/// other ASCII characters separate words; non-ASCII characters stay inside words (the lexicons are English, and
/// other scripts pass through as words that match nothing).
///
/// Each word is kept as its hash (``WordHash``, FNV-1a of its lower-cased bytes, as ``PhraseTable`` hashes) and
/// its place in the text: the rules compare hashes against precomputed ``WordSet``s, and a word's text is only
/// made when a reason quotes it. Splitting a subject builds one array and no string.
struct Words {
    /// One word: its hash, where it lies in the text, and what the rules ask of its characters.
    struct Word {
        let hash: UInt64
        /// The word's bytes in the text, apostrophes included (they vanish when the word is made a string).
        let start: Int32, end: Int32
        /// Only ASCII digits.
        let isNumeric: Bool
        /// Begins with an ASCII digit.
        let startsWithDigit: Bool
        /// "v" and digits: "v2", "v10".
        let isVersionWord: Bool
    }

    /// The text the words come from.
    let text: String
    private(set) var words: [Word]

    init(_ text: some StringProtocol) {
        let source = String(text)
        self.text = source
        words = source.utf8.withContiguousStorageIfAvailable { Self.split($0) }
            ?? Array(source.utf8).withUnsafeBufferPointer { Self.split($0) }
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        // Room for a word every six bytes: a subject's words then fit without the array growing again and again.
        words.reserveCapacity(bytes.count / 6 + 2)
        // One loop with its state in locals (a nested function would box them), bytes classified by a table.
        var hash = WordHash.offset
        var start = -1, end = 0
        var hasE2 = false
        var index = 0
        let count = bytes.count
        ByteClass.table.withUnsafeBufferPointer { classes in
            while true {
                // A word's letters in an inner loop of a few instructions a byte.
                let letters = index
                while index < count {
                    let folded = classes[Int(bytes[index])]
                    if folded < ByteClass.firstLetter { break }
                    hash = (hash ^ UInt64(folded)) &* WordHash.prime
                    index += 1
                }
                if index != letters {
                    if start < 0 { start = letters }
                    end = index
                }
                let folded = index < count ? classes[Int(bytes[index])] : ByteClass.separator
                if folded == ByteClass.e2 {
                    if start < 0 { start = index }
                    hasE2 = true
                    hash = (hash ^ 0xE2) &* WordHash.prime
                    end = index + 1
                } else if folded == ByteClass.separator && start >= 0 {
                    let range = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if hasE2 {
                        // U+2019 (’, bytes E2 80 99), the typographic apostrophe of "don’t", vanishes: rare, slow.
                        let cleaned = Self.cleaned(range)
                        if !cleaned.isEmpty { words.append(Word(cleaned: cleaned, start: start, end: end)) }
                    } else {
                        words.append(Word(hash: hash, range, start: start, end: end))
                    }
                    start = -1
                    hash = WordHash.offset
                    hasE2 = false
                }
                index += 1
                if index > count { break }
            }
        }
        return words
    }

    /// A word's lower-cased bytes with apostrophes and U+2019 removed, as the word's string holds them.
    private static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var current: [UInt8] = []
        for byte in bytes where byte != 0x27 {
            current.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        guard current.contains(0xE2) else { return current }
        var result: [UInt8] = []
        var index = 0
        while index < current.count {
            if index + 2 < current.count, current[index] == 0xE2, current[index + 1] == 0x80, current[index + 2] == 0x99 {
                index += 3
                continue
            }
            result.append(current[index])
            index += 1
        }
        return result
    }

    var count: Int { words.count }
    var isEmpty: Bool { words.isEmpty }

    /// The hash of the word numbered `index`.
    func hash(at index: Int) -> UInt64 { words[index].hash }

    /// Whether any word has this hash.
    func contains(_ hash: UInt64) -> Bool { words.contains { $0.hash == hash } }

    /// The number of the first word after `index` (inclusive) whose hash is in `set`.
    func firstIndex(in set: WordSet, from index: Int = 0, to end: Int = .max) -> Int? {
        var index = index
        let end = min(end, words.count)
        while index < end {
            if set.contains(words[index].hash) { return index }
            index += 1
        }
        return nil
    }

    /// The word numbered `index` as a string: lower-cased, without apostrophes.
    func token(at index: Int) -> String {
        let word = words[index]
        let start = Int(word.start), end = Int(word.end)
        if let token = text.utf8.withContiguousStorageIfAvailable({
            Self.string(UnsafeBufferPointer(rebasing: $0[start..<end]))
        }) {
            return token
        }
        return Array(text.utf8).withUnsafeBufferPointer { Self.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.contains(0xE2) else { return String(decoding: cleaned(bytes), as: UTF8.self) }
        // Lower-cased and without apostrophes in a buffer on the stack: most words become small strings, with
        // nothing allocated.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes where byte != 0x27 {
                buffer[count] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// Every word as a string (made on demand: the rules work on ``hash(at:)``).
    var tokens: [String] { words.indices.map(token(at:)) }

    /// Every word's hash, in order.
    var hashes: [UInt64] { words.map(\.hash) }

    /// Removes the words numbered `range` ("fix #12" once read as an issue reference).
    mutating func remove(_ range: ClosedRange<Int>) {
        words.removeSubrange(range)
    }
}

extension Words.Word {
    /// A word read from `bytes` (its bytes in the text, apostrophes included) whose hash is known.
    init(hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.hash = hash
        self.start = Int32(start)
        self.end = Int32(end)
        // Only words that begin with a digit or a "v" can be numbers or versions: the others cost one comparison.
        let first = bytes[0] | 0x20
        if (0x30...0x39).contains(first) {
            startsWithDigit = true
            isNumeric = bytes.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x27 }
            isVersionWord = false
        } else if first == 0x76 {
            startsWithDigit = false
            isNumeric = false
            let rest = bytes.dropFirst().filter { $0 != 0x27 }
            isVersionWord = !rest.isEmpty && rest.allSatisfy { (0x30...0x39).contains($0) }
        } else {
            startsWithDigit = false
            isNumeric = false
            isVersionWord = false
        }
    }

    /// A word from its cleaned bytes (the slow path, for words with U+2019).
    init(cleaned bytes: [UInt8], start: Int, end: Int) {
        hash = WordHash.hash(bytes)
        self.start = Int32(start)
        self.end = Int32(end)
        let digits = bytes.map { (0x30...0x39).contains($0) }
        isNumeric = digits.allSatisfy { $0 }
        startsWithDigit = digits[0]
        isVersionWord = bytes.count > 1 && bytes[0] == 0x76 && digits.dropFirst().allSatisfy { $0 }
    }
}

/// What each byte is to a word: folded to lower case, or one of the markers. Words and phrase tables read text
/// through this table rather than through ranges of bytes: one load and one comparison a byte.
enum ByteClass {
    /// Separates words.
    static var separator: UInt8 { 0 }
    /// `'`, which vanishes inside a word.
    static var apostrophe: UInt8 { 1 }
    /// 0xE2, which begins U+2019 (’), the typographic apostrophe that vanishes too.
    static var e2: UInt8 { 2 }
    /// From here on, the byte itself (lower-cased): a letter, a digit, or a byte of a non-ASCII character.
    static var firstLetter: UInt8 { 0x30 }

    static let table: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x41...0x5A: UInt8(byte | 0x20)
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0xE2: e2
        case 0x80...0xFF: UInt8(byte)
        case 0x27: apostrophe
        default: separator
        }
    }
}

/// FNV-1a over a word's lower-cased bytes: how ``Words``, ``WordSet`` and ``PhraseTable`` name words.
enum WordHash {
    static var offset: UInt64 { 0xCBF2_9CE4_8422_2325 }
    static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    /// FNV-1a over the (already lower-cased) bytes of a word.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offset
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// The hash of a lower-case word written in the code.
    static func of(_ word: String) -> UInt64 { hash(word.utf8) }

    /// The hash of an ASCII area's head, folded to lower case: its first non-empty part between slashes
    /// ("Builtin/log.c" → "builtin"), or the whole text when it holds nothing but slashes.
    static func head(ofASCII bytes: some Collection<UInt8>) -> UInt64 {
        var hash = offset, started = false
        for byte in bytes {
            if byte == 0x2F {
                if started { break } else { continue }
            }
            started = true
            hash = (hash ^ UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)) &* prime
        }
        return started ? hash : self.hash(bytes)
    }
}

/// A set of words by hash, for the rules' word lists: a lookup is a multiplication and a compare or two, where a
/// `Set<String>` hashes the string with SipHash.
struct WordSet: Sendable {
    private let keys: [UInt64]
    private let mask: Int

    init(_ words: [String]) {
        var size = 8
        while size < words.count * 4 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        for word in words {
            let hash = WordHash.of(word)
            var slot = Self.slot(hash, size - 1)
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (size - 1) }
            keys[slot] = hash
        }
        self.keys = keys
        mask = size - 1
    }

    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    func contains(_ hash: UInt64) -> Bool {
        var slot = Self.slot(hash, mask)
        while true {
            let key = keys[slot]
            if key == hash { return hash != 0 }
            if key == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}

/// Values by word hash, for small fixed tables (the Conventional-Commit types).
struct WordTable<Value: Sendable>: Sendable {
    private let keys: WordSet
    private let values: [UInt64: Value]

    init(_ table: [String: Value]) {
        keys = WordSet(Array(table.keys))
        values = Dictionary(uniqueKeysWithValues: table.map { (WordHash.of($0.key), $0.value) })
    }

    /// The value of the word with this hash; the set answers first, so a word not in the table costs no hashing.
    func value(_ hash: UInt64) -> Value? {
        keys.contains(hash) ? values[hash] : nil
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte (no locale, no Foundation).
    func containsBytes(_ needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The UTF-8 offset at which `needle` first occurs, read in place when the string is contiguous; with `limit`,
    /// only an occurrence within the first `limit` bytes counts.
    func firstByteOffset(of needle: String, within limit: Int = .max) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { Self.search(pattern, in: UnsafeBufferPointer(rebasing: $0.prefix(limit))) }
                ?? Array(utf8.prefix(limit)).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
        }
    }

    /// Jumps from one occurrence of the needle's first byte to the next with libc's vectorised `memchr`, and
    /// compares the rest with `memcmp`: this runs on every commit's body.
    fileprivate static func search(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
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

extension Substring {
    /// ``StringProtocol/firstByteOffset(of:within:)`` read in place through `withUTF8`, which a substring's
    /// generic contiguous view costs more than.
    func firstByteOffset(of needle: String, within limit: Int = .max) -> Int? {
        var text = self
        var needle = needle
        return needle.withUTF8 { pattern in
            text.withUTF8 { Self.search(pattern, in: UnsafeBufferPointer(rebasing: $0.prefix(limit))) }
        }
    }
}

extension String {
    /// Only ASCII digits (and not empty).
    var isNumeric: Bool {
        !isEmpty && utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
