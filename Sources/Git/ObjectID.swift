import CLibGit2

/// A Git object name (SHA-1), copied out of libgit2.
///
/// The 20 bytes are kept as three integers so that hashing and comparing, which the history walk does for every
/// commit, cost a few instructions.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Bytes 0–7, 8–15 and 16–19 of the object name, in big-endian order (so integer order is byte order).
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// The number of hexadecimal digits of a full object name.
    public static let hexLength = 40

    init(_ oid: git_oid) {
        var high: UInt64 = 0, middle: UInt64 = 0, low: UInt32 = 0
        withUnsafeBytes(of: oid.id) { raw in
            high = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
        self.high = high
        self.middle = middle
        self.low = low
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// Parses a full 40-digit hexadecimal object name; `nil` for anything else.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == Self.hexLength else { return nil }
        var words: [UInt64] = [0, 0, 0]
        for (index, character) in utf8.enumerated() {
            guard let nibble = Self.nibble(character) else { return nil }
            let word = index < 16 ? 0 : (index < 32 ? 1 : 2)
            words[word] = words[word] << 4 | UInt64(nibble)
        }
        high = words[0]
        middle = words[1]
        low = UInt32(words[2])
    }

    /// The 20 bytes of the object name, as Git stores them.
    public var bytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 20)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return bytes
    }

    /// The object name from its 20 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        // Read in place when the bytes are contiguous (an array, `Data`): the warm run reads one id per commit.
        self = bytes.withContiguousStorageIfAvailable { Self(twentyBytes: UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { Self(twentyBytes: $0) }
    }

    private init(twentyBytes raw: UnsafeRawBufferPointer) {
        high = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// The object name as libgit2 wants it.
    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The 40 lower-case hexadecimal digits.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: Self.hexLength) { buffer in
            func put(_ value: UInt64, digits count: Int, at start: Int) {
                for index in 0..<count {
                    let shift = UInt64(4 * (count - 1 - index))
                    buffer[start + index] = digits[Int((value >> shift) & 0xF)]
                }
            }
            put(high, digits: 16, at: 0)
            put(middle, digits: 16, at: 16)
            put(UInt64(low), digits: 8, at: 32)
            return Self.hexLength
        }
    }

    /// The first `length` hexadecimal digits.
    public func abbreviated(_ length: Int = 10) -> String {
        String(hex.prefix(length))
    }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
