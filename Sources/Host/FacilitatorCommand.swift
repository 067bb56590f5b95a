import FleetSim

/// Which teams an inject is for: every team (bots too), or some by name.
public enum InjectTarget: Sendable, Hashable {
    case all
    case teams([String])

    /// As the command line and the session log write it: `all` or `red,blue`.
    public var text: String {
        switch self {
        case .all: "all"
        case let .teams(names): names.joined(separator: ",")
        }
    }

    /// Reads `all` or a comma-separated list of team names.
    public static func parse(_ text: String) -> InjectTarget {
        text == "all" ? .all : .teams(text.split(separator: ",").map(String.init).filter { !$0.isEmpty })
    }
}

/// Something the facilitator does to the game: the clock, injects, the
/// timeline, messages to the teams. Every change to a facilitated game that
/// does not come from a team is one of these, and the session log records it.
public enum FacilitatorCommand: Sendable, Hashable {
    /// Starts the clock the first time, resumes it after a pause.
    case resume
    case pause
    case speed(Int)
    /// A fault for some teams, now (`at` nil) or at a game time.
    case inject(Fault, to: InjectTarget, at: Int?)
    /// Fires an upcoming timeline entry now.
    case fire(entry: Int)
    /// Moves an upcoming entry later (or earlier, with a negative delay).
    case delay(entry: Int, seconds: Int)
    /// Skips an upcoming entry; skipping it again puts it back.
    case skip(entry: Int)
    /// A message on every team's console.
    case broadcast(String)
    /// A message on one team's console only.
    case hint(team: String, text: String)

    /// The command as the facilitator would type it.
    public var text: String {
        switch self {
        case .resume: "resume"
        case .pause: "pause"
        case let .speed(n): "speed \(n)"
        case let .inject(fault, target, at):
            "inject to \(target.text)" + (at.map { " at \(GameTime.format($0))" } ?? "") + " \(fault.text)"
        case let .fire(entry): "fire \(entry)"
        case let .delay(entry, seconds): "delay \(entry) \(seconds)s"
        case let .skip(entry): "skip \(entry)"
        case let .broadcast(text): "broadcast \(text)"
        case let .hint(team, text): "hint \(team) \(text)"
        }
    }
}
