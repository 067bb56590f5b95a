import FleetSim
import Foundation
import Scenarios

/// What a debrief says about a recorded game: the score and rank, each
/// incident's timeline and times to detect, acknowledge and mitigate, every
/// command and what it changed, the score trend, and how the expert bot
/// played the same scenario and seed.
public struct Debrief: Sendable {
    public struct IncidentLine: Sendable {
        public var incident: Incident
        /// From the inject that most likely caused it to the alarm.
        public var timeToDetect: Int?
        public var cause: String?
    }

    public struct CommandLine: Sendable {
        public var tick: Int
        public var text: String
        public var effect: String
    }

    public var scenarioID: String
    public var scenarioTitle: String
    public var team: String
    public var seed: UInt64
    public var endTick: Int
    public var score: Scoreboard
    public var par: Double
    public var standings: [Standing]
    public var incidents: [IncidentLine]
    public var commands: [CommandLine]
    /// Score every five simulated minutes.
    public var trend: [(minute: Int, score: Double)]
    public var expertScore: Double
    public var expertCommands: [CommandLine]
    public var truncated: Bool

    public static func make(_ recording: Recording) throws(FleetSpecError) -> Debrief {
        let follows = !recording.header.hostTimeline
        var session = try GameSession(scenario: recording.scenario, seed: recording.header.seed,
                                      durationSeconds: recording.header.durationSeconds, followsTimeline: follows)
        var script = ReplayScript(recording)
        var commands: [CommandLine] = []
        let end = recording.lastTick
        while session.world.tick < end {
            script.feed(&session)
            session.advance()
            commands += Self.commandLines(in: session.world.events)
        }
        let world = session.world
        let (expert, expertCommands) = try botGame(.expert, recording: recording, end: end)
        var standings = [Standing(name: recording.header.team, score: world.score.total, isPlayer: true)]
        for kind in Match.defaultRivals {
            let score = kind == .expert ? expert.world.score.total : try botGame(kind, recording: recording, end: end).0.world.score.total
            standings.append(Standing(name: kind.rawValue, score: score, isPlayer: false, isBot: true))
        }
        standings.sort { $0.score != $1.score ? $0.score > $1.score : $0.isPlayer }
        let injects: [(Int, String)] = (session.schedule + recording.injects).map { ($0.tick, $0.fault.text) }
        let incidents = world.incidents.map { incident -> IncidentLine in
            let cause = injects.filter { $0.0 <= incident.openedAt && incident.openedAt - $0.0 <= 1_800 }.max { $0.0 < $1.0 }
            return IncidentLine(incident: incident, timeToDetect: cause.map { incident.openedAt - $0.0 }, cause: cause?.1)
        }
        let trend = world.score.history.enumerated().filter { ($0.offset + 1) % 5 == 0 }.map { (minute: $0.offset + 1, score: $0.element) }
        return Debrief(scenarioID: recording.scenario.id, scenarioTitle: recording.scenario.title, team: recording.header.team,
                       seed: recording.header.seed, endTick: end, score: world.score, par: recording.scenario.par, standings: standings,
                       incidents: incidents, commands: commands, trend: trend, expertScore: expert.world.score.total,
                       expertCommands: expertCommands, truncated: recording.isTruncated)
    }

    /// A bot's game of the same scenario, seed and length, with the same injects
    /// the recording's team got (practice injects too, as rivals get them in play).
    static func botGame(_ kind: BotKind, recording: Recording, end: Int) throws(FleetSpecError) -> (GameSession, [CommandLine]) {
        var game = try GameSession(scenario: recording.scenario, seed: recording.header.seed, durationSeconds: end,
                                   followsTimeline: !recording.header.hostTimeline)
        var bot = kind.make()
        var injects = recording.injects[...]
        var lines: [CommandLine] = []
        while !game.isFinished {
            while let inject = injects.first, inject.tick <= game.world.tick {
                injects = injects.dropFirst()
                try? game.submit(inject.fault)
            }
            game.advance(with: &bot)
            lines += Self.commandLines(in: game.world.events)
        }
        return (game, lines)
    }

    /// Each command of a tick and the first thing it changed, in the event feed's words.
    static func commandLines(in events: [SimEvent]) -> [CommandLine] {
        var lines: [CommandLine] = []
        for (k, event) in events.enumerated() {
            guard case let .command(text) = event.kind else { continue }
            let effect = events[(k + 1)...].first { next in
                if case .command = next.kind { return false }
                return next.subject == event.subject || event.subject == nil
            }?.message ?? "accepted"
            lines.append(CommandLine(tick: event.tick, text: text, effect: effect))
        }
        return lines
    }

    public var rank: Int { (standings.firstIndex { $0.isPlayer } ?? 0) + 1 }
}
