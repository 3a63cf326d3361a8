import CLibGit2

/// The state of a gitattributes attribute for a path (`attr`, `-attr`, `attr=value`, or not mentioned).
public enum AttributeValue: Sendable, Equatable {
    case unspecified
    case set
    case unset
    case value(String)

    /// True for `attr` and `attr=true`, as linguist reads its own attributes.
    public var isTrue: Bool {
        switch self {
        case .set: true
        case .value(let text): text.lowercased() == "true"
        case .unset, .unspecified: false
        }
    }
}

extension Repository {
    /// The value of a gitattributes attribute for `path`, read from the `.gitattributes` files of `commit`
    /// (plus `$GIT_DIR/info/attributes` and the index, if there is one), so that it works in a bare repository and
    /// describes the revision being analysed rather than whatever the working tree holds.
    public func attribute(_ name: String, for path: String, at commit: ObjectID) throws(GitError) -> AttributeValue {
        var options = git_attr_options()
        options.version = UInt32(GIT_ATTR_OPTIONS_VERSION)
        options.flags = UInt32(GIT_ATTR_CHECK_INDEX_ONLY | GIT_ATTR_CHECK_NO_SYSTEM | GIT_ATTR_CHECK_INCLUDE_COMMIT)
        options.attr_commit_id = commit.raw
        var value: UnsafePointer<CChar>?
        try check(git_attr_get_ext(&value, handle, &options, path, name), "git_attr_get_ext")
        switch git_attr_value(value) {
        case GIT_ATTR_VALUE_TRUE: return .set
        case GIT_ATTR_VALUE_FALSE: return .unset
        case GIT_ATTR_VALUE_STRING: return .value(value.map { String(cString: $0) } ?? "")
        default: return .unspecified
        }
    }
}
