import CLibGit2
import Foundation

extension Repository {
    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws(GitError) -> Bool {
        if ancestor == commit { return true }
        var descendant = commit.raw
        var base = ancestor.raw
        let status = try check(git_graph_descendant_of(handle, &descendant, &base), "git_graph_descendant_of")
        return status == 1
    }

    /// Everything that decides gitattributes as of `commit` (see ``AttributeLookup``), as text: each
    /// `.gitattributes` of the commit and of the index with its blob, and the contents of `info/attributes` and of
    /// the global attributes file. Equal text, equal attributes for every path: a run can tell whether what it
    /// derived from attributes earlier still holds.
    public func attributeSources(at commit: ObjectID) throws(GitError) -> String {
        var text = ""
        for file in try files(at: commit) where file.path == ".gitattributes"
            || file.path.hasSuffix("/.gitattributes") {
            text += "tree \(file.path) \(file.id.hex)\n"
        }
        var index: OpaquePointer?
        if !isBare, git_repository_index(&index, handle) == 0, let index {
            defer { git_index_free(index) }
            for position in 0..<git_index_entrycount(index) {
                guard let entry = git_index_get_byindex(index, position), let path = entry.pointee.path else {
                    continue
                }
                let name = String(cString: path)
                guard name == ".gitattributes" || name.hasSuffix("/.gitattributes") else { continue }
                text += "index \(name) \(ObjectID(entry.pointee.id).hex)\n"
            }
        }
        let info = commonDirectory + (commonDirectory.hasSuffix("/") ? "" : "/") + "info/attributes"
        for path in [info] + [AttributeLookup.globalAttributesFile(self)].compactMap({ $0 }) {
            let content = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            text += "file \(path)\n\(content ?? "(none)")\n"
        }
        return text
    }

    /// Everything `.mailmap` resolution reads (see ``mailmap()``), as text: the working tree's `.mailmap`, the blob
    /// `mailmap.blob` names (by default `HEAD:.mailmap` in a bare repository) and the file `mailmap.file` names.
    public func mailmapSources() -> String {
        var text = ""
        if let workingDirectory {
            let path = workingDirectory + (workingDirectory.hasSuffix("/") ? "" : "/") + ".mailmap"
            let content = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            text += "working tree\n\(content ?? "(none)")\n"
        }
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return text + "no configuration\n" }
        defer { git_config_free(config) }
        var blobSpec: String? = isBare ? "HEAD:.mailmap" : nil
        var buffer = git_buf()
        if git_config_get_string_buf(&buffer, config, "mailmap.blob") == 0 {
            blobSpec = buffer.ptr.map { String(cString: $0) }
            git_buf_dispose(&buffer)
        }
        if let blobSpec {
            var object: OpaquePointer?
            if git_revparse_single(&object, handle, blobSpec) == 0 {
                defer { git_object_free(object) }
                text += "blob \(blobSpec) \(ObjectID(git_object_id(object)).hex)\n"
            } else {
                text += "blob \(blobSpec) (none)\n"
            }
        }
        if git_config_get_path(&buffer, config, "mailmap.file") == 0 {
            let path = buffer.ptr.map { String(cString: $0) } ?? ""
            git_buf_dispose(&buffer)
            let content = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            text += "file \(path)\n\(content ?? "(none)")\n"
        }
        return text
    }
}
