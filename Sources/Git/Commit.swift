import CLibGit2

/// A commit, copied out of libgit2 and decoded to Unicode. Holds no C memory.
public struct Commit: Sendable, Identifiable {
    public let id: ObjectID
    public let tree: ObjectID
    /// The parents in the order the commit lists them; the first is the mainline.
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The whole message, decoded from its declared encoding.
    public let message: String
    /// The first paragraph of the message on one line, as `git log --format=%s` shows it.
    public let summary: String
    /// The `encoding` header, when the commit declares one.
    public let encoding: String?
    /// True when libgit2 refused to parse the commit (a malformed e-mail or timestamp) and ktlo read its raw
    /// header itself, as git does.
    public let readLeniently: Bool

    public var isMerge: Bool { parents.count > 1 }
    public var isRoot: Bool { parents.isEmpty }

    public init(id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
                message: String, encoding: String?, readLeniently: Bool = false) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
        self.summary = Commit.summary(of: message)
        self.encoding = encoding
        self.readLeniently = readLeniently
    }

    /// Copies everything out of a libgit2 commit; the caller still owns and frees `pointer`.
    init(copying pointer: OpaquePointer) {
        let encoding = git_commit_message_encoding(pointer).map { String(cString: $0) }
        func signature(_ raw: UnsafePointer<git_signature>?) -> Signature {
            guard let raw else {
                return Signature(name: "", email: "", time: Timestamp(secondsSinceEpoch: 0, offsetMinutes: 0))
            }
            return Signature(name: TextDecoding.decode(raw.pointee.name, encoding: encoding),
                             email: TextDecoding.decode(raw.pointee.email, encoding: encoding),
                             time: Timestamp(secondsSinceEpoch: raw.pointee.when.time,
                                             offsetMinutes: Int(raw.pointee.when.offset)))
        }
        let parentCount = git_commit_parentcount(pointer)
        self.init(id: ObjectID(git_commit_id(pointer)),
                  tree: ObjectID(git_commit_tree_id(pointer)),
                  parents: (0..<parentCount).map { ObjectID(git_commit_parent_id(pointer, $0)) },
                  author: signature(git_commit_author(pointer)),
                  committer: signature(git_commit_committer(pointer)),
                  message: TextDecoding.decode(git_commit_message(pointer), encoding: encoding),
                  encoding: encoding)
    }

    /// git's subject: the first paragraph, each line's trailing white space removed, lines joined by a space.
    /// Lines end at a line feed, as git reads them (a carriage return before it is trailing white space), and the
    /// scan stops at the end of the paragraph: a long body costs nothing.
    static func summary(of message: String) -> String {
        var lines: [Substring] = []
        var rest = message[...]
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end].trimmingTrailingWhitespace()
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            if line.isEmpty {
                if lines.isEmpty { continue }
                break
            }
            lines.append(line)
        }
        return lines.joined(separator: " ")
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let scalar = self[index(before: end)].unicodeScalars.first,
              scalar.properties.isWhitespace {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
