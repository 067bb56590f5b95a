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
    }

    /// Shows a message in the status bar (the host's news: a theme loaded, a warning).
    public mutating func notify(_ text: String, isError: Bool, now: UInt64, milliseconds: UInt64 = ConsoleApp.messageMilliseconds) {
        state.message = StatusMessage(text: text, isError: isError, expiresAt: now + milliseconds)
    }

    /// Whether the game clock should run (playing, not paused, not finished).
    public var isClockRunning: Bool { state.screen == .playing && !state.clock.isPaused && !match.isFinished }

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
        return effects
    }

    // MARK: - Input

    public mutating func handle(_ key: Key, now: UInt64) -> [ConsoleEffect] {
        if case let .click(x, y) = key { click(x: x, y: y); return [] }
        switch state.mode {
        case .command: return handleCommandLine(key, now: now)
        case .filter: handleFilter(key); return []
        case .normal: break
        }
        switch state.overlay {
        case .help: handleHelp(key); return []
        case .quitConfirm:
            if key == .char("y") || key == .char("q") { return [.quit] }
            if key == .char("n") || key == .escape { state.overlay = .none }
            return []
        case .detail:
            if key == .escape || key == .enter || key == .char("q") { state.overlay = .none; return [] }
        case .none: break
        }
        switch state.screen {
        case .briefing:
            switch key {
            case .enter, .char(" "): state.screen = .playing
            case .char("q"), .escape: return [.quit]
            case .char("?"), .f1: state.overlay = .help
            default: break
            }
            return []
        case .ended:
            if [.char("q"), .enter, .escape].contains(key) { return [.quit] }
            return []
        case .playing:
            if state.replay != nil, let effects = handleReplay(key, now: now) { return effects }
            return handlePlaying(key, now: now)
        }
    }

    private mutating func handlePlaying(_ key: Key, now: UInt64) -> [ConsoleEffect] {
        switch key {
        case .char("q"): state.overlay = .quitConfirm
        case .char("?"), .f1: state.overlay = .help; state.helpScroll = 0
        case .char(":"):
            state.mode = .command
            state.commandLine.clear()
            state.completions = []
        case .char("/"): state.mode = .filter
        case .char(" "), .char("p"): state.clock.togglePause()
        case .char("+"), .char("="): state.clock.faster()
        case .char("-"), .char("_"): state.clock.slower()
        case .char("m"):
            state.muted.toggle()
            say(state.muted ? "incident bell muted" : "incident bell on", now: now)
        case .tab, .char("l"), .right: moveFocus(by: 1)
        case .backTab, .char("h"), .left: moveFocus(by: -1)
        case .char("j"), .down: moveSelection(by: 1)
        case .char("k"), .up: moveSelection(by: -1)
        case .pageDown: moveSelection(by: 10)
        case .pageUp: moveSelection(by: -10)
        case .char("g"), .home: moveSelection(by: -10_000)
        case .char("G"), .end: moveSelection(by: 10_000)
        case let .char(c) where ("1"..."5").contains(c):
            let pane = Pane.tabbed[Int(String(c))! - 1]
            state.tab = pane
            if layout.rect(of: pane) != nil { state.focus = pane }
        case .enter: openDetail()
        case .escape:
            if !state.filterText.isEmpty { state.filter.clear() }
        case .char("a"): acknowledge(now: now)
        case .char("r"): resolve(now: now)
        case .char("s"): prefill("scale \(state.selectedService) ")
        case .char("d"): prefill("deploy \(state.selectedService) ")
        case .char("b"): prefill("rollback \(state.selectedService)")
        case .char("R"): prefill("restart \(state.selectedService)")
        case .char("A"): prefill("autoscale \(state.selectedService) on target 60")
        default: break
        }
        return []
    }

    private mutating func handleHelp(_ key: Key) {
        switch key {
        case .escape, .char("q"), .char("?"), .f1, .enter: state.overlay = .none
        case .char("j"), .down: state.helpScroll += 1
        case .char("k"), .up: state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown, .char(" "): state.helpScroll += 10
        case .pageUp: state.helpScroll = max(0, state.helpScroll - 10)
        case .char("g"), .home: state.helpScroll = 0
        default: break
        }
        state.helpScroll = min(state.helpScroll, max(0, HelpOverlay.lines().count - 5))
    }

    private mutating func handleFilter(_ key: Key) {
        switch key {
        case .enter: state.mode = .normal
        case .escape:
            state.filter.clear()
            state.mode = .normal
        default:
            _ = state.filter.handle(key)
            if let first = ConsoleApp.visible(match.world, filter: state.filterText).first,
               !ConsoleApp.visible(match.world, filter: state.filterText).contains(where: { $0.name == state.selectedService }) {
                state.selectedService = first.name
            }
        }
    }

    private mutating func handleCommandLine(_ key: Key, now: UInt64) -> [ConsoleEffect] {
        switch key {
        case .escape:
            state.commandLine.clear()
            state.completions = []
            state.mode = .normal
            state.message = nil
        case .enter:
            return run(state.commandLine.text, now: now)
        case .tab:
            let (text, candidates) = Completion.complete(state.commandLine.text, world: match.world, themes: state.themeNames)
            state.commandLine.set(text)
            state.completions = candidates.count > 1 ? candidates : []
        default:
            if state.commandLine.handle(key) {
                state.completions = []
                if state.message?.isError == true { state.message = nil }
            }
        }
        return []
    }

    private mutating func prefill(_ text: String) {
        state.mode = .command
        state.commandLine.set(text)
        state.completions = []
    }

    static func visible(_ world: World, filter: String) -> [Service] {
        filter.isEmpty ? world.services : world.services.filter { $0.name.contains(filter) }
    }
}
