/// Who made a commit and when, copied out of libgit2 and decoded to Unicode.
public struct Signature: Sendable, Hashable {
    public let name: String
    public let email: String
    public let time: Timestamp

    public init(name: String, email: String, time: Timestamp) {
        self.name = name
        self.email = email
        self.time = time
    }
}
