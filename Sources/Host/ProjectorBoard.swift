import FleetSim

/// What the room's projector shows of a facilitated game: the leaderboard
/// (score, a trend, open incidents), the clock, whether the game runs, and
/// the facilitator's broadcasts. Built only from what every team may see:
/// no faults, no injects, no team's fleet, no private hints.
public struct ProjectorBoard: Sendable, Hashable, Codable {
    /// One row of the leaderboard as the room sees it.
    public struct Team: Sendable, Hashable, Codable {
        public var rank: Int
        public var name: String
        /// Points, rounded.
        public var score: Int
        /// Points gained or lost over the last five game minutes.
        public var change: Int
        /// The score at the end of each recent minute, then now (rounded).
        public var trend: [Int]
        public var firingIncidents: Int
        /// Incidents opened and not yet acknowledged.
        public var unacknowledged: Int
        public var isBot: Bool
        /// Consoles open on the team now.
        public var people: Int
    }

    /// A message the facilitator sent every team (private hints never appear).
    public struct Broadcast: Sendable, Hashable, Codable {
        /// Game time it was sent, HH:MM:SS.
        public var time: String
        public var text: String
    }

    /// Where the game is, in a word the page keys its styling on.
    public enum Phase: String, Sendable, Hashable, Codable {
        case waiting, running, paused, over
    }

    public var scenario: String
    /// Game time, HH:MM:SS.
    public var clock: String
    public var remaining: String
    public var phase: Phase
    /// The phase in words, shown big (never by colour alone).
    public var phaseText: String
    public var speed: Int
    public var teams: [Team]
    /// The latest broadcasts, newest first.
    public var broadcasts: [Broadcast]

    /// Broadcasts the board keeps.
    public static let broadcastCount = 5
}

extension FacilitatedGame {
    /// The projector's view of the game now.
    public var projectorBoard: ProjectorBoard {
        let phase: ProjectorBoard.Phase = isFinished ? .over : !hasStarted ? .waiting : clock.isPaused ? .paused : .running
        let phaseText = switch phase {
        case .waiting: "WAITING TO START"
        case .running: "LIVE"
        case .paused: "PAUSED"
        case .over: "GAME OVER"
        }
        let teams = leaderboard.map { row in
            ProjectorBoard.Team(rank: row.rank, name: row.name, score: Int(row.score.rounded()), change: Int(row.fiveMinuteChange.rounded()),
                                trend: row.trend.map { Int($0.rounded()) }, firingIncidents: row.firingIncidents,
                                unacknowledged: row.unacknowledged, isBot: row.isBot, people: row.people)
        }
        let broadcasts = notices.filter { $0.team == nil }.suffix(ProjectorBoard.broadcastCount).reversed()
            .map { ProjectorBoard.Broadcast(time: GameTime.format($0.tick), text: $0.text) }
        return ProjectorBoard(scenario: settings.scenario.title, clock: GameTime.format(tick),
                              remaining: GameTime.format(settings.durationSeconds - tick), phase: phase, phaseText: phaseText,
                              speed: clock.speed, teams: teams, broadcasts: broadcasts)
    }
}
