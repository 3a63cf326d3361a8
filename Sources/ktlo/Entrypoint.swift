import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc gives every thread that allocates its own heap arena and keeps what is freed there (about 90 MB more on
/// redis/redis with diff workers), and after the first large free it raises the size from which allocations are
/// mapped on their own up to 32 MiB, so inflated blobs of a few MiB then fragment the heap for good. Two arenas
/// and a fixed threshold keep memory flat. The threshold is 4 MiB, not lower: every file diffed allocates and frees
/// xdiff's tables and both inflated contents, from a few hundred KiB to a MiB each for git/git's larger files, and
/// each one mapped on its own costs an mmap, a fault and a zeroed page per 4 KiB, and an munmap. A fixed threshold
/// also fixes the trim threshold (128 KiB by default), which would hand the top of a heap back to the system and
/// fault it in again at the next large file: 16 MiB. `mallopt` is not in Swift's Glibc module (it lives in
/// malloc.h), so it is found by name; elsewhere this does nothing.
private func limitMallocArenas() {
    #if canImport(Glibc)
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    // M_ARENA_MAX, M_MMAP_THRESHOLD and M_TRIM_THRESHOLD in glibc's malloc.h.
    let mArenaMax: Int32 = -8, mMmapThreshold: Int32 = -3, mTrimThreshold: Int32 = -1
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
    _ = mallopt(mArenaMax, 2)
    _ = mallopt(mMmapThreshold, 4 << 20)
    _ = mallopt(mTrimThreshold, 16 << 20)
    #endif
}

/// Runs ktlo and maps every way it can end to the contract's exit codes: 0 success, 1 a `ktlo ci` rule breached,
/// 2 bad usage, bad configuration or an unreadable repository — with one line on stderr, never a stack trace.
@main
enum Entrypoint {
    static func main() {
        limitMallocArenas()
        do {
            var command = try KtloCommand.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.printError(failure.message)
            exit(failure.exitCode)
        } catch {
            let code = KtloCommand.exitCode(for: error)
            if code == .success {
                // --help, --version and the like.
                print(KtloCommand.fullMessage(for: error))
                exit(0)
            }
            let message = KtloCommand.message(for: error)
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
                .joined(separator: "; ")
            Terminal.printError((message.isEmpty ? "invalid usage" : message) + " (see 'ktlo help')")
            exit(2)
        }
    }
}

/// A failure with a message for the user and the exit code it maps to.
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    /// Bad usage, bad configuration, or a repository that cannot be read: exit code 2.
    static func unusable(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 2)
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var slice = self
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return slice
    }
}
