#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a command's output to standard output or to a file, buffered, and streaming.
///
/// - To standard output, text goes out as it comes: at once on a terminal, otherwise in blocks of up to 64 KiB and
///   at least every 100 ms, so that `ktlo commits | head` shows its first record without waiting for the history.
/// - To a file, text goes to a temporary file beside it that replaces the target only when the command succeeds,
///   so a failed or interrupted run never leaves a half-written report where the last good one was.
final class OutputWriter {
    private let descriptor: Int32
    private let target: String?
    private let temporaryPath: String?
    private let flushEachWrite: Bool
    private var buffer: [UInt8] = []
    private var lastFlush: UInt64 = 0
    private var finished = false

    private static let blockSize = 64 * 1024
    private static let flushInterval: UInt64 = 100_000_000  // nanoseconds

    init(path: String?) throws(CommandFailure) {
        guard let path else {
            descriptor = STDOUT_FILENO
            target = nil
            temporaryPath = nil
            flushEachWrite = isatty(STDOUT_FILENO) == 1
            return
        }
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            // A device or a pipe (/dev/null, /dev/stdout, a FIFO): written in place, since renaming a file over it
            // would replace the device itself.
            let opened = open(path, O_WRONLY)
            guard opened >= 0 else {
                throw .unusable("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            descriptor = opened
            target = path
            temporaryPath = nil
            flushEachWrite = isatty(opened) == 1
            return
        }
        // Through a symbolic link, the file it points to is the one replaced; the link stays.
        let resolved = realpath(path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? path
        let temporary = resolved + ".ktlo-\(getpid()).tmp"
        let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard opened >= 0 else {
            throw .unusable("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        target = resolved
        temporaryPath = temporary
        flushEachWrite = false
    }

    deinit {
        // An output that was never finished is abandoned: the temporary file goes, the target stays as it was.
        if !finished, let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        } else if !finished, target != nil {
            close(descriptor)
        }
    }

    func write(_ text: String) throws(CommandFailure) {
        buffer.append(contentsOf: text.utf8)
        let now = Self.monotonicNanoseconds()
        if flushEachWrite || buffer.count >= Self.blockSize || now &- lastFlush >= Self.flushInterval {
            try flush()
            lastFlush = now
        }
    }

    /// Writes what is left and, for a file, puts it in place.
    func finish() throws(CommandFailure) {
        try flush()
        finished = true
        guard let target else { return }
        guard let temporaryPath else {
            guard close(descriptor) == 0 else { throw .unusable("cannot write \(target): \(String(cString: strerror(errno)))") }
            return
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporaryPath, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .unusable("cannot write \(target): \(reason)")
        }
    }

    private func flush() throws(CommandFailure) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .unusable("cannot write \(target ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
