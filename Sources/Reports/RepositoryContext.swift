import Git

/// Where a listing or a report came from: the repository and its HEAD.
public struct RepositoryContext: Sendable {
    /// The repository folder as the user knows it.
    public let repositoryPath: String
    /// The commit HEAD pointed to, if any.
    public let head: ObjectID?
    /// The branch HEAD was on, if any.
    public let branch: String?
    /// What each saved record says about where it came from (NDJSON and JSON commit records); `nil` leaves it out.
    public let provenance: RecordProvenance?

    public init(repositoryPath: String, head: ObjectID?, branch: String?, provenance: RecordProvenance? = nil) {
        self.repositoryPath = repositoryPath
        self.head = head
        self.branch = branch
        self.provenance = provenance
    }
}
