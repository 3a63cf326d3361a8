import CLibGit2

/// How a tree records an entry: the kinds of file Git knows.
public enum FileMode: Sendable, Hashable {
    case regular
    case executable
    case symlink
    /// A gitlink: a commit of another repository, not a file.
    case submodule

    init?(_ mode: git_filemode_t) {
        switch mode {
        case GIT_FILEMODE_BLOB: self = .regular
        case GIT_FILEMODE_BLOB_EXECUTABLE: self = .executable
        case GIT_FILEMODE_LINK: self = .symlink
        case GIT_FILEMODE_COMMIT: self = .submodule
        default:
            // Old trees spell regular files 100664 and the like; git reads any other 100xxx as a regular file.
            guard mode.rawValue & 0o170000 == 0o100000 else { return nil }
            self = mode.rawValue & 0o100 != 0 ? .executable : .regular
        }
    }
}

/// One file of a tree, with the blob that holds its content. A value copied out of libgit2.
public struct TreeFile: Sendable, Hashable {
    /// The path from the root of the tree, `/`-separated.
    public let path: String
    /// The blob (for a submodule, the commit) the entry names.
    public let id: ObjectID
    public let mode: FileMode

    public init(path: String, id: ObjectID, mode: FileMode) {
        self.path = path
        self.id = id
        self.mode = mode
    }
}

/// The content of a blob, and whether Git would call it binary.
public struct BlobContent: Sendable, Hashable {
    public let bytes: [UInt8]
    /// libgit2's verdict (`git_blob_is_binary`): a NUL byte, or too few printable characters, near the start.
    public let isBinary: Bool

    public init(bytes: [UInt8], isBinary: Bool) {
        self.bytes = bytes
        self.isBinary = isBinary
    }
}

extension Repository {
    /// Every file of `commit`'s tree (sub-trees walked, in Git's order), without reading any blob.
    public func files(at commit: ObjectID) throws(GitError) -> [TreeFile] {
        let root = try tree(try treeOfCommit(commit))
        defer { git_tree_free(root) }
        var files: [TreeFile] = []
        try collectFiles(of: root, prefix: "", into: &files)
        return files
    }

    private func collectFiles(of tree: OpaquePointer, prefix: String, into files: inout [TreeFile]) throws(GitError) {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let path = prefix + TextDecoding.decode(git_tree_entry_name(entry), encoding: nil)
            let id = ObjectID(git_tree_entry_id(entry))
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                let subtree = try self.tree(id)
                defer { git_tree_free(subtree) }
                try collectFiles(of: subtree, prefix: path + "/", into: &files)
            } else if let mode = FileMode(git_tree_entry_filemode(entry)) {
                files.append(TreeFile(path: path, id: id, mode: mode))
            }
        }
    }

    /// The bytes of blob `id`, copied out of libgit2, with libgit2's binary verdict.
    public func blobContent(_ id: ObjectID) throws(GitError) -> BlobContent {
        let blob = try self.blob(id)
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        let bytes = size > 0 ? git_blob_rawcontent(blob).map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
            : nil
        return BlobContent(bytes: bytes ?? [], isBinary: git_blob_is_binary(blob) == 1)
    }

    /// The blob at `path` in `commit`'s tree, or `nil` when the path names no file there.
    public func blobID(at path: String, in commit: ObjectID) throws(GitError) -> ObjectID? {
        let tree = try tree(try treeOfCommit(commit))
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let status = git_tree_entry_bypath(&entry, tree, path)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        try check(status, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return ObjectID(git_tree_entry_id(entry))
    }
}
