import FleetSim
import ScreenKit
import Session

/// Before play: the scenario's briefing and how to begin.
enum BriefingScreen {
    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        let scenario = context.match.scenario
        let rect = Window.centered(width: 84, height: 22, in: (context.layout.width, context.layout.height))
        Window.open(rect, title: "Unicorn.Rentals · \(scenario.title)", into: &buffer, glyphs: context.glyphs)
        let inner = rect.inner
        var y = inner.y + 1
        let facts = "Scenario \(scenario.id) · \(scenario.rating.rawValue) · \(Format.duration(context.match.durationSeconds)) · seed \(context.world.seed) · par \(Format.fixed(scenario.par, 0))"
        buffer.put(facts, x: inner.x + 2, y: y, role: .info, limit: inner.width - 4)
        y += 2
        for line in Format.wrap(scenario.briefing, width: inner.width - 4) where y < inner.maxY - 5 {
            buffer.put(line, x: inner.x + 2, y: y)
            y += 1
        }
        let quests = context.world.quests
        if !quests.isEmpty && y < inner.maxY - 6 {
            y += 1
            buffer.put("Quests:", x: inner.x + 2, y: y, role: .accent, attributes: [.bold])
            y += 1
            for progress in quests where y < inner.maxY - 5 {
                buffer.put("\(context.glyphs.idle) \(progress.quest.title) (+\(Format.fixed(progress.quest.bonus, 0)))", x: inner.x + 4, y: y, role: .text, limit: inner.width - 6)
                y += 1
            }
        }
        let others = context.match.teams.indices.filter { $0 != context.team }.map { context.match.teams[$0].name }
        let facilitated = context.state.role != .solo
        let teams = (facilitated ? "Other teams on the same seed: " : "Rival teams on the same seed: ") + (others.isEmpty ? "none yet" : others.joined(separator: ", "))
        buffer.put(Format.fit(teams, inner.width - 4, ellipsis: context.glyphs.ellipsis), x: inner.x + 2, y: inner.maxY - 4, role: .dim)
        let keys = facilitated ? "Keys: ? help · : command (try: scale web 5) · the facilitator runs the clock"
                               : "Keys: ? help · : command (try: scale web 5) · space pause · +/- speed"
        buffer.put(keys, x: inner.x + 2, y: inner.maxY - 3, role: .dim, limit: inner.width - 4)
        let start = facilitated ? "Enter the console      ? keys      q quit" : "Enter start      ? keys      q quit"
        buffer.put(start, x: inner.x + 2, y: inner.maxY - 1, role: .accent, attributes: [.bold], limit: inner.width - 4)
    }
}

/// After play: final score, rank against the bots, each incident's time to
/// acknowledge and to mitigate, and how many commands the team gave.
enum EndScreen {
    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        let world = context.world
        let rect = Window.centered(width: 96, height: max(20, min(context.layout.height - 2, 34)), in: (context.layout.width, context.layout.height))
        Window.open(rect, title: "Game over · \(context.match.scenario.title)", into: &buffer, glyphs: context.glyphs)
        let inner = rect.inner
        var y = inner.y + 1
        let s = world.score
        let par = context.match.scenario.par
        buffer.put("Final score \(Format.fixed(s.total, 1))   par \(Format.fixed(par, 0)) (\(s.total >= par ? "made par" : "below par"))",
                   x: inner.x + 2, y: y, role: s.total >= par ? .scoreUp : .scoreDown, attributes: [.bold])
        y += 1
        let quests = world.quests.filter { $0.status == .met }.count
        if !world.quests.isEmpty {
            buffer.put("Quests \(quests) of \(world.quests.count) met (+\(Format.fixed(s.questPoints, 0)))", x: inner.x + 60, y: y - 1, role: .accent, limit: inner.width - 62)
        }
        buffer.put("\(Format.grouped(s.served)) requests served, \(Format.grouped(s.failed)) failed (\(Format.percent(s.availability)) available) · $\(Format.fixed(s.spendDollars, 2)) spent · \(context.state.commandsGiven) commands",
                   x: inner.x + 2, y: y, role: .text, limit: inner.width - 4)
        y += 2
        buffer.put("RANK", x: inner.x + 2, y: y, role: .dim, attributes: [.bold])
        y += 1
        let standings = context.standings
        // Many teams: the first few, and this team's place if it is further down.
        let mine = standings.firstIndex { $0.isPlayer } ?? 0
        let room = max(3, (inner.height - 10) / 2)
        let shown = standings.indices.filter { $0 < room - 1 || $0 == mine || (mine < room - 1 && $0 == room - 1) }
        for place in shown {
            let team = standings[place]
            buffer.put("\(place + 1). \(Format.fit(team.isPlayer ? "\(team.name) (your team)" : team.name, 22)) \(Format.fit(Format.fixed(team.score, 0), 10, alignRight: true))",
                       x: inner.x + 2, y: y, role: team.isPlayer ? .accent : .text, attributes: team.isPlayer ? [.bold] : [])
            y += 1
        }
        y += 1
        buffer.put(Format.fit("INCIDENT", 44) + Format.fit("OPENED", 10) + Format.fit("TO ACK", 9) + "TO MITIGATE", x: inner.x + 2, y: y, role: .dim, attributes: [.bold])
        y += 1
        for incident in world.incidents where y < inner.maxY - 2 {
            let ack = incident.acknowledgedAt.map { Format.duration($0 - incident.openedAt) } ?? "never"
            let mitigate = incident.mitigatedAt.map { Format.duration($0 - incident.openedAt) } ?? "never"
            buffer.put(Format.fit("#\(incident.id) SEV\(incident.severity) \(incident.title)", 44) + Format.fit(GameTime.short(incident.openedAt), 10)
                       + Format.fit(ack, 9) + mitigate, x: inner.x + 2, y: y, role: incident.mitigatedAt == nil ? .warning : .text, limit: inner.width - 4)
            y += 1
        }
        if world.incidents.isEmpty { buffer.put("No incidents.", x: inner.x + 2, y: y, role: .dim) }
        buffer.put("q or Enter to leave", x: inner.x + 2, y: inner.maxY - 1, role: .accent, attributes: [.bold])
    }
}
