/// Reads a commit object's raw bytes the forgiving way git does.
///
/// libgit2 refuses a commit whose author line has no `<…>` e-mail or whose timestamp is not a number; git shows
/// such commits (with an empty e-mail or the epoch). One such commit must not stop a history walk, so ktlo falls
/// back to this parser when libgit2 refuses one.
enum LenientCommitParser {
    struct Malformed: Error {
        let reason: String
    }

    static func parse(_ bytes: [UInt8], id: ObjectID) throws(Malformed) -> Commit {
        var tree: ObjectID?
        var parents: [ObjectID] = []
        var authorLine: ArraySlice<UInt8>?
        var committerLine: ArraySlice<UInt8>?
        var encoding: String?

        var position = bytes.startIndex
        var messageStart = bytes.endIndex
        while position < bytes.endIndex {
            let lineEnd = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[position..<lineEnd]
            position = lineEnd == bytes.endIndex ? lineEnd : lineEnd + 1
            if line.isEmpty {
                messageStart = position
                break
            }
            if line.first == UInt8(ascii: " ") { continue }  // continuation of a multi-line header (gpgsig)
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { continue }
            let key = String(decoding: line[line.startIndex..<space], as: UTF8.self)
            let value = line[(space + 1)...]
            switch key {
            case "tree": tree = ObjectID(hex: String(decoding: value, as: UTF8.self))
            case "parent":
                guard let parent = ObjectID(hex: String(decoding: value, as: UTF8.self)) else {
                    throw Malformed(reason: "a parent line is not an object name")
                }
                parents.append(parent)
            case "author": authorLine = authorLine ?? value
            case "committer": committerLine = committerLine ?? value
            case "encoding": encoding = String(decoding: value, as: UTF8.self)
            default: continue
            }
        }
        guard let tree else { throw Malformed(reason: "no tree line") }

        let messageBytes = bytes[messageStart...]
        let message = messageBytes.withUnsafeBytes { TextDecoding.decode($0, encoding: encoding) }
        return Commit(id: id, tree: tree, parents: parents,
                      author: signature(authorLine ?? [], encoding: encoding),
                      committer: signature(committerLine ?? [], encoding: encoding),
                      message: message, encoding: encoding, readLeniently: true)
    }

    /// `Name <email> 1700000000 +0200`, with every part allowed to be missing or malformed.
    static func signature(_ line: ArraySlice<UInt8>, encoding: String?) -> Signature {
        func text(_ slice: ArraySlice<UInt8>) -> String {
            slice.withUnsafeBytes { TextDecoding.decode($0, encoding: encoding) }
                .trimmingCharacters(in: " ")
        }
        guard let open = line.lastIndex(of: UInt8(ascii: "<")),
              let close = line[open...].firstIndex(of: UInt8(ascii: ">")) else {
            return Signature(name: text(line), email: "", time: Timestamp(secondsSinceEpoch: 0, offsetMinutes: 0))
        }
        let name = text(line[line.startIndex..<open])
        let email = text(line[(open + 1)..<close])
        let rest = String(decoding: line[(close + 1)...], as: UTF8.self).split(separator: " ")
        let seconds = rest.first.flatMap { Int64($0) } ?? 0
        var offset = 0
        if rest.count > 1, let zone = rest.last, let sign = zone.first, sign == "+" || sign == "-",
           let digits = Int(zone.dropFirst()), digits >= 0 {
            let hours = digits / 100, minutes = digits % 100
            if hours <= 14 && minutes <= 59 {
                offset = (hours * 60 + minutes) * (sign == "-" ? -1 : 1)
            }
        }
        return Signature(name: name, email: email, time: Timestamp(secondsSinceEpoch: seconds, offsetMinutes: offset))
    }
}

extension String {
    /// Removes `character` from both ends.
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
