/// A table of words and phrases, looked up by hashes of lower-cased words while scanning bytes, with no string
/// built and nothing allocated per word. It is how a commit body of several kilobytes is read in microseconds.
///
/// Each phrase is keyed by its last word; when a word of the text matches a key, the phrase's earlier words are
/// compared with the words just before it.
struct PhraseTable<Value: Sendable>: Sendable {
    /// A phrase's word hashes, earliest first, in plain fields: looking one up retains nothing.
    private struct Phrase: Sendable {
        let count: Int
        let first: UInt64, second: UInt64, third: UInt64

        init(_ hashes: [UInt64]) {
            count = hashes.count
            first = hashes.count > 1 ? hashes[0] : 0
            second = hashes.count > 2 ? hashes[1] : 0
            third = hashes.count > 3 ? hashes[2] : 0
        }
    }

    private var phrases: [Phrase] = []
    private var values: [Value] = []
    /// Open addressing on the last word's hash: slot → index of the first phrase with that key, chained by `next`.
    private var slots: [Int32]
    private var slotKeys: [UInt64]
    private var next: [Int32] = []
    private let mask: Int
    /// One bit per value of a hash's top 16 bits, set for the last words of phrases: most words of a text end no
    /// phrase, and this turns them away with one bit test.
    private var lastWords = [UInt64](repeating: 0, count: 1024)

    init(capacity: Int = 4096) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        slotKeys = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { phrases.count }

    /// Adds a phrase (words separated by anything Words separates on).
    mutating func add(_ text: String, _ value: Value) {
        let hashes = Words(text).hashes
        // Phrases of more than four words are not supported.
        guard let last = hashes.last, hashes.count <= 4 else { return }
        let index = Int32(phrases.count)
        phrases.append(Phrase(hashes))
        values.append(value)
        var slot = Int(truncatingIfNeeded: last &* 0x9E37_79B9_7F4A_7C15) & mask
        while slots[slot] >= 0 && slotKeys[slot] != last { slot = (slot + 1) & mask }
        next.append(slots[slot] >= 0 ? slots[slot] : -1)
        slots[slot] = index
        slotKeys[slot] = last
        let bit = Int(truncatingIfNeeded: last >> 48)
        lastWords[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The value of the phrase numbered `index` (in the order phrases were added).
    func value(at index: Int) -> Value { values[index] }

    /// The number of every phrase found in `text` and not yet in `seen`, each once, in order of first appearance,
    /// with the number of the word at which it starts. `seen` carries over from one call to the next, so the lines
    /// of a text can be scanned one at a time.
    func scan(_ text: UnsafeBufferPointer<UInt8>, seen: inout [Int32], _ found: (Int, Int) -> Void) {
        guard let base = text.baseAddress else { return }
        var recent: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // the last words' hashes, newest first
        var hash = Self.offset
        var inWord = false
        var wordNumber = 0
        var position = 0
        let end = text.count
        // Bytes classified by a table (``ByteClass``), a word's letters in an inner loop of a few instructions a
        // byte, all state in locals: this runs on every byte of every body.
        ByteClass.table.withUnsafeBufferPointer { classes in
            lastWords.withUnsafeBufferPointer { lastWords in
                while true {
                    let letters = position
                    while position < end {
                        let folded = classes[Int(base[position])]
                        if folded < ByteClass.firstLetter { break }
                        hash = (hash ^ UInt64(folded)) &* Self.prime
                        position += 1
                    }
                    if position != letters { inWord = true }
                    let folded = position < end ? classes[Int(base[position])] : ByteClass.separator
                    position += 1
                    if folded == ByteClass.apostrophe { continue }
                    if folded == ByteClass.e2 {
                        // The typographic apostrophe (’, E2 80 99) vanishes like the ASCII one.
                        if position + 1 < end, base[position] == 0x80, base[position + 1] == 0x99 {
                            position += 2
                        } else {
                            hash = (hash ^ 0xE2) &* Self.prime
                            inWord = true
                        }
                        continue
                    }
                    if inWord {
                        recent = (hash, recent.0, recent.1, recent.2)
                        let bit = Int(truncatingIfNeeded: hash >> 48)
                        if lastWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0 {
                            lookUp(recent, wordNumber, &seen, found)
                        }
                        wordNumber += 1
                        hash = Self.offset
                        inWord = false
                    }
                    if position > end { break }
                }
            }
        }
    }

    /// The numbers of the phrases in already-split words (for short texts such as a subject).
    func scan(_ words: Words, _ found: (Int, Int) -> Void) {
        var recent: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var seen: [Int32] = []
        for number in 0..<words.count {
            let hash = words.hash(at: number)
            recent = (hash, recent.0, recent.1, recent.2)
            let bit = Int(truncatingIfNeeded: hash >> 48)
            if lastWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { lookUp(recent, number, &seen, found) }
        }
    }

    private func lookUp(_ recent: (UInt64, UInt64, UInt64, UInt64), _ wordNumber: Int, _ seen: inout [Int32],
                        _ found: (Int, Int) -> Void) {
        var slot = Int(truncatingIfNeeded: recent.0 &* 0x9E37_79B9_7F4A_7C15) & mask
        while slots[slot] >= 0 {
            if slotKeys[slot] == recent.0 {
                var index = slots[slot]
                while index >= 0 {
                    let phrase = phrases[Int(index)]
                    if matches(phrase, recent, available: wordNumber + 1), !seen.contains(index) {
                        seen.append(index)
                        found(Int(index), wordNumber - phrase.count + 1)
                    }
                    index = next[Int(index)]
                }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ phrase: Phrase, _ recent: (UInt64, UInt64, UInt64, UInt64), available: Int) -> Bool {
        guard phrase.count <= available else { return false }
        switch phrase.count {
        case 1: return true
        case 2: return phrase.first == recent.1
        case 3: return phrase.first == recent.2 && phrase.second == recent.1
        default: return phrase.first == recent.3 && phrase.second == recent.2 && phrase.third == recent.1
        }
    }

    private static var offset: UInt64 { WordHash.offset }
    private static var prime: UInt64 { WordHash.prime }

    /// FNV-1a over the (already lower-cased) bytes of a word: ``WordHash``, the hash ``Words`` keeps.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        WordHash.hash(bytes)
    }
}
