import History
import Synchronization

/// Path classes by path: the same files change again and again, and classifying a path costs string work.
/// Shared by all copies of a classifier and safe to use from several threads.
final class PathClassCache: Sendable {
    private let classes = Mutex<[String: PathClass]>([:])

    /// The class of `file`: an exclusion decides first (cheap); the path's conventional class is cached.
    func classify(_ file: FileChurn, with classifier: PathClassifier) -> PathClass {
        if let fromExclusion = classifier.classFromExclusion(file) { return fromExclusion }
        if let known = classes.withLock({ $0[file.path] }) { return known }
        let pathClass = classifier.classify(path: file.path)
        classes.withLock { $0[file.path] = pathClass }
        return pathClass
    }
}

/// Whether an identity is a bot, by identity: a history has few authors and many commits.
final class BotCache: Sendable {
    struct Entry: Sendable {
        let reason: Reason?
    }

    private let entries = Mutex<[Identity: Entry]>([:])

    func known(_ identity: Identity) -> Entry? {
        entries.withLock { $0[identity] }
    }

    func remember(_ identity: Identity, _ reason: Reason?) {
        entries.withLock { $0[identity] = Entry(reason: reason) }
    }
}
