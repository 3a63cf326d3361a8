import History
import Synchronization

/// Path classes by path: the same files change again and again, and classifying a path costs string work.
/// Shared by all copies of a classifier and safe to use from several threads.
final class PathClassCache: Sendable {
    private let classes = ShardedCache<String, PathClass>()

    /// The class of `file`: an exclusion decides first (cheap); the path's conventional class is cached.
    func classify(_ file: FileChurn, with classifier: PathClassifier) -> PathClass {
        if let fromExclusion = classifier.classFromExclusion(file) { return fromExclusion }
        let path = file.path
        let hash = CacheKey.hash(path)
        if let known = classes.value(for: path, hash: hash) { return known }
        let pathClass = classifier.classify(path: path)
        classes.remember(pathClass, for: path, hash: hash)
        return pathClass
    }
}

/// Whether an identity is a bot, by identity: a history has few authors and many commits.
final class BotCache: Sendable {
    struct Entry: Sendable {
        let reason: Reason?
    }

    private let entries = ShardedCache<Identity, Entry>()

    func known(_ identity: Identity) -> Entry? {
        entries.value(for: identity, hash: Self.hash(identity))
    }

    func remember(_ identity: Identity, _ reason: Reason?) {
        entries.remember(Entry(reason: reason), for: identity, hash: Self.hash(identity))
    }

    private static func hash(_ identity: Identity) -> UInt64 {
        CacheKey.hash(identity.name) &* 31 &+ CacheKey.hash(identity.email)
    }
}

/// A cheap hash of a text for the caches: its length and its first and last 16 bytes, read 8 at a time. Texts
/// that differ only in their middle collide, and the caches tell them apart by comparing the texts themselves; a
/// path or a name is told from the others by its ends in a few instructions, where hashing every byte costs
/// several a byte.
enum CacheKey {
    static func hash(_ text: String) -> UInt64 {
        if let hash = text.utf8.withContiguousStorageIfAvailable(hash) { return hash }
        return Array(text.utf8).withUnsafeBufferPointer(hash)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress, count > 0 else { return hash | 1 }
        let raw = UnsafeRawPointer(base)
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
        }
        if count >= 16 {
            mix(raw.loadUnaligned(as: UInt64.self))
            mix(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            mix(raw.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self))
            mix(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else {
            var word: UInt64 = 0
            for index in 0..<count { word = word << 8 | UInt64(base[index]) }
            mix(word)
            if count > 8 { mix(raw.loadUnaligned(as: UInt64.self)) }
        }
        // 0 marks a free slot in the caches' tables.
        return hash | 1
    }
}

/// A table shared by the classifying threads, keyed by a 64-bit hash the caller computes (``CacheKey``, cheaper
/// than `Hasher` for the paths and names it holds) and checked against the key itself.
///
/// Split into shards by hash, each with its own lock and on its own cache lines, so that two threads rarely wait
/// for each other or pass a cache line back and forth.
final class ShardedCache<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let shards: [Shard] = (0..<16).map { _ in Shard() }

    private final class Shard: Sendable {
        let table = Mutex(Table())
        // Keeps shards apart in memory: each object fills more than a 64-byte cache line.
        let padding: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    /// Open addressing on the hash; a slot is free while its hash is 0 (a key whose hash is 0 is never stored).
    private struct Table {
        var hashes = [UInt64](repeating: 0, count: 64)
        var entries: [(key: Key, value: Value)?] = Array(repeating: nil, count: 64)
        var count = 0

        func find(_ key: Key, _ hash: UInt64) -> Value? {
            let mask = hashes.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 32) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash, let entry = entries[slot], entry.key == key { return entry.value }
                slot = (slot + 1) & mask
            }
            return nil
        }

        mutating func insert(_ key: Key, _ value: Value, _ hash: UInt64) {
            if (count + 1) * 2 > hashes.count { grow() }
            let mask = hashes.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 32) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash, let entry = entries[slot], entry.key == key {
                    entries[slot] = (key, value)
                    return
                }
                slot = (slot + 1) & mask
            }
            hashes[slot] = hash
            entries[slot] = (key, value)
            count += 1
        }

        private mutating func grow() {
            let oldHashes = hashes, oldEntries = entries
            hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
            entries = Array(repeating: nil, count: oldHashes.count * 2)
            count = 0
            for (hash, entry) in zip(oldHashes, oldEntries) where hash != 0 {
                if let entry { insert(entry.key, entry.value, hash) }
            }
        }
    }

    func value(for key: Key, hash: UInt64) -> Value? {
        guard hash != 0 else { return nil }
        return shards[Int(truncatingIfNeeded: hash) & 15].table.withLock { $0.find(key, hash) }
    }

    func remember(_ value: Value, for key: Key, hash: UInt64) {
        guard hash != 0 else { return }
        shards[Int(truncatingIfNeeded: hash) & 15].table.withLock { $0.insert(key, value, hash) }
    }
}
