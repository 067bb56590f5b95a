/// Turns real elapsed time into simulation ticks at the chosen speed, so the
/// game clock runs at 1×…120× real time and stops while paused. Pure: the
/// caller measures time and passes it in.
public struct GameClock: Sendable, Hashable {
    /// Speeds the player can choose with + and -.
    public static let speeds = [1, 2, 5, 10, 20, 30, 60, 120]

    public private(set) var speedIndex: Int
    public private(set) var isPaused = false
    /// Real nanoseconds accumulated toward the next tick.
    private var owed: UInt64 = 0

    public init(speed: Int = 1) {
        speedIndex = 0
        setSpeed(speed)
    }

    public var speed: Int { Self.speeds[speedIndex] }
    public var nanosecondsPerTick: UInt64 { 1_000_000_000 / UInt64(speed) }

    public mutating func faster() { speedIndex = min(speedIndex + 1, Self.speeds.count - 1) }
    public mutating func slower() { speedIndex = max(speedIndex - 1, 0) }
    /// Picks the fastest listed speed not above `speed`.
    public mutating func setSpeed(_ speed: Int) { speedIndex = Self.speeds.lastIndex { $0 <= speed } ?? 0 }
    public mutating func setPaused(_ paused: Bool) { isPaused = paused; owed = 0 }
    public mutating func togglePause() { setPaused(!isPaused) }

    /// Adds `nanoseconds` of real time and returns how many ticks are due.
    /// At most `maxCatchUp` ticks at once, so a stalled terminal does not
    /// make the game lurch forward.
    public mutating func elapse(nanoseconds: UInt64, maxCatchUp: Int = 240) -> Int {
        guard !isPaused else { return 0 }
        owed += nanoseconds
        let due = owed / nanosecondsPerTick
        owed -= due * nanosecondsPerTick
        if due > UInt64(maxCatchUp) { owed = 0; return maxCatchUp }
        return Int(due)
    }

    /// Real time until the next tick is due (what the input wait may block for).
    public var nanosecondsUntilNextTick: UInt64 { isPaused ? UInt64.max : nanosecondsPerTick - owed }
}
