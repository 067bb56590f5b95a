import FleetSim
import Host
import ScreenKit
import Session

/// The end of a facilitated game: every team's score, rank and key times,
/// then each incident's time to acknowledge and to mitigate side by side
/// (a column per team, from the selected one); Enter opens a team's debrief.
enum ResultsScreen {
    /// Par for the game as played: pro rata when the facilitator set a shorter or longer game, as a team's report says.
    static func par(_ game: FacilitatedGame) -> String {
        let scenario = game.settings.scenario
        let par = Format.fixed(scenario.par(forSeconds: game.settings.durationSeconds), 0)
        return game.settings.durationSeconds == scenario.durationSeconds ? par : par + " (pro rata)"
    }

    static func draw(into buffer: inout CellBuffer, context: FacilitatorContext) {
        let game = context.game
        let glyphs = context.glyphs
        let rect = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 2)
        buffer.box(rect, title: "Game over · \(game.settings.scenario.title) · par \(Self.par(game))",
                   glyphs: glyphs, focused: true)
        let inner = rect.inner
        let board = context.leaderboard
        let selected = context.selectedTeam
        var y = inner.y
        let nameWidth = min(20, max(10, inner.width / 6))
        buffer.put(Format.fit("RANK", 5) + Format.fit("TEAM", nameWidth) + " " + Format.fit("SCORE", 9, alignRight: true) + "  "
                   + Format.fit("INCIDENTS", 10) + Format.fit("MEAN TTA", 10) + Format.fit("MEAN TTM", 10) + "COMMANDS",
                   x: inner.x + 1, y: y, role: .dim, attributes: [.bold], limit: inner.width - 2)
        y += 1
        let tableRows = max(3, (inner.height - 4) / 2)
        let index = board.firstIndex { $0.team == selected } ?? 0
        let first = max(0, min(index - tableRows / 2, board.count - tableRows))
        for row in board.dropFirst(first).prefix(tableRows) {
            let world = game.match.teams[row.team].world
            let acks = world.incidents.compactMap { i in i.acknowledgedAt.map { $0 - i.openedAt } }
            let fixes = world.incidents.compactMap { i in i.mitigatedAt.map { $0 - i.openedAt } }
            func mean(_ values: [Int]) -> String { values.isEmpty ? "—" : Format.duration(values.reduce(0, +) / values.count) }
            let commands = game.match.teams[row.team].session.commandLog.count
            let role: Role = row.team == selected ? .selection : row.isBot ? .dim : .text
            let name = row.isBot ? "\(row.name) (bot)" : row.name
            buffer.put(Format.fit("\(row.rank).", 5) + Format.fit(name, nameWidth, ellipsis: glyphs.ellipsis) + " "
                       + Format.fit(Format.fixed(row.score, 0), 9, alignRight: true) + "  " + Format.fit("\(world.incidents.count)", 10)
                       + Format.fit(mean(acks), 10) + Format.fit(mean(fixes), 10) + "\(commands)",
                       x: inner.x + 1, y: y, role: role, attributes: row.team == selected ? [.bold] : [], limit: inner.width - 2)
            y += 1
        }
        y += 1
        guard y < inner.maxY - 2 else { return footer(into: &buffer, inner: inner) }
        // Incidents side by side: a column per team, from the selected team on in rank order.
        let titleWidth = min(40, max(20, inner.width / 3))
        let columnWidth = 14
        let columns = Array(board.dropFirst(index).prefix(max(1, (inner.width - titleWidth - 2) / columnWidth)))
        var head = Format.fit("TIME TO ACK / TO MITIGATE", titleWidth - 1, ellipsis: glyphs.ellipsis) + " "
        for row in columns { head += Format.fit(row.name, columnWidth - 1, ellipsis: glyphs.ellipsis) + " " }
        buffer.put(head, x: inner.x + 1, y: y, role: .dim, attributes: [.bold], limit: inner.width - 2)
        y += 1
        let incidents = TeamComparison(game).incidents
        if incidents.isEmpty { buffer.put("No incidents in any team.", x: inner.x + 1, y: y, role: .dim) }
        for incident in incidents where y < inner.maxY - 1 {
            var line = Format.fit(incident.title, titleWidth - 1, ellipsis: glyphs.ellipsis) + " "
            for row in columns {
                let cell: String
                if let times = incident.times[row.team] {
                    cell = (times.acknowledge.map(Format.duration) ?? "never") + "/" + (times.mitigate.map(Format.duration) ?? "never")
                } else {
                    cell = "—"
                }
                line += Format.fit(cell, columnWidth - 1) + " "
            }
            buffer.put(line, x: inner.x + 1, y: y, role: .text, limit: inner.width - 2)
            y += 1
        }
        footer(into: &buffer, inner: inner)
    }

    private static func footer(into buffer: inout CellBuffer, inner: Rect) {
        buffer.put("↑↓ select a team (the columns follow) · Enter its debrief · q quit", x: inner.x + 1, y: inner.maxY - 1, role: .accent,
                   attributes: [.bold], limit: inner.width - 2)
    }
}
