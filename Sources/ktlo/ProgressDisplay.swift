#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import History

/// One line on standard error that says how far a long run has got: commits done of the total, the rate, and the
/// time left. Only for a person watching — on a terminal, never with `--quiet` — and redrawn at most five times a
/// second, so it costs nothing measurable.
final class ProgressDisplay {
    private let total: Int
    private let started = ContinuousClock.now
    private var done = 0
    private var lastDrawn = ContinuousClock.now
    private var drawn = false

    /// A display for reading `readers`, or `nil` when nobody would see it.
    static func make(for readers: [HistoryReader], quiet: Bool) -> ProgressDisplay? {
        guard !quiet, Terminal.standardErrorIsTerminal else { return nil }
        // The total costs one more walk without diffs: a fraction of the run, paid only for a person watching.
        var total = 0
        for reader in readers {
            guard let count = try? reader.countCommits() else { return nil }
            total += reader.options.maxCount.map { min($0, count) } ?? count
        }
        return ProgressDisplay(total: total)
    }

    private init(total: Int) {
        self.total = total
    }

    /// One more commit done.
    func advance() {
        done += 1
        let now = ContinuousClock.now
        guard now - lastDrawn >= .milliseconds(200) else { return }
        lastDrawn = now
        draw(now)
    }

    /// Clears the line, leaving the terminal as it was.
    func finish() {
        guard drawn else { return }
        Terminal.writeToStandardError("\r\u{1B}[K")
        drawn = false
    }

    private func draw(_ now: ContinuousClock.Instant) {
        let elapsed = Self.seconds(now - started)
        guard elapsed >= 0.5 else { return }
        let rate = Double(done) / elapsed
        var line = "ktlo: \(Self.grouped(done)) of \(Self.grouped(max(total, done))) commits"
        line += " · \(Self.grouped(Int(rate)))/s"
        if rate > 0, total > done {
            line += " · \(Self.duration(Double(total - done) / rate)) left"
        }
        Terminal.writeToStandardError("\r\u{1B}[K" + line)
        drawn = true
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 3600
            ? "\(whole / 3600):\(pad(whole / 60 % 60)):\(pad(whole % 60))"
            : "\(whole / 60):\(pad(whole % 60))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
