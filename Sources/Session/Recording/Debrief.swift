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
        /// Announced in the briefing, a surprise, a practice inject, or fired by a facilitator's host.
        public enum Source: String, Sendable { case announced, surprise, practice, host }
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
    /// The rules the score was kept by (prices, budget).
    public var rules: ScoringRules
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
    /// Where replaying the recording parted from it (an edited checkpoint hash, a
    /// refused command): what follows is the game as replayed, not as recorded.
    public var divergence: Divergence?

    /// Whether the player injected faults to practise (every team got them too).
    public var hadPracticeInjects: Bool { injected.contains { $0.source == .practice } }

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
        // Commands given at the last tick count, and the end line's hash is checked there.
        let recorded = session.world.eventsRecorded
        script.feed(&session)
        commands += Self.commandLines(in: Array(session.world.events(since: recorded)))
        let world = session.world
        // Every rival met the same faults as the team, practice injects too: a fair ranking.
        let (expert, expertCommands) = try botGame(.expert, recording: recording, end: end)
        var standings = [Standing(name: recording.header.team, score: world.score.total, isPlayer: true)]
        for kind in Match.defaultRivals {
            let score = kind == .expert ? expert.world.score.total : try botGame(kind, recording: recording, end: end).0.world.score.total
            standings.append(Standing(name: kind.rawValue, score: score, isPlayer: false, isBot: true))
        }
        standings = Standing.ranked(standings)
        var injected = zip(session.schedule, session.scheduleAnnounced).filter { $0.0.tick < end }.map {
            Revealed(tick: $0.0.tick, text: $0.0.fault.text, source: $0.1 ? .announced : .surprise)
        }
        injected += recording.injects.map { Revealed(tick: $0.tick, text: $0.fault.text, source: follows ? .practice : .host) }
        injected.sort { $0.tick < $1.tick }
        let incidents = world.incidents.map { incident -> IncidentLine in
            let cause = injected.filter { $0.tick <= incident.openedAt && incident.openedAt - $0.tick <= 1_800 }.max { $0.tick < $1.tick }
            return IncidentLine(incident: incident, timeToDetect: cause.map { incident.openedAt - $0.tick }, cause: cause?.text)
        }
        let trend = world.score.history.enumerated().filter { ($0.offset + 1) % 5 == 0 }.map { (minute: $0.offset + 1, score: $0.element) }
        return Debrief(scenarioID: recording.scenario.id, scenarioTitle: recording.scenario.title, team: recording.header.team,
                       seed: recording.header.seed, endTick: end, score: world.score, rules: world.fleet.scoring,
                       par: recording.scenario.par(forSeconds: end),
                       standings: standings, injected: injected, incidents: incidents, commands: commands, trend: trend,
                       expertScore: expert.world.score.total, expertCommands: expertCommands, truncated: recording.isTruncated,
                       divergence: script.divergence)
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

    /// Each command of a tick and the first thing it changed on its own service, in the
    /// event feed's words. A command's effects come right after it, before the next
    /// command, so two commands in one tick are never credited with each other's effects;
    /// an incident command changes no service: it is "accepted".
    static func commandLines(in events: [SimEvent]) -> [CommandLine] {
        var lines: [CommandLine] = []
        for (k, event) in events.enumerated() {
            guard case let .command(text) = event.kind else { continue }
            let own = events[(k + 1)...].prefix { next in
                if case .command = next.kind { return false }
                if case .commandRejected = next.kind { return false }
                return true
            }
            let effect = event.subject.flatMap { subject in
                own.first { $0.subject == subject && !$0.isHiddenTruth }?.message
            } ?? "accepted"
            lines.append(CommandLine(tick: event.tick, text: text, effect: effect))
        }
        return lines
    }

    public var rank: Int { standings.first { $0.isPlayer }?.rank ?? 1 }
}
