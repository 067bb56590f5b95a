import Foundation

/// Times a piece of work the way every benchmark here does: run it a few
/// times and keep the best, so a busy moment on the machine does not count.
public struct Stopwatch: Sendable {
    public let repeats: Int

    public init(repeats: Int) { self.repeats = max(1, repeats) }

    /// The fastest of `repeats` runs of `body`, in seconds.
    public func best(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<repeats { best = min(best, Self.seconds(clock.measure(body))) }
        return best
    }

    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Two decimals below 10, none above: "0.09", "52".
    public static func format(_ x: Double) -> String { String(format: x < 10 ? "%.2f" : "%.0f", x) }
}

/// A benchmark that could not run (no pseudo-terminal, a child that would not start).
public struct BenchmarkError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
