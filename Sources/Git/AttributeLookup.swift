import CLibGit2
import Foundation

/// Reads a few gitattributes for many paths as of one commit, the way ``Repository/attribute(_:for:at:)`` does,
/// but asks libgit2 only about the paths that some attribute file could give one of those attributes.
///
/// libgit2 answers a lookup against a commit by reading the commit, the trees on the way to the file and each
/// `.gitattributes` there again, every time: on redis, looking up the two linguist attributes for every path of the
/// history was 40 % of a `ktlo report` whose diffs came from the cache. Yet most repositories never mention the
/// attributes asked about. An attribute file can only assign an attribute it names, or a macro defined where
/// macros may be (the top-level `.gitattributes`, `info/attributes`, the global file), which then names it. So a
/// path whose folders' `.gitattributes` (in the commit and in the index) never contain any of the names, in a
/// repository whose `info/attributes` and global attributes file do not either, has them all unspecified — which is
/// what this returns without calling libgit2. Any mention, even in a comment, sends the path to libgit2: the shortcut
/// may only ever skip lookups whose answer is certain.
///
/// Like the ``Repository`` it reads, a lookup belongs to one thread.
public final class AttributeLookup {
    private let repository: Repository
    private let commit: ObjectID
    private let names: [String]
    /// The byte strings whose absence from an attribute file proves it cannot set any of `names`.
    private let needles: [[UInt8]]
    /// `info/attributes` or the global attributes file mention a name: every path is asked about.
    private let everywhere: Bool
    private let tree: OpaquePointer?
    private let index: OpaquePointer?
    /// Per folder ("" for the top), whether its `.gitattributes` or a parent's mention a name.
    private var folders: [Substring: Bool] = [:]

    /// Prepares lookups of `names` as of `commit` (its `.gitattributes` files, the index's, `info/attributes` and the
    /// global attributes file; not the system one, as ``Repository/attribute(_:for:at:)``).
    public init(repository: Repository, commit: ObjectID, names: [String]) throws(GitError) {
        self.repository = repository
        self.commit = commit
        self.names = names
        var needles = names.map { Array($0.utf8) }
        // git's built-in macro: `binary` is `-diff -merge -text`.
        if names.contains(where: { ["diff", "merge", "text"].contains($0) }) { needles.append(Array("binary".utf8)) }
        self.needles = needles

        var oid = commit.raw
        var commitPointer: OpaquePointer?
        try check(git_commit_lookup(&commitPointer, repository.handle, &oid), "git_commit_lookup")
        defer { git_commit_free(commitPointer) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commitPointer), "git_commit_tree")
        self.tree = tree

        // A bare repository has no index file: then there is simply nothing to read there.
        var index: OpaquePointer?
        if repository.isBare || git_repository_index(&index, repository.handle) != 0 { index = nil }
        self.index = index

        let shared = [repository.commonDirectory + (repository.commonDirectory.hasSuffix("/") ? "" : "/")
                          + "info/attributes"] + [Self.globalAttributesFile(repository)].compactMap { $0 }
        everywhere = shared.contains { path in
            guard let data = FileManager.default.contents(atPath: path) else { return false }
            return data.withUnsafeBytes { Self.mentions($0, needles) }
        }
    }

    deinit {
        git_tree_free(tree)
        git_index_free(index)
    }

    /// The values of the names, in their order, for `path`.
    public func values(for path: String) throws(GitError) -> [AttributeValue] {
        let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
        guard try everywhere ? true : isMentioned(in: folder) else {
            return Array(repeating: .unspecified, count: names.count)
        }
        var values: [AttributeValue] = []
        for name in names { values.append(try repository.attribute(name, for: path, at: commit)) }
        return values
    }

    /// Whether `folder`'s `.gitattributes` or one of its parents' mentions a name.
    private func isMentioned(in folder: Substring) throws(GitError) -> Bool {
        if let known = folders[folder] { return known }
        var mentioned = false
        if !folder.isEmpty {
            let parent = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
            mentioned = try isMentioned(in: parent)
        }
        if !mentioned {
            let file = folder.isEmpty ? ".gitattributes" : String(folder) + "/.gitattributes"
            mentioned = try fileInTreeMentions(file)
            if !mentioned { mentioned = try fileInIndexMentions(file) }
        }
        folders[folder] = mentioned
        return mentioned
    }

    private func fileInTreeMentions(_ path: String) throws(GitError) -> Bool {
        var entry: OpaquePointer?
        let status = git_tree_entry_bypath(&entry, tree, path)
        if status == GIT_ENOTFOUND.rawValue { return false }
        try check(status, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return false }
        return try blobMentions(git_tree_entry_id(entry))
    }

    private func fileInIndexMentions(_ path: String) throws(GitError) -> Bool {
        guard let index, let entry = git_index_get_bypath(index, path, 0) else { return false }
        var id = entry.pointee.id
        return try blobMentions(&id)
    }

    private func blobMentions(_ id: UnsafePointer<git_oid>) throws(GitError) -> Bool {
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.handle, id), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return false }
        return Self.mentions(UnsafeRawBufferPointer(start: content, count: size), needles)
    }

    private static func mentions(_ bytes: UnsafeRawBufferPointer, _ needles: [[UInt8]]) -> Bool {
        needles.contains { needle in
            guard let first = needle.first, bytes.count >= needle.count else { return false }
            var start = 0
            while let found = bytes[start...].firstIndex(of: first), found + needle.count <= bytes.count {
                if bytes[found..<found + needle.count].elementsEqual(needle) { return true }
                start = found + 1
            }
            return false
        }
    }

    /// `core.attributesFile`, else the XDG location libgit2 reads: `$XDG_CONFIG_HOME/git/attributes` or
    /// `~/.config/git/attributes`.
    static func globalAttributesFile(_ repository: Repository) -> String? {
        var config: OpaquePointer?
        if git_repository_config_snapshot(&config, repository.handle) == 0 {
            defer { git_config_free(config) }
            var buffer = git_buf()
            if git_config_get_path(&buffer, config, "core.attributesfile") == 0 {
                defer { git_buf_dispose(&buffer) }
                return buffer.ptr.map { String(cString: $0) }
            }
        }
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/git/attributes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/git/attributes" }
        return nil
    }
}
