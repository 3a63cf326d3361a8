import Git
import History

/// Where a `ktlo ci` run's new commits start. The one place that decides it:
///
/// 1. `--base REF`, when given;
/// 2. the head the previous analysis recorded (the cache), when it is a proper ancestor of HEAD — a re-run of the
///    same HEAD falls through, so that it reports the same commits again;
/// 3. HEAD's first parent: after a merge, everything the merge brought in; after a plain commit, that commit;
/// 4. none (a root commit, or a shallow clone cut off at HEAD): every visible commit is new.
enum CIBase {
    struct Resolved {
        let commit: ObjectID?
        /// `option`, `cache`, `first-parent` or `none` (the JSON result's `base_source`).
        let source: String
    }

    static func resolve(option: String?, recordedHead: ObjectID?, head: ObjectID, repository: Repository,
                        shallowBoundary: Set<ObjectID>) throws(CommandFailure) -> Resolved {
        if let option {
            do {
                return Resolved(commit: try repository.resolveCommit(option), source: "option")
            } catch {
                let hint = shallowBoundary.isEmpty ? "" : " (in a shallow clone, fetch it: fetch-depth: 0)"
                throw .unusable("unknown --base revision '\(option)': \(error.message)\(hint)")
            }
        }
        if let recordedHead, recordedHead != head,
           (try? repository.mergeBases(recordedHead, head)) == [recordedHead] {
            return Resolved(commit: recordedHead, source: "cache")
        }
        guard !shallowBoundary.contains(head), let commit = try? repository.commit(head),
              let parent = commit.parents.first, (try? repository.commit(parent)) != nil else {
            return Resolved(commit: nil, source: "none")
        }
        return Resolved(commit: parent, source: "first-parent")
    }
}
