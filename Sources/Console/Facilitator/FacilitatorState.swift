import ScreenKit

/// The panes of the facilitator's console. Wide terminals show them all;
/// compact ones show the teams and one of the others at a time.
public enum FacilitatorPane: Int, Sendable, CaseIterable {
    case teams, truth, injects, deck, log

    public var title: String {
        switch self {
        case .teams: "Teams"
        case .truth: "Hidden truth"
        case .injects: "Upcoming injects"
        case .deck: "Fault deck"
        case .log: "Session log"
        }
    }

    /// A short name for the compact layout's tab strip.
    public var shortTitle: String {
        switch self {
        case .teams: "Teams"
        case .truth: "Truth"
        case .injects: "Injects"
        case .deck: "Deck"
        case .log: "Log"
        }
    }

    /// The panes the compact layout shows below the teams, in tab order (keys 1 … 4).
    public static let tabbed: [FacilitatorPane] = [.truth, .injects, .deck, .log]
}

/// What the facilitator's console has open over its panes.
public enum FacilitatorOverlay: Sendable, Hashable {
    case none, help, quitConfirm
    /// Looking over a team's shoulder: that team's console, read-only.
    case shoulder
    /// A team's debrief (after the game).
    case debrief
}

/// A team's debrief as the facilitator reads it: a title and its lines.
public struct DebriefView: Sendable, Hashable {
    public var team: String
    public var lines: [String]
    public var scroll = 0
}

/// Everything the facilitator's console remembers that is not the game:
/// focus, selections, the command line, overlays, the team being watched.
public struct FacilitatorState: Sendable {
    public var focus: FacilitatorPane = .teams
    public var tab: FacilitatorPane = .truth
    /// The selected team (its index in the match).
    public var selectedTeam: Int?
    /// The selected upcoming inject (its timeline number).
    public var selectedEntry: Int?
    /// The selected fault in the deck (index into the catalogue).
    public var selectedFault = 0
    public var teamsView = ListViewport()
    public var injectsView = ListViewport()
    public var deckView = ListViewport()
    public var logScroll = 0
    public var overlay: FacilitatorOverlay = .none
    public var mode: InputMode = .normal
    public var commandLine = LineEditor()
    public var completions: [String] = []
    public var message: StatusMessage?
    public var helpScroll = 0
    /// The watched team's console state (read-only role), while looking over its shoulder.
    public var shoulder: ConsoleState?
    public var shoulderTeam = 0
    public var debrief: DebriefView?
    /// How teams join, shown in the header: `gameday join HOST:PORT --token T --team NAME`.
    public var joinLine = ""
    /// Other ways into the room, for the header, separated by " · ": the SSH host key's fingerprint, the projector page.
    public var roomLine = ""
    /// Every way into the room, one a line (join, SSH, its host key, the projector page),
    /// listed in the leaderboard while no team has joined.
    public var doorLines: [String] = []
    /// Theme names the host found, for completing `:theme`.
    public var themeNames: [String] = []

    public init() {}

    /// The key scopes that apply now, most specific first.
    public func activeScopes(gameOver: Bool) -> [KeyScope] {
        if mode == .command { return [.commandLine] }
        switch overlay {
        case .help: return [.help]
        case .quitConfirm: return [.quitConfirm]
        case .debrief: return [.debrief]
        case .shoulder: return [.shoulder]
        case .none: return gameOver ? [.facilitatorEnded] : [.facilitator]
        }
    }
}
