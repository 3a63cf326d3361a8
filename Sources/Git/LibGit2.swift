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
        // libgit2 keeps parsed commits and small trees in a cache of up to 256 MiB, which a walk over a long history
        // fills steadily without reusing much: on redis/redis (12,000 commits) the heap grew from 20 to 100 MiB
        // (and still to 67 MiB with a 16 MiB cap), at the same speed as with no cache at all. Without the cache
        // the heap stays flat at about 20 MiB whatever the history's length.
        _ = ktlo_git_set_cache_max_size(0)
        // Pack files are read through mapped windows of 1 GiB, up to 8 GiB in all, so every pack page the history
        // ever touched stays resident. Windows of 32 MiB, at most 128 MiB mapped, keep memory flat on any history:
        // a window unmapped is mapped again from the page cache when needed. (96 MiB unmapped git/git's 500 MiB
        // pack and faulted it in again more often; 192 MiB cost redis/redis 75 MB more than git's own peak.)
        _ = ktlo_git_set_mwindow_size(32 << 20)
        _ = ktlo_git_set_mwindow_mapped_limit(128 << 20)
    }()

    /// The libgit2 version linked at run time, for example "1.5.1".
    static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
