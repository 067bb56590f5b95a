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
        // Every part when there is room; on a short pane, the ones that are not zero.
        let parts = ScoreParts.of(s, rules: rules)
        let room = inner.maxY - y - (inner.height >= 12 ? min(context.standings.count + 1, 6) : 1)
        let shown = parts.count <= room ? parts : parts.filter { abs($0.points) >= 0.05 || $0.label == "requests" || $0.label == "cost" }
        for part in shown.prefix(max(0, room)) {
            line(part.label, Format.signed(part.points), part.points < 0 ? .scoreDown : part.points > 0 ? .ok : .text, note: part.note)
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
