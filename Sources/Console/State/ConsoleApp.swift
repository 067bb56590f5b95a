import FleetSim
import ScreenKit
import Session

/// What the console asks its host to do.
public enum ConsoleEffect: Sendable, Hashable {
    case quit
    /// Ring the terminal bell (a new incident, unless muted).
    case bell
    /// The player took over a replay at this tick: start a new recording.
    case tookOver(tick: Int)
    /// Load and use this theme (a name or a path).
    case switchTheme(String)
}

/// The console's behaviour, free of any terminal: keys and clicks come in,
/// the game advances, frames are rendered. The world changes only through
/// commands submitted to the match. Tests drive it exactly as the terminal loop does.
public struct ConsoleApp: Sendable {
    public internal(set) var match: Match
    public var state: ConsoleState
    public private(set) var width: Int
    public private(set) var height: Int

    /// How long a status message stays, in real milliseconds.
    public static let messageMilliseconds: UInt64 = 5_000
    /// How long a new incident flashes.
    public static let flashMilliseconds: UInt64 = 3_000

    public init(match: Match, speed: Int = 1, width: Int = 80, height: Int = 24) {
        self.match = match
        state = ConsoleState(selectedService: match.world.edge.name, speed: speed)
        self.width = width
        self.height = height
    }

    /// A read-only console over a replay: it starts playing at once, with a timeline.
    public init(replaying match: Match, replay: ReplayState, speed: Int = 10, width: Int = 80, height: Int = 24) {
        self.init(match: match, speed: speed, width: width, height: height)
        state.replay = replay
        state.screen = .playing
    }

    public var layout: ScreenLayout {
        FrameRenderer.layout(match: match, state: state, width: width, height: state.replay == nil ? height : height - 1)
    }

    public func render(glyphs: Glyphs, now: UInt64) -> CellBuffer {
        FrameRenderer.render(match: match, state: state, width: width, height: height, glyphs: glyphs, now: now)
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        if !layout.panes.contains(where: { $0.pane == state.focus }) { state.focus = .services }
        revealSelections()
    }

    /// Shows a message in the status bar (the host's news: a theme loaded, a warning).
    public mutating func notify(_ text: String, isError: Bool, now: UInt64, milliseconds: UInt64 = ConsoleApp.messageMilliseconds) {
        state.message = StatusMessage(text: text, isError: isError, expiresAt: now + milliseconds)
    }

    /// The host could not (or can no longer) record the game: says so on the
    /// status line for `milliseconds`, and on the end screen.
    public mutating func recordingStopped(_ text: String, now: UInt64, milliseconds: UInt64) {
        state.recordingNotice = text
        notify(text, isError: true, now: now, milliseconds: milliseconds)
    }

    /// Whether the game clock should run: playing, not paused, not finished, and
    /// the console on screen: behind "terminal too small" the game waits (the
    /// player cannot see it) and goes on when the terminal is large enough again.
    public var isClockRunning: Bool {
        state.screen == .playing && !state.clock.isPaused && !match.isFinished && layout.kind != .tooSmall
    }

    /// Real time passed: advances the game by the ticks due at the current speed.
    /// `onTick` sees the player's session after every tick (the recorder uses it).
    public mutating func elapse(nanoseconds: UInt64, now: UInt64, onTick: (GameSession) -> Void = { _ in }) -> [ConsoleEffect] {
        guard isClockRunning else { return [] }
        return advance(ticks: state.clock.elapse(nanoseconds: nanoseconds), now: now, onTick: onTick)
    }

    /// Advances the game `ticks` seconds, flashing (and ringing) for new incidents.
    public mutating func advance(ticks: Int, now: UInt64, onTick: (GameSession) -> Void = { _ in }) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for _ in 0..<ticks where !match.isFinished {
            if let replay = state.replay, match.world.tick >= replay.endTick { break }
            match.advance()
            onTick(match.player)
            if var replay = state.replay, match.world.tick % ReplayState.snapshotSeconds == 0,
               replay.snapshots.count == match.world.tick / ReplayState.snapshotSeconds {
                replay.snapshots.append(match)
                state.replay = replay
            }
        }
        if let replay = state.replay, match.world.tick >= replay.endTick, !state.clock.isPaused {
            state.clock.setPaused(true)
            say(replay.isTruncated ? "end of a cut-short recording (replayed to its last complete line): T takes over" : "end of the recording: T takes over from here", now: now)
        }
        if match.feed.incidentsOpened > state.incidentsSeen {
            state.incidentsSeen = match.feed.incidentsOpened
            state.flashUntil = now + Self.flashMilliseconds
            if !state.muted { effects.append(.bell) }
        }
        if match.isFinished && state.screen == .playing && state.replay == nil {
            state.screen = .ended
            state.overlay = .none
            state.mode = .normal
        }
        revealSelections()
        return effects
    }
}
