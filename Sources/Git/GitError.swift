import CLibGit2

/// A failure reported by libgit2, or by the wrapper on libgit2's behalf.
///
/// Every call into libgit2 that can fail goes through ``check(_:_:)``, which reads libgit2's
/// per-thread error message on the failing thread and turns it into this value.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The return code, as libgit2 classifies failures (`git_error_code`).
    public enum Code: Sendable, Equatable {
        case notFound
        case exists
        case ambiguous
        case invalidSpec
        case unbornBranch
        case peel
        case invalid
        case owner
        case bareRepository
        case other(Int32)

        init(rawValue: Int32) {
            switch rawValue {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_EPEEL.rawValue: self = .peel
            case GIT_EINVALID.rawValue: self = .invalid
            case GIT_EOWNER.rawValue: self = .owner
            case GIT_EBAREREPO.rawValue: self = .bareRepository
            default: self = .other(rawValue)
            }
        }
    }

    /// What failed, as libgit2 sorts its errors (`git_error_t`): the object database, the OS, zlib…
    public enum Domain: Sendable, Equatable {
        case none, os, invalid, reference, zlib, repository, config, odb, object, tree, other(Int32)

        init(rawValue: Int32) {
            switch rawValue {
            case Int32(GIT_ERROR_NONE.rawValue): self = .none
            case Int32(GIT_ERROR_OS.rawValue): self = .os
            case Int32(GIT_ERROR_INVALID.rawValue): self = .invalid
            case Int32(GIT_ERROR_REFERENCE.rawValue): self = .reference
            case Int32(GIT_ERROR_ZLIB.rawValue): self = .zlib
            case Int32(GIT_ERROR_REPOSITORY.rawValue): self = .repository
            case Int32(GIT_ERROR_CONFIG.rawValue): self = .config
            case Int32(GIT_ERROR_ODB.rawValue): self = .odb
            case Int32(GIT_ERROR_OBJECT.rawValue): self = .object
            case Int32(GIT_ERROR_TREE.rawValue): self = .tree
            default: self = .other(rawValue)
            }
        }
    }

    public let code: Code
    public let domain: Domain
    /// libgit2's own words, or a description written by the wrapper when libgit2 gave none.
    public let message: String
    /// The operation that failed, for example `git_commit_lookup`.
    public let operation: String

    public init(code: Code, domain: Domain = .none, message: String, operation: String) {
        self.code = code
        self.domain = domain
        self.message = message
        self.operation = operation
    }

    /// Builds the error from libgit2's last error on this thread. Must run on the thread that made the call,
    /// with nothing in between (libgit2 keeps the message per thread).
    init(returnCode: Int32, operation: String) {
        let code = Code(rawValue: returnCode)
        if let last = git_error_last(), let text = last.pointee.message {
            self.init(code: code, domain: Domain(rawValue: last.pointee.klass),
                      message: String(cString: text), operation: operation)
        } else {
            // Before libgit2 1.8 the last error may be NULL; the return code is then all we know.
            self.init(code: code, message: "libgit2 returned \(returnCode) without a message", operation: operation)
        }
    }

    public var description: String { "\(operation): \(message)" }
}

/// Throws a ``GitError`` for a negative libgit2 return code; returns the code otherwise.
@inline(__always)
@discardableResult
func check(_ returnCode: Int32, _ operation: @autoclosure () -> String) throws(GitError) -> Int32 {
    if returnCode < 0 {
        throw GitError(returnCode: returnCode, operation: operation())
    }
    return returnCode
}
