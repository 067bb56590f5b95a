import FleetSim

/// One line of a facilitated session's log: who joined, what the facilitator
/// injected (and into which teams), broadcasts, hints, pauses and speed, with
/// the tick each happened at. The session file is this log, one event a line.
public struct SessionEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A team of people joined; `recording` is its recording's file name.
        case teamJoined(team: String, recording: String)
        /// Someone opened (or closed) a console on a team: how many are on it now.
        case connected(team: String, people: Int)
        case disconnected(team: String, people: Int)
        /// A fault reached these teams, from the scenario's timeline or the facilitator.
        case inject(entry: Int, fault: Fault, teams: [String], origin: TimelineEntry.Origin)
        /// The facilitator planned an inject for a game time.
        case planned(entry: Int, fault: Fault, target: InjectTarget, at: Int)
        case delayed(entry: Int, fault: Fault, to: Int)
        case skipped(entry: Int, fault: Fault)
        case restored(entry: Int, fault: Fault)
        case broadcast(text: String)
        case hint(team: String, text: String)
        case started, paused, resumed
        case speed(Int)
        case ended
    }

    public var tick: Int
    public var kind: Kind

    public init(tick: Int, kind: Kind) {
        self.tick = tick
        self.kind = kind
    }

    /// The event in a few words, for the facilitator's session log pane.
    public var message: String {
        switch kind {
        case let .teamJoined(team, _): "team \(team) joined"
        case let .connected(team, people): "\(team): \(people == 1 ? "1 person" : "\(people) people") on the console"
        case let .disconnected(team, people): "\(team): a console left (\(people) on it)"
        case let .inject(entry, fault, teams, origin):
            "\(origin == .scenario ? "timeline" : "facilitator") #\(entry) \(fault.readable) → \(teams.isEmpty ? "no team" : teams.joined(separator: ", "))"
        case let .planned(entry, fault, target, at): "planned #\(entry) \(fault.readable) → \(target.text) at \(GameTime.format(at))"
        case let .delayed(entry, fault, to): "delayed #\(entry) \(fault.readable) to \(GameTime.format(to))"
        case let .skipped(entry, fault): "skipped #\(entry) \(fault.readable)"
        case let .restored(entry, fault): "put back #\(entry) \(fault.readable)"
        case let .broadcast(text): "broadcast: \(text)"
        case let .hint(team, text): "hint to \(team): \(text)"
        case .started: "game started"
        case .paused: "paused"
        case .resumed: "resumed"
        case let .speed(n): "speed \(n)×"
        case .ended: "game over"
        }
    }
}

/// A message from the facilitator on team consoles: a broadcast (every team)
/// or a private hint (one team).
public struct Notice: Sendable, Hashable {
    public var tick: Int
    public var text: String
    /// The team a hint is for; nil for a broadcast.
    public var team: String?

    public init(tick: Int, text: String, team: String?) {
        self.tick = tick
        self.text = text
        self.team = team
    }
}
