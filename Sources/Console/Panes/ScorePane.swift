import FleetSim
import ScreenKit
import Session

/// The team score: total, its parts, a five-minute trend, and the rank
/// against the rival bot teams playing the same scenario and seed.
enum ScorePane {
    /// Points gained (or lost) over the last five simulated minutes.
    static func fiveMinuteChange(_ world: World) -> Double {
        let history = world.score.history
        let then = history.count >= 5 ? history[history.count - 5] : 0
        return world.score.total - then
    }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        buffer.box(rect, title: "Team score", glyphs: context.glyphs, focused: context.isFocused(.score))
        let inner = rect.inner
        let world = context.world
        let s = world.score
        let rules = world.fleet.scoring
        var y = inner.y
        func line(_ label: String, _ value: String, _ role: Role = .text, note: String = "") {
            guard y < inner.maxY else { return }
            buffer.put(Format.fit(label, 11), x: inner.x + 1, y: y, role: .dim)
            buffer.put(Format.fit(value, 9, alignRight: true), x: inner.x + 12, y: y, role: role, attributes: [.bold])
            if !note.isEmpty { buffer.put(note, x: inner.x + 22, y: y, role: .dim, limit: inner.maxX - inner.x - 22) }
            y += 1
        }
        let change = fiveMinuteChange(world)
        line("Score", Format.fixed(s.total, 1), s.total >= 0 ? .scoreUp : .scoreDown)
        if y < inner.maxY {
            let arrow = change >= 0 ? context.glyphs.up : context.glyphs.down
            buffer.put("5 min \(arrow) \(Format.signed(change, 0))", x: inner.x + 1, y: y, role: change >= 0 ? .scoreUp : .scoreDown)
            let trend = Array(s.history.suffix(30)) + [s.total]
            let width = inner.width - 16
            if width > 3 {
                let low = trend.min() ?? 0
                Sparkline.draw(trend.map { $0 - low }, into: &buffer, x: inner.x + 15, y: y, width: width, glyphs: context.glyphs)
            }
            y += 1
        }
        line("requests", Format.signed(s.requestPoints), .ok, note: "\(Format.compact(s.served)) ok")
        if !world.quests.isEmpty {
            let met = world.quests.filter { $0.status == .met }.count
            line("quests", Format.signed(s.questPoints), s.questPoints > 0 ? .scoreUp : .text, note: "\(met)/\(world.quests.count) met")
        }
        line("failures", Format.signed(-s.failurePoints), s.failurePoints > 0 ? .critical : .text, note: "\(Format.compact(s.failed)) failed")
        line("cost", Format.signed(-s.costPoints), .text, note: "$\(Format.fixed(s.spendDollars, 0))/$\(Format.fixed(rules.budgetDollars, 0))")
        if inner.height >= 10 {
            line("over budget", Format.signed(-s.budgetPoints), s.budgetPoints > 0 ? .critical : .text)
            line("edge down", Format.signed(-s.edgeDownPoints), s.edgeDownPoints > 0 ? .critical : .text, note: "\(s.edgeDownSeconds)s")
        }
        guard y < inner.maxY else { return }
        let count = context.match.teams.count
        if inner.height - (y - inner.y) >= count + 1 {
            let standings = context.standings
            buffer.put(context.state.role == .solo ? "Rivals (same scenario and seed)" : "Teams (same scenario and seed)", x: inner.x + 1, y: y, role: .dim)
            y += 1
            for (place, team) in standings.enumerated() where y < inner.maxY {
                let name = team.isPlayer ? "\(team.name) (your team)" : team.name
                let role: Role = team.isPlayer ? .accent : .text
                buffer.put("\(place + 1). " + Format.fit(name, 18), x: inner.x + 1, y: y, role: role, attributes: team.isPlayer ? [.bold] : [])
                buffer.put(Format.fit(Format.fixed(team.score, 0), 10, alignRight: true), x: inner.x + 23, y: y, role: role)
                y += 1
            }
        } else {
            let leader = context.match.order.first.map { context.match.teams[$0].name }
            let text = "Rank \(context.rank)/\(count)" + (leader.map { " · 1st: \($0)" } ?? "")
            buffer.put(text, x: inner.x + 1, y: y, role: .accent, limit: inner.width - 1)
        }
    }
}
