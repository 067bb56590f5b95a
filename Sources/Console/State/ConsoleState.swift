import ScreenKit
import Session

/// The panes of the console. In a wide terminal all are on screen; in a
/// compact one the lower-right area shows one of them at a time.
public enum Pane: Int, Sendable, CaseIterable {
    case services, scaling, incidents, score, events, inspector, logs

    public var title: String {
        switch self {
        case .services: "Services"
        case .scaling: "Scaling"
        case .incidents: "Incidents"
        case .score: "Team score"
        case .events: "Events"
        case .inspector: "Inspector"
        case .logs: "Logs"
        }
    }

    /// A short name for the compact layout's tab strip.
    public var shortTitle: String {
        switch self {
        case .incidents: "Inc"
        case .events: "Evt"
        case .scaling: "Scale"
        case .inspector: "Insp"
        default: title
        }
    }

    /// Panes the compact layout shows in its tabbed area, in tab order.
    public static let tabbed: [Pane] = [.incidents, .events, .scaling, .inspector, .logs]
}

/// Where the game is: the briefing before it starts, play, or the results.
public enum ConsoleScreen: Sendable, Hashable { case briefing, playing, ended }

/// A layer drawn over the panes that takes the keys while open.
public enum Overlay: Sendable, Hashable { case none, help, detail, quitConfirm }

/// What typed characters go to.
public enum InputMode: Sendable, Hashable { case normal, command, filter }

/// A facilitator's broadcast or hint as a team console shows it: a box over
/// the panes for a while (it stays in the event feed too).
public struct ShownNotice: Sendable, Hashable {
    public var heading: String
    public var text: String
    public var tick: Int
    /// Real time (ms, monotonic) after which the box closes.
    public var expiresAt: UInt64
}

/// A line in the status bar: the result of the last action.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
    /// Real time (ms, monotonic) after which it disappears.
    public var expiresAt: UInt64
}

/// Everything the console remembers that is not the game itself: focus,
/// selection, overlays, the command line, speed and pause, mute, messages.
public struct ConsoleState: Sendable {
    public var screen: ConsoleScreen = .briefing
    public var overlay: Overlay = .none
    public var mode: InputMode = .normal
    public var focus: Pane = .services
    /// The pane the compact layout's tabbed area shows.
    public var tab: Pane = .incidents
    public var selectedService: String
    public var selectedIncident: Int?
    /// The first visible row of the services and incidents lists (drawing and clicks share them).
    public var servicesView = ListViewport()
    public var scalingView = ListViewport()
    public var incidentsView = ListViewport()
    public var eventsScroll = 0
    public var logsScroll = 0
    public var helpScroll = 0
    /// Whether long event and log lines wrap (true) or end in "…" (false).
    public var wrapLines = false
    /// How far the game-over report and the briefing are scrolled.
    public var endScroll = 0
    public var briefingScroll = 0
    public var commandLine = LineEditor()
    /// Completion candidates shown under the command line after Tab.
    public var completions: [String] = []
    /// Service names are short: a longer filter matches nothing.
    public var filter = LineEditor(maxLength: 64)
    public var clock: GameClock
    public var muted = false
    public var message: StatusMessage?
    /// Real time (ms) until which a new incident flashes.
    public var flashUntil: UInt64 = 0
    public var incidentsSeen = 0
    public var commandsGiven = 0
    /// Set while replaying a recording (read-only, with a timeline).
    public var replay: ReplayState?
    /// Where this game is being recorded, if it is (the game-over report names it).
    public var recordingPath: String?
    /// Theme names the host found, for completing `:theme`.
    public var themeNames: [String] = []
    /// Why the game is no longer being recorded (disk full…), for the end screen.
    public var recordingNotice: String?
    /// Who sits here: a solo player, a team of a facilitated game, the facilitator watching.
    public var role: ConsoleRole = .solo
    /// What the header says while the clock is stopped ("PAUSED", or "WAITING FOR THE FACILITATOR").
    public var pausedText = "PAUSED"
    /// A facilitator's message on screen, and how many the console has been shown.
    public var notice: ShownNotice?
    public var noticesSeen = 0

    public init(selectedService: String, speed: Int = 1) {
        self.selectedService = selectedService
        clock = GameClock(speed: speed)
    }

    public var filterText: String { filter.text.trimmingSpaces }

    /// The key scopes that apply in this state, most specific first.
    public var activeScopes: [KeyScope] {
        switch mode {
        case .command: return [.commandLine]
        case .filter: return [.filter]
        case .normal: break
        }
        let screenScopes: [KeyScope]
        switch screen {
        case .briefing: screenScopes = [.briefing]
        case .ended: screenScopes = [.ended]
        case .playing: screenScopes = replay == nil ? [.playing] : [.replay, .playing]
        }
        switch overlay {
        case .help: return [.help]
        case .quitConfirm: return [.quitConfirm]
        case .detail: return [.detail] + screenScopes
        case .none: return screenScopes
        }
    }
}

/// Why a solo game's clock waits although nobody paused it: the player is
/// reading help, answering the quit dialog, typing a command or a filter, or cannot see
/// the panes. Time runs on when it closes.
public enum ClockHold: Sendable, Hashable {
    case help, quitConfirm, typing, tooSmall

    /// What the header says instead of the speed.
    public var text: String {
        switch self {
        case .help: "PAUSED while help is open"
        case .quitConfirm: "PAUSED: quit?"
        case .typing: "PAUSED while you type"
        case .tooSmall: "PAUSED: terminal too small"
        }
    }
}

extension ConsoleState {
    /// Whether something holds the clock. Only a console that owns its clock
    /// holds it (solo play and replays); in a facilitated game time is the facilitator's.
    public func clockHold(tooSmall: Bool) -> ClockHold? {
        guard role == .solo, screen == .playing else { return nil }
        if tooSmall { return .tooSmall }
        switch overlay {
        case .help: return .help
        case .quitConfirm: return .quitConfirm
        case .detail, .none: break
        }
        return mode == .normal ? nil : .typing
    }
}

/// A replay's timeline and controls: where the recording ends, what to mark
/// on the timeline bar, and snapshots for fast seeking backwards.
public struct ReplayState: Sendable {
    public var file: String
    public var endTick: Int
    public var isTruncated: Bool
    public var commandTicks: [Int]
    public var incidentTicks: [Int]
    /// A snapshot of the whole match every `snapshotSeconds`, index = tick / snapshotSeconds.
    var snapshots: [Match]

    public static let snapshotSeconds = 120

    public init(file: String, endTick: Int, isTruncated: Bool, commandTicks: [Int], incidentTicks: [Int], start: Match) {
        self.file = file
        self.endTick = endTick
        self.isTruncated = isTruncated
        self.commandTicks = commandTicks
        self.incidentTicks = incidentTicks
        snapshots = [start]
    }

    /// The next mark (command or incident) after `tick`.
    public func nextMark(after tick: Int) -> Int? { (commandTicks + incidentTicks).filter { $0 > tick }.min() }
}
