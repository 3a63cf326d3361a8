import Git
import History

/// Hand-made commit records for classifier tests.
enum CommitFactory {
    static let id = ObjectID(hex: "1111111111111111111111111111111111111111")!
    static let parent = ObjectID(hex: "2222222222222222222222222222222222222222")!
    static let otherParent = ObjectID(hex: "3333333333333333333333333333333333333333")!

    /// A file change: "M src/a.c +3 -1" style.
    struct File {
        let path: String
        let status: FileStatus
        let added: Int
        let deleted: Int
        var exclusion: Exclusion?

        init(_ path: String, _ status: FileStatus = .modified, _ added: Int = 5, _ deleted: Int = 2,
             exclusion: Exclusion? = nil) {
            self.path = path
            self.status = status
            self.added = added
            self.deleted = deleted
            self.exclusion = exclusion
        }
    }

    static func record(_ subject: String, body: String = "", files: [File] = [File("src/main.c")],
                       author: String = "Ada Lovelace", email: String = "ada@example.com",
                       parents: [ObjectID] = [parent]) -> CommitRecord {
        let message = body.isEmpty ? subject + "\n" : subject + "\n\n" + body + "\n"
        let time = Timestamp(secondsSinceEpoch: 1_750_000_000, offsetMinutes: 0)
        return CommitRecord(
            id: id, parents: parents, author: Identity(name: author, email: email), authorTime: time,
            committerTime: time, summary: subject, message: message,
            files: files.map {
                FileChurn(delta: FileDelta(path: $0.path, status: $0.status, added: $0.added, deleted: $0.deleted),
                          exclusion: $0.exclusion)
            })
    }
}
