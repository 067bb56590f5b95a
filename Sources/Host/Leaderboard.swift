import FleetSim
import Session

/// One row of the facilitator's leaderboard: how a team is doing and
/// whether anyone is at its console.
public struct LeaderboardRow: Sendable, Hashable {
    /// The team's index in the match.
    public var team: Int
    public var name: String
    public var isBot: Bool
    public var rank: Int
    public var score: Double
    /// Points gained (or lost) over the last five game minutes.
    public var fiveMinuteChange: Double
    /// The score at the end of each recent minute, then now.
    public var trend: [Double]
    public var firingIncidents: Int
    /// Incidents opened and not yet acknowledged.
    public var unacknowledged: Int
    /// The service in the worst state, unless every service is fine.
    public var worstService: String?
    public var worstHealth: ServiceHealth
    /// The tick the team's last command took effect (bots' too).
    public var lastCommandTick: Int?
    /// Consoles open on the team now (always 0 for bots).
    public var people: Int
}

extension FacilitatedGame {
    /// Minutes of score history the leaderboard's trend shows.
    public static let trendMinutes = 30

    /// Every team, best score first (tied teams share a place and go by name), with the facts a facilitator scans for.
    public var leaderboard: [LeaderboardRow] {
        match.standings(viewing: nil).map { standing in
            let index = standing.team ?? 0
            let team = match.teams[index]
            let world = team.world
            let history = world.score.history
            let worst = Self.worstService(world)
            return LeaderboardRow(
                team: index, name: team.name, isBot: team.isBot, rank: standing.rank, score: world.score.total,
                fiveMinuteChange: world.score.fiveMinuteChange, trend: Array(history.suffix(Self.trendMinutes)) + [world.score.total],
                firingIncidents: world.firingIncidents.count,
                unacknowledged: world.firingIncidents.filter { $0.acknowledgedAt == nil }.count,
                worstService: worst?.0.name, worstHealth: worst?.1 ?? .ok,
                lastCommandTick: team.session.commandLog.last?.tick, people: presence[index].people)
        }
    }

    /// How bad a health is, for picking a team's worst service (0 = fine).
    public static func badness(_ health: ServiceHealth) -> Int {
        switch health {
        case .ok, .idle, .deploying: 0
        case .scaling: 1
        case .slow: 2
        case .warning: 3
        case .critical: 4
        case .down: 5
        }
    }

    static func worstService(_ world: World) -> (Service, ServiceHealth)? {
        var worst: (Service, ServiceHealth)?
        for service in world.services {
            let health = ServiceHealth.of(service, in: world)
            if badness(health) > (worst.map { badness($0.1) } ?? 0) { worst = (service, health) }
        }
        return worst
    }
}
