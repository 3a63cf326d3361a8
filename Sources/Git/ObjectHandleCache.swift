import CLibGit2

/// Keeps recently used libgit2 objects (trees, blobs) open so that consecutive commits, which share most of their
/// trees and the old side of each other's files, read and inflate them once.
///
/// Two generations within a byte budget: what is used moves to the current generation; when that outgrows half the
/// budget, the previous generation is freed and the current one becomes previous. Objects are only freed between
/// two commits (``endOfCommit()``), so a handle taken during a diff stays valid until it ends.
final class ObjectHandleCache {
    private var current: [ObjectID: (handle: OpaquePointer, bytes: Int)] = [:]
    private var previous: [ObjectID: (handle: OpaquePointer, bytes: Int)] = [:]
    private var currentBytes = 0
    /// Handles replaced during the current commit, freed when it ends.
    private var pendingFree: [OpaquePointer] = []
    private let budget: Int
    private let free: (OpaquePointer) -> Void

    init(budget: Int, free: @escaping (OpaquePointer) -> Void) {
        self.budget = budget
        self.free = free
    }

    deinit {
        for handle in pendingFree { free(handle) }
        for entry in current.values { free(entry.handle) }
        for entry in previous.values { free(entry.handle) }
    }

    /// The open object, if it is kept.
    func handle(_ id: ObjectID) -> OpaquePointer? {
        if let entry = current[id] { return entry.handle }
        guard let entry = previous.removeValue(forKey: id) else { return nil }
        current[id] = entry
        currentBytes += entry.bytes
        return entry.handle
    }

    /// Keeps an object the caller just opened; the cache now owns it.
    func keep(_ id: ObjectID, _ handle: OpaquePointer, bytes: Int) {
        if let existing = current.updateValue((handle, bytes), forKey: id) {
            // Opened twice in one commit: the older handle is no longer referenced by the cache.
            pendingFree.append(existing.handle)
            currentBytes -= existing.bytes
        }
        currentBytes += bytes
    }

    /// Frees what must go, now that no handle of the finished commit is in use.
    func endOfCommit() {
        for handle in pendingFree { free(handle) }
        pendingFree.removeAll()
        guard currentBytes > budget / 2 else { return }
        for entry in previous.values { free(entry.handle) }
        previous = current
        current = [:]
        currentBytes = 0
    }
}
