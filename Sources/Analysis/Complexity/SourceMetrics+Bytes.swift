extension SourceMetrics {
    /// An exact, compact byte form of the measures, so that a file content measured once need not be measured
    /// again (ktlo keeps it in its cache under the content's blob id).
    ///
    /// Layout: the language's name (a length byte, then UTF-8; length 0 for none), then lines, code lines,
    /// functions, indented blocks and the cyclomatic estimate (−1 for none) as 8-byte little-endian integers, then
    /// the two indentation figures as the 8-byte little-endian bit patterns of their doubles.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        let name = Array((language?.rawValue ?? "").utf8)
        bytes.append(UInt8(name.count))
        bytes += name
        for integer in [lines, codeLines, functions, indentedBlocks, cyclomatic ?? -1] {
            withUnsafeBytes(of: Int64(integer).littleEndian) { bytes += $0 }
        }
        for double in [indentation, maximumIndentation] {
            withUnsafeBytes(of: double.bitPattern.littleEndian) { bytes += $0 }
        }
        return bytes
    }

    /// The measures `bytes` (as made by ``bytes``) hold, or `nil` when they are not exactly that form.
    public init?(bytes: [UInt8]) {
        guard let nameLength = bytes.first.map(Int.init), bytes.count == 1 + nameLength + 7 * 8 else { return nil }
        var language: Language?
        if nameLength > 0 {
            guard let known = Language(rawValue: String(decoding: bytes[1...nameLength], as: UTF8.self)) else {
                return nil
            }
            language = known
        }
        func word(_ index: Int) -> UInt64 {
            let start = 1 + nameLength + index * 8
            return bytes[start..<start + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        let integers = (0..<5).map { Int(Int64(bitPattern: word($0))) }
        guard integers.allSatisfy({ $0 >= -1 }) else { return nil }
        self.init(language: language, lines: integers[0], codeLines: integers[1],
                  indentation: Double(bitPattern: word(5)), maximumIndentation: Double(bitPattern: word(6)),
                  functions: integers[2], cyclomatic: integers[4] < 0 ? nil : integers[4],
                  indentedBlocks: integers[3])
    }
}
