import CLibGit2

/// A repository's `.mailmap`: the one owner of a `git_mailmap` handle.
///
/// Not `Sendable`, like every handle type. Resolution copies the answer out at once.
public final class Mailmap {
    private let handle: OpaquePointer

    init(owning handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_mailmap_free(handle)
    }

    /// The canonical name and e-mail for an identity, as `git log --use-mailmap` shows it.
    public func resolve(name: String, email: String) throws(GitError) -> (name: String, email: String) {
        var realName: UnsafePointer<CChar>?
        var realEmail: UnsafePointer<CChar>?
        // The results point into the mailmap or into the arguments, so they are copied before either goes away.
        var resolved: (String, String) = (name, email)
        var status: Int32 = 0
        name.withCString { namePointer in
            email.withCString { emailPointer in
                status = git_mailmap_resolve(&realName, &realEmail, handle, namePointer, emailPointer)
                if status == 0 {
                    resolved = (realName.map { String(cString: $0) } ?? name,
                                realEmail.map { String(cString: $0) } ?? email)
                }
            }
        }
        try check(status, "git_mailmap_resolve")
        return resolved
    }
}
