import CLibGit2

/// Process-wide libgit2 set-up, done once before the first handle is made.
enum LibGit2 {
    /// Initialises libgit2 and sets the global options ktlo relies on. Reading it is thread-safe
    /// (a `static let` runs its initialiser exactly once).
    static let ready: Void = {
        git_libgit2_init()
        // libgit2 re-hashes every object it reads to verify it; git does not on reads. Measured at 40 % or more of
        // a full-history diff (shared/research/performance.md). Turning it off changes no number: a damaged object
        // still fails to inflate or to parse.
        _ = ktlo_git_set_strict_hash_verification(0)
    }()

    /// The libgit2 version linked at run time, for example "1.5.1".
    static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
