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
    /// A team's checked command, for the host of a facilitated game to give.
    case give(Command)
}

/// The console's behaviour, free of any terminal: keys and clicks come in,
/// the game advances, frames are rendered. The world changes only through
/// commands submitted to the match. Tests drive it exactly as the terminal loop does.
///
/// A console shows one team of its match. In solo play it owns the match and
/// advances it; in a facilitated game the host owns the match, keeps each
/// console's state between keys, and gives the commands the console returns
/// as `.give` effects.
public struct ConsoleApp: Sendable {
    public internal(set) var match: Match
    /// The team of the match this console shows.
    public let team: Int
    public var state: ConsoleState
    public private(set) var width: Int
    public private(set) var height: Int

    /// How long a status message stays, in real milliseconds.
    public static let messageMilliseconds: UInt64 = 5_000
    /// How long a new incident flashes.
    public static let flashMilliseconds: UInt64 = 3_000

    public init(match: Match, team: Int = 0, speed: Int = 1, width: Int = 80, height: Int = 24) {
        self.match = match
        self.team = team
        state = ConsoleState(selectedService: match.teams[team].world.edge.name, speed: speed)
        self.width = width
        self.height = height
    }

    /// A console over a match someone else runs (a facilitated game's host), with the state it had.
    public init(match: Match, team: Int, state: ConsoleState, width: Int, height: Int) {
        self.match = match
        self.team = team
        self.state = state
        self.width = width
        self.height = height
    }

    /// A fresh state for a console on `team` of `match`.
    public static func initialState(match: Match, team: Int, role: ConsoleRole) -> ConsoleState {
        var state = ConsoleState(selectedService: match.teams[team].world.edge.name)
        state.role = role
        // A console opened mid-game flashes only for incidents that open from now on.
        state.incidentsSeen = match.teams[team].feed.incidentsOpened
        return state
    }

    public var session: GameSession { match.teams[team].session }
    public var world: World { match.teams[team].world }
    public var feed: EventFeed { match.teams[team].feed }
    public var teamName: String { match.teams[team].name }

    /// A read-only console over a replay: it starts playing at once, with a timeline.
    public init(replaying match: Match, replay: ReplayState, speed: Int = 10, width: Int = 80, height: Int = 24) {
        self.init(match: match, speed: speed, width: width, height: height)
        state.replay = replay
        state.screen = .playing
    }

    public var layout: ScreenLayout {
        FrameRenderer.layout(world: world, state: state, width: width, height: state.replay == nil ? height : height - 1)
    }

    public func render(glyphs: Glyphs, now: UInt64) -> CellBuffer {
        FrameRenderer.render(match: match, team: team, state: state, width: width, height: height, glyphs: glyphs, now: now)
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

    /// Whether the game clock should run (playing, not paused, not held, not finished).
    public var isClockRunning: Bool {
        state.screen == .playing && !state.clock.isPaused && !match.isFinished && clockHold == nil
    }

    /// What holds the clock now, if anything (help, the quit dialog, the command line, a tiny terminal).
    public var clockHold: ClockHold? { state.clockHold(tooSmall: layout.kind == .tooSmall) }

    /// Real time passed: advances the game by the ticks due at the current speed.
    /// `onTick` sees the player's session after every tick (the recorder uses it).
    public mutating func elapse(nanoseconds: UInt64, now: UInt64, onTick: (GameSession) -> Void = { _ in }) -> [ConsoleEffect] {
        guard isClockRunning else { return [] }
        return advance(ticks: state.clock.elapse(nanoseconds: nanoseconds), now: now, onTick: onTick)
    }

    /// Advances the game `ticks` seconds, flashing (and ringing) for new incidents.
    public mutating func advance(ticks: Int, now: UInt64, onTick: (GameSession) -> Void = { _ in }) -> [ConsoleEffect] {
        for _ in 0..<ticks where !match.isFinished {
            if let replay = state.replay, world.tick >= replay.endTick { break }
            match.advance()
            onTick(session)
            if var replay = state.replay, world.tick % ReplayState.snapshotSeconds == 0,
               replay.snapshots.count == world.tick / ReplayState.snapshotSeconds {
                replay.snapshots.append(match)
                state.replay = replay
            }
        }
        if let replay = state.replay, world.tick >= replay.endTick, !state.clock.isPaused {
            state.clock.setPaused(true)
            say(replay.isTruncated ? "end of a cut-short recording (replayed to its last complete line): T takes over" : "end of the recording: T takes over from here", now: now)
        }
        return observe(now: now)
    }

    /// Catches the console up with a game that moved on: flashes (and rings)
    /// for new incidents, the end screen when the game is over. The host of a
    /// facilitated game calls it after its ticks.
    public mutating func observe(now: UInt64) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        if feed.incidentsOpened > state.incidentsSeen {
            state.incidentsSeen = feed.incidentsOpened
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

    /// Shows a facilitator's broadcast or hint for a while.
    public mutating func show(notice text: String, heading: String, tick: Int, now: UInt64) {
        state.notice = ShownNotice(heading: heading, text: text, tick: tick, expiresAt: now + Self.noticeMilliseconds)
        state.noticesSeen += 1
    }

    /// How long a facilitator's message stays on screen, in real milliseconds.
    public static let noticeMilliseconds: UInt64 = 20_000

    /// The earliest real time (ms) at which the frame changes by itself (a
    /// message or flash expiring), so a host renders only when something changed.
    public func nextTimedChange(after now: UInt64) -> UInt64? {
        [state.message?.expiresAt, state.notice?.expiresAt, state.flashUntil].compactMap { $0 }.filter { $0 > now }.min()
    }
}
