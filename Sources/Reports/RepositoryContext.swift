import Git

/// What a commits listing says about where it came from, before the first record.
public struct CommitsContext: Sendable {
    /// The repository folder as the user knows it.
    public let repositoryPath: String
    /// The commit HEAD pointed to, if any.
    public let head: ObjectID?
    /// The branch HEAD was on, if any.
    public let branch: String?

    public init(repositoryPath: String, head: ObjectID?, branch: String?) {
        self.repositoryPath = repositoryPath
        self.head = head
        self.branch = branch
    }
}
