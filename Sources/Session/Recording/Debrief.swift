import FleetSim
import Foundation
import Scenarios

/// What a debrief says about a recorded game: the score and rank, what was
/// injected and when (the hidden truth, revealed), each incident's timeline
/// and times to detect, acknowledge and mitigate, every command and what it
/// changed, the score trend, and how the expert bot played the same game.
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

    /// A fault that hit the fleet: the scenario's (announced or not) or a practice inject given during play.
    public struct Revealed: Sendable {
        public enum Source: String, Sendable { case announced, surprise, practice }
        public var tick: Int
        public var text: String
        public var source: Source
    }

    public var scenarioID: String
    public var scenarioTitle: String
    public var team: String
    public var seed: UInt64
    public var endTick: Int
    public var score: Scoreboard
    public var par: Double
    public var standings: [Standing]
    public var injected: [Revealed]
    public var incidents: [IncidentLine]
    public var commands: [CommandLine]
    /// Score every five simulated minutes.
    public var trend: [(minute: Int, score: Double)]
    public var expertScore: Double
    public var expertCommands: [CommandLine]
    public var truncated: Bool

    /// Whether the player injected faults to practise (every team got them too).
    public var hadPracticeInjects: Bool { injected.contains { $0.source == .practice } }

    public static func make(_ recording: Recording) throws(FleetSpecError) -> Debrief {
        // The whole match, rivals included, with the recording's commands and injects:
        // every team met the same faults, so the ranking is a fair one.
        var match = try Match(replaying: recording)
        var commands: [CommandLine] = []
        var expertCommands: [CommandLine] = []
        let end = recording.lastTick
        while match.world.tick < end {
            match.advance()
            commands += Self.commandLines(in: match.world.events)
            if let expert = match.rivals.first(where: { $0.name == BotKind.expert.rawValue }) {
                expertCommands += Self.commandLines(in: expert.session.world.events)
            }
        }
        let world = match.world
        let player = match.player
        var injected = zip(player.schedule, player.scheduleAnnounced).filter { $0.0.tick < end }.map {
            Revealed(tick: $0.0.tick, text: $0.0.fault.text, source: $0.1 ? .announced : .surprise)
        }
        injected += recording.injects.map { Revealed(tick: $0.tick, text: $0.fault.text, source: .practice) }
        injected.sort { $0.tick < $1.tick }
        let incidents = world.incidents.map { incident -> IncidentLine in
            let cause = injected.filter { $0.tick <= incident.openedAt && incident.openedAt - $0.tick <= 1_800 }.max { $0.tick < $1.tick }
            return IncidentLine(incident: incident, timeToDetect: cause.map { incident.openedAt - $0.tick }, cause: cause?.text)
        }
        let trend = world.score.history.enumerated().filter { ($0.offset + 1) % 5 == 0 }.map { (minute: $0.offset + 1, score: $0.element) }
        let expertScore = match.rivals.first { $0.name == BotKind.expert.rawValue }?.session.world.score.total ?? 0
        return Debrief(scenarioID: recording.scenario.id, scenarioTitle: recording.scenario.title, team: recording.header.team,
                       seed: recording.header.seed, endTick: end, score: world.score, par: recording.scenario.par(forSeconds: end),
                       standings: match.standings, injected: injected, incidents: incidents, commands: commands, trend: trend,
                       expertScore: expertScore, expertCommands: expertCommands, truncated: recording.isTruncated)
    }

    /// Each command of a tick and the first thing it changed on its own service, in the
    /// event feed's words (an incident command changes no service: it is "accepted").
    static func commandLines(in events: [SimEvent]) -> [CommandLine] {
        var lines: [CommandLine] = []
        for (k, event) in events.enumerated() {
            guard case let .command(text) = event.kind else { continue }
            let effect = event.subject.flatMap { subject in
                events[(k + 1)...].first { next in
                    if case .command = next.kind { return false }
                    return next.subject == subject && !next.isHiddenTruth
                }?.message
            } ?? "accepted"
            lines.append(CommandLine(tick: event.tick, text: text, effect: effect))
        }
        return lines
    }

    public var rank: Int { (standings.firstIndex { $0.isPlayer } ?? 0) + 1 }
}
