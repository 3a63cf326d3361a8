import CLibGit2

/// Lines added and deleted between two blobs, as `git diff --numstat` counts them.
struct BlobLineCounts {
    var added = 0
    var deleted = 0
    /// Binary content (or a binary diff driver): no lines are counted.
    var isBinary = false

    /// Diffs two blobs (`nil` for a side that does not exist) through libgit2's xdiff and sums its hunks.
    ///
    /// `git_patch_from_blobs` followed by `git_patch_line_stats` gives the same numbers but keeps every changed line
    /// in the patch first (one record each, in arrays grown as they fill). With no context lines every hunk is
    /// exactly one run of changes (xdiff only merges changes fewer than `2 × context + interhunk` = 0 common lines
    /// apart, and two changes always have a common line between them), so a hunk's old and new line counts are its
    /// `-` and `+` lines: summing hunk headers counts what the patch would, and the "no newline at end of file"
    /// markers count for nothing in either. Binary is settled before any hunk (from the driver, the size and the
    /// content, when libgit2 opens the two sides): the file callback sees it, and the binary callback stands in
    /// should a later check flag it.
    /// The paths choose the diff driver through the `diff` attribute; an empty path looks nothing up (where `nil`
    /// makes libgit2 look up the attributes of a file named "file").
    static func diff(_ old: OpaquePointer?, path oldPath: UnsafePointer<CChar>?, _ new: OpaquePointer?,
                     path newPath: UnsafePointer<CChar>?, options: inout git_diff_options)
        throws(GitError) -> BlobLineCounts {
        var counts = BlobLineCounts()
        let status = withUnsafeMutablePointer(to: &counts) { pointer in
            git_diff_blobs(old, oldPath, new, newPath, &options, { delta, _, payload in
                if let delta, delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
                    payload!.assumingMemoryBound(to: BlobLineCounts.self).pointee.isBinary = true
                }
                return 0
            }, { _, _, payload in
                payload!.assumingMemoryBound(to: BlobLineCounts.self).pointee.isBinary = true
                return 0
            }, { _, hunk, payload in
                let counts = payload!.assumingMemoryBound(to: BlobLineCounts.self)
                counts.pointee.added += Int(hunk!.pointee.new_lines)
                counts.pointee.deleted += Int(hunk!.pointee.old_lines)
                return 0
            }, nil, pointer)
        }
        try check(status, "git_diff_blobs")
        if counts.isBinary { return BlobLineCounts(isBinary: true) }
        return counts
    }
}
