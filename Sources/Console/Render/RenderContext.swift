import FleetSim
import ScreenKit
import Session

/// Everything a pane needs to draw one frame: the game, the UI state, the
/// glyph set, the layout and the real time (for flashes and messages).
public struct RenderContext {
    public let match: Match
    /// The team of the match the console shows.
    public let team: Int
    public let state: ConsoleState
    public let glyphs: Glyphs
    public let layout: ScreenLayout
    /// Monotonic real time in milliseconds.
    public let now: UInt64
    /// The team's world and feed, read once a frame (panes read them often).
    public let world: World
    public let feed: EventFeed
    /// The team's place, 1 = first.
    public let rank: Int

    public init(match: Match, team: Int, state: ConsoleState, glyphs: Glyphs, layout: ScreenLayout, now: UInt64) {
        self.match = match
        self.team = team
        self.state = state
        self.glyphs = glyphs
        self.layout = layout
        self.now = now
        world = match.teams[team].world
        feed = match.teams[team].feed
        rank = match.rank(of: team)
    }

    public var teamName: String { match.teams[team].name }

    /// A game time for a column (events, logs, activities): one width for the whole game.
    public func time(_ tick: Int) -> String { GameTime.short(tick, within: match.durationSeconds) }
    /// Every team of the match, best first, this console's team marked.
    public var standings: [Standing] { match.standings(viewing: team) }

    /// Services shown in the services pane, after the filter.
    public var visibleServices: [Service] {
        let filter = state.filterText
        return filter.isEmpty ? world.services : world.services.filter { $0.name.contains(filter) }
    }

    public var selectedService: Service? { world.service(named: state.selectedService) }
    public var selectedServiceIndex: Int? { world.serviceIndex(named: state.selectedService) }

    public func isFocused(_ pane: Pane) -> Bool { state.focus == pane && state.overlay == .none && state.mode == .normal }
}

/// How a service's health looks: a glyph and a role, so it never depends on colour alone.
extension ServiceHealth {
    var role: Role {
        switch self {
        case .ok: .ok
        case .deploying: .info
        case .idle: .dim
        case .scaling, .warning, .slow: .warning
        case .critical, .down: .critical
        }
    }

    func glyph(_ glyphs: Glyphs) -> String {
        switch self {
        case .ok: glyphs.ok
        case .deploying: glyphs.deploying
        case .idle: glyphs.idle
        case .scaling, .warning, .slow: glyphs.warning
        case .critical, .down: glyphs.critical
        }
    }
}

extension Incident.State {
    var label: String {
        switch self {
        case .open: "OPEN"
        case .acknowledged: "ACKED"
        case .mitigated: "MITIGATED"
        case .resolved: "RESOLVED"
        }
    }

    var role: Role {
        switch self {
        case .open: .critical
        case .acknowledged: .warning
        case .mitigated: .ok
        case .resolved: .dim
        }
    }

    func glyph(_ glyphs: Glyphs) -> String {
        switch self {
        case .open: glyphs.critical
        case .acknowledged: glyphs.warning
        case .mitigated: glyphs.ok
        case .resolved: glyphs.idle
        }
    }
}

extension Severity {
    var role: Role {
        switch self {
        case .info: .text
        case .warning: .warning
        case .error: .critical
        }
    }
}
