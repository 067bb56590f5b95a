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
