import FleetSim
import Session

/// What replays a session file: the session's events at their ticks (teams
/// joining, injects into the bot teams, the timeline's changes, broadcasts,
/// hints, who was connected) and each team's recording (its commands and
/// the injects it got), so the game unfolds as the facilitator saw it.
struct SessionScript: Sendable {
    private let events: [SessionEvent]
    private var next = 0
    private let recordings: [String: Recording]
    private var scripts: [Int: ReplayScript] = [:]

    init(_ record: SessionRecord) {
        events = record.events
        recordings = Dictionary(record.teams.map { ($0.name, $0.recording) }, uniquingKeysWith: { first, _ in first })
    }

    /// Applies everything due at the game's tick, before it advances.
    mutating func apply(to game: inout FacilitatedGame) {
        let tick = game.tick
        while next < events.count, events[next].tick <= tick {
            apply(events[next], to: &game)
            next += 1
        }
        for team in game.peopleTeams {
            guard var script = scripts[team] else { continue }
            game.match.feed(&script, team: team)
            scripts[team] = script
        }
    }

    private mutating func apply(_ event: SessionEvent, to game: inout FacilitatedGame) {
        switch event.kind {
        case let .teamJoined(name, _):
            guard let team = try? game.join(team: name) else { return }
            if let recording = recordings[name] { scripts[team] = ReplayScript(recording) }
            return
        case let .connected(name, _):
            if let team = game.match.team(named: name) { game.presence[team].people += 1 }
        case let .disconnected(name, _):
            if let team = game.match.team(named: name) { game.presence[team].people = max(0, game.presence[team].people - 1) }
        case let .inject(entry, fault, teams, _):
            // Teams of people get theirs from their recordings; bots from here.
            let bots = teams.compactMap { game.match.team(named: $0) }.filter { game.match.teams[$0].isBot }
            try? game.match.submit(fault, to: bots)
            _ = try? game.timeline.fire(entry, at: game.tick)
        case let .planned(_, fault, target, at):
            game.timeline.add(fault, target: target, at: at, origin: .facilitator)
        case let .delayed(entry, _, to):
            if let planned = game.timeline.entry(entry) { _ = try? game.timeline.delay(entry, by: to - planned.tick, now: game.tick) }
        case let .skipped(entry, _), let .restored(entry, _):
            _ = try? game.timeline.toggleSkip(entry)
        case let .broadcast(text):
            game.notices.append(Notice(tick: game.tick, text: text, team: nil))
            for team in game.peopleTeams { game.match.note("facilitator: \(text)", team: team) }
        case let .hint(name, text):
            game.notices.append(Notice(tick: game.tick, text: text, team: name))
            if let team = game.match.team(named: name) { game.match.note("hint from the facilitator: \(text)", team: team) }
        case .started, .paused, .resumed, .speed, .ended:
            break
        }
        game.log.append(event)
    }
}

extension FacilitatedGame {
    /// A session replayed from its files, read-only but for the clock (which starts running).
    public init(replaying record: SessionRecord, speed: Int = 10) throws(FleetSpecError) {
        try self.init(record.settings, speed: speed)
        script = SessionScript(record)
        hasStarted = true
        clock.setPaused(false)
    }
}
