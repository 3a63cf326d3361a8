import Git

/// The compact binary form a commit's diff takes in the cache.
///
/// A cache of 70,000 commits is read back in full on every warm run, so the form is made to decode fast and to be
/// small: variable-length integers, one byte of flags, paths as UTF-8. Anything that does not decode completely and
/// exactly is refused (`nil`), and the caller diffs the commit again.
///
/// Layout: `count`, then per file `status` (the `--name-status` letter), `flags` (binary, submodule, old path,
/// similarity), `added`, `deleted`, [`similarity`], `path`, [`oldPath`]; integers as LEB128, strings as a length
/// and their bytes.
enum TreeDiffCoding {
    private static let binaryFlag: UInt8 = 1
    private static let submoduleFlag: UInt8 = 2
    private static let oldPathFlag: UInt8 = 4
    private static let similarityFlag: UInt8 = 8
    private static let knownFlags: UInt8 = 15

    static func encode(_ files: [FileDelta]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 + files.count * 40)
        putInteger(files.count, into: &bytes)
        for file in files {
            bytes.append(file.status.rawValue.utf8.first!)
            var flags: UInt8 = 0
            if file.isBinary { flags |= binaryFlag }
            if file.isSubmodule { flags |= submoduleFlag }
            if file.oldPath != nil { flags |= oldPathFlag }
            if file.similarity != nil { flags |= similarityFlag }
            bytes.append(flags)
            putInteger(file.added, into: &bytes)
            putInteger(file.deleted, into: &bytes)
            if let similarity = file.similarity { putInteger(similarity, into: &bytes) }
            putString(file.path, into: &bytes)
            if let oldPath = file.oldPath { putString(oldPath, into: &bytes) }
        }
        return bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> [FileDelta]? {
        var reader = Reader(bytes: bytes)
        guard let count = reader.integer(), count <= bytes.count else { return nil }
        var files: [FileDelta] = []
        files.reserveCapacity(count)
        for _ in 0..<count {
            guard let letter = reader.byte(), let status = FileStatus(rawValue: String(UnicodeScalar(letter))),
                  let flags = reader.byte(), flags & ~knownFlags == 0,
                  let added = reader.integer(), let deleted = reader.integer() else { return nil }
            var similarity: Int?
            if flags & similarityFlag != 0 {
                guard let value = reader.integer() else { return nil }
                similarity = value
            }
            guard let path = reader.string() else { return nil }
            var oldPath: String?
            if flags & oldPathFlag != 0 {
                guard let value = reader.string() else { return nil }
                oldPath = value
            }
            files.append(FileDelta(path: path, oldPath: oldPath, status: status, added: added, deleted: deleted,
                                   isBinary: flags & binaryFlag != 0, similarity: similarity,
                                   isSubmodule: flags & submoduleFlag != 0))
        }
        return reader.isAtEnd ? files : nil
    }

    private static func putInteger(_ value: Int, into bytes: inout [UInt8]) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func putString(_ text: String, into bytes: inout [UInt8]) {
        putInteger(text.utf8.count, into: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func integer() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 63 {
                guard let byte = byte() else { return nil }
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = integer(), length <= bytes.count - offset else { return nil }
            defer { offset += length }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
            // Paths come out of git as UTF-8 already repaired; anything else here is damage.
            return String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self)
        }
    }
}
