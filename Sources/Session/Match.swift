import FleetSim
import Scenarios

/// A rival team: a bot playing its own copy of the same scenario and seed.
public struct Rival: Sendable {
    public var name: String
    public private(set) var session: GameSession
    var bot: any Bot

    mutating func advance() { session.advance(with: &bot) }
    mutating func submit(_ fault: Fault) throws(CommandError) { try session.submit(fault) }
}

/// One team's place on the scoreboard.
public struct Standing: Sendable, Hashable {
    public var name: String
    public var score: Double
    public var isPlayer: Bool
}

/// A solo game as the console plays it: the player's session, rival bot
/// teams advancing in lock-step on the same scenario and seed, and the feed
/// of events and logs the panes show.
public struct Match: Sendable {
    public private(set) var player: GameSession
    public private(set) var rivals: [Rival]
    public private(set) var feed = EventFeed()
    public let teamName: String
    /// When replaying: the recording's commands, fed to the player at their ticks.
    public private(set) var script: ReplayScript?

    public static let defaultRivals: [BotKind] = [.expert, .autoscaler, .overprovision, .idle]

    public init(scenario: Scenario, seed: UInt64? = nil, durationSeconds: Int? = nil,
                teamName: String = "you", rivals: [BotKind] = Match.defaultRivals) throws(FleetSpecError) {
        player = try GameSession(scenario: scenario, seed: seed, durationSeconds: durationSeconds)
        var teams: [Rival] = []
        for kind in rivals {
            let session = try GameSession(scenario: scenario, seed: seed, durationSeconds: durationSeconds)
            teams.append(Rival(name: kind.rawValue, session: session, bot: kind.make()))
        }
        self.rivals = teams
        self.teamName = teamName
    }

    public var world: World { player.world }
    public var scenario: Scenario { player.scenario }
    public var isFinished: Bool { player.isFinished }

    public mutating func submit(_ command: Command) throws(CommandError) { try player.submit(command) }
    /// A practice inject hits every team of the match, rivals too, so the
    /// standings stay a comparison on equal terms.
    public mutating func submit(_ fault: Fault) throws(CommandError) {
        try player.submit(fault)
        for r in rivals.indices { try? rivals[r].submit(fault) }
    }

    /// A match that replays `recording`: the same scenario, seed and rivals,
    /// with the recorded commands and injects fed in at their ticks.
    public init(replaying recording: Recording, rivals: [BotKind] = Match.defaultRivals) throws(FleetSpecError) {
        try self.init(scenario: recording.scenario, seed: recording.header.seed, durationSeconds: recording.header.durationSeconds,
                      teamName: recording.header.team, rivals: rivals)
        script = ReplayScript(recording)
    }

    /// Stops following the recording: from now on the player is in control.
    public mutating func takeOver() { script = nil }

    public var isReplaying: Bool { script != nil }

    /// Advances every team one tick and files the player's events and logs.
    public mutating func advance() {
        guard !isFinished else { return }
        if script != nil {
            for fault in script!.feed(&player) {
                for r in rivals.indices { try? rivals[r].submit(fault) }
            }
        }
        player.advance()
        feed.absorb(player.world)
        for r in rivals.indices { rivals[r].advance() }
    }

    /// Every team, best score first (ties: the player first, then by name).
    public var standings: [Standing] {
        var all = [Standing(name: teamName, score: world.score.total, isPlayer: true)]
        all += rivals.map { Standing(name: $0.name, score: $0.session.world.score.total, isPlayer: false) }
        return all.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.isPlayer != b.isPlayer { return a.isPlayer }
            return a.name < b.name
        }
    }

    /// The player's place, 1 = first.
    public var rank: Int { (standings.firstIndex { $0.isPlayer } ?? 0) + 1 }
}
