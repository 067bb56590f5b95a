/// The real clock of a terminal loop, read only here at the edge: milliseconds
/// since the loop began (when messages expire) and the nanoseconds passed since
/// the last lap (how far the game clock moves).
struct LoopClock {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant

    init() {
        start = clock.now
        last = start
    }

    var milliseconds: UInt64 {
        let elapsed = clock.now - start
        return UInt64(elapsed.components.seconds) * 1_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Nanoseconds since the previous lap (or the start).
    mutating func lap() -> UInt64 {
        let now = clock.now
        let elapsed = now - last
        last = now
        return UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000)
    }
}
