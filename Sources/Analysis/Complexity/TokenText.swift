/// A short word or operator packed into two integers, so that telling `if` from `iffy` costs two compares and no
/// allocation. Words longer than 16 bytes are never keywords; they all pack to ``long``.
struct TokenText: Hashable {
    private let low: UInt64
    private let high: UInt64

    static let long = TokenText(low: .max, high: .max)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard end - start <= 16 else {
            self = .long
            return
        }
        var low: UInt64 = 0, high: UInt64 = 0
        for index in start..<end {
            let offset = index - start
            if offset < 8 {
                low |= UInt64(bytes[index]) << (8 * UInt64(offset))
            } else {
                high |= UInt64(bytes[index]) << (8 * UInt64(offset - 8))
            }
        }
        self.init(low: low, high: high)
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self = bytes.withUnsafeBufferPointer { TokenText($0, from: 0, to: bytes.count) }
    }
}

extension Set where Element == TokenText {
    init(words: [String]) {
        self.init(words.map(TokenText.init))
    }
}
