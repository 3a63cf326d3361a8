/// Why the cache cannot serve a run; reads as one line a person can act on.
public enum ChurnCacheError: Error, Sendable, CustomStringConvertible {
    /// The file at the path cannot be created, opened or repaired.
    case unusable(String, String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason):
            "cannot use the cache at \(path): \(reason)"
        }
    }
}
