import FleetSim
import Session

/// The teams of a game side by side, for the end of a game and for the
/// session debrief: each team's score, rank and times, and each incident's
/// time to acknowledge and to mitigate in every team that had it.
public struct TeamComparison: Sendable {
    public struct Team: Sendable {
        public var index: Int
        public var name: String
        public var isBot: Bool
        public var rank: Int
        public var score: Double
        public var incidents: Int
        /// Mean seconds from an incident opening to its acknowledgement, and to its mitigation (nil: none was).
        public var meanTimeToAcknowledge: Int?
        public var meanTimeToMitigate: Int?
        public var commands: Int
    }

    /// One incident title (`web: 5xx rate above 5%`) and its times in each team that had it.
    public struct IncidentRow: Sendable {
        public var title: String
        public var firstOpened: Int
        /// Per team index: seconds to acknowledge and to mitigate (nil: never).
        public var times: [Int: (acknowledge: Int?, mitigate: Int?)]
    }

    public var teams: [Team]
    public var incidents: [IncidentRow]

    public init(_ game: FacilitatedGame) {
        teams = game.leaderboard.map { row in
            let team = game.match.teams[row.team]
            let incidents = team.world.incidents
            func mean(_ values: [Int]) -> Int? { values.isEmpty ? nil : values.reduce(0, +) / values.count }
            return Team(index: row.team, name: row.name, isBot: row.isBot, rank: row.rank, score: row.score, incidents: incidents.count,
                        meanTimeToAcknowledge: mean(incidents.compactMap { i in i.acknowledgedAt.map { $0 - i.openedAt } }),
                        meanTimeToMitigate: mean(incidents.compactMap { i in i.mitigatedAt.map { $0 - i.openedAt } }),
                        commands: team.session.commandLog.count)
        }
        var rows: [IncidentRow] = []
        for (index, team) in game.match.teams.enumerated() {
            for incident in team.world.incidents {
                let times = (incident.acknowledgedAt.map { $0 - incident.openedAt }, incident.mitigatedAt.map { $0 - incident.openedAt })
                if let k = rows.firstIndex(where: { $0.title == incident.title }) {
                    if rows[k].times[index] == nil { rows[k].times[index] = times }
                    rows[k].firstOpened = min(rows[k].firstOpened, incident.openedAt)
                } else {
                    rows.append(IncidentRow(title: incident.title, firstOpened: incident.openedAt, times: [index: times]))
                }
            }
        }
        incidents = rows.sorted { ($0.firstOpened, $0.title) < ($1.firstOpened, $1.title) }
    }
}

/// `gameday debrief SESSIONFILE`: the session replayed to its end and its teams compared.
public struct SessionDebrief: Sendable {
    public var record: SessionRecord
    public var comparison: TeamComparison
    public var endTick: Int
    /// What the facilitator did: injects (and into which teams), broadcasts, hints, pauses.
    public var facilitator: [SessionEvent]

    public static func make(_ record: SessionRecord) throws(FleetSpecError) -> SessionDebrief {
        var game = try FacilitatedGame(replaying: record)
        while game.tick < record.lastTick && !game.isFinished { game.advance() }
        let facilitator = record.events.filter {
            switch $0.kind {
            case .inject, .planned, .delayed, .skipped, .restored, .broadcast, .hint, .started, .paused, .resumed, .speed: true
            default: false
            }
        }
        return SessionDebrief(record: record, comparison: TeamComparison(game), endTick: game.tick, facilitator: facilitator)
    }
}
