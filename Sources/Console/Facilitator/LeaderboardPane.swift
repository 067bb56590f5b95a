import FleetSim
import Host
import ScreenKit

/// Every team on one screen: rank, score, five-minute change and trend, open
/// incidents (and whether any wait to be acknowledged), the worst service,
/// time since the team's last command, and who is at its consoles.
enum LeaderboardPane {
    /// Column widths for an inner width: the team name and trend flex, the rest are fixed.
    struct Columns {
        var team: Int
        var trend: Int
        static let rank = 3, score = 9, change = 7, incidents = 4, worst = 15, last = 10, people = 6

        init(width: Int) {
            let fixed = Self.rank + Self.score + Self.change + Self.incidents + Self.worst + Self.last + Self.people + 8
            let spare = max(0, width - fixed - 12)
            team = 12 + min(8, spare)
            let left = spare - (team - 12)
            trend = left >= 6 ? min(30, left - 1) : 0
        }
    }

    /// No team yet: how to get in, a door a line, the heading only when there is room for it.
    static func drawDoors(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        let inner = rect.inner
        let doors = context.game.isReplay ? [] : context.state.doorLines
        let rows = inner.height - 1
        var lines = doors.isEmpty ? ["No team yet: give the teams the line at the bottom of this pane."] : doors.map { "  " + $0 }
        if !doors.isEmpty && rows > doors.count { lines.insert("No team yet. Teams join with:", at: 0) }
        for (n, line) in lines.prefix(rows).enumerated() {
            let heading = !doors.isEmpty && n == 0 && rows > doors.count
            buffer.put(Format.fit(line, inner.width - 1, ellipsis: context.glyphs.ellipsis), x: inner.x + 1, y: inner.y + 1 + n,
                       role: heading || doors.isEmpty ? .dim : .text, attributes: heading || doors.isEmpty ? [] : [.bold])
        }
    }

    static func rows(in rect: Rect, focused: Bool) -> Int { max(0, rect.inner.height - 1 - (focused ? 1 : 0)) }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        let focused = context.isFocused(.teams)
        let board = context.leaderboard
        let people = board.filter { !$0.isBot }.count
        buffer.box(rect, title: "Teams (\(people) of \(context.game.settings.maxTeams))" + (board.count > people ? " and bots" : ""),
                   glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let c = Columns(width: inner.width)
        var header = Format.fit("#", Columns.rank) + " " + Format.fit("TEAM", c.team) + " " + Format.fit("SCORE", Columns.score, alignRight: true)
        header += " " + Format.fit("5 MIN", Columns.change, alignRight: true) + " " + (c.trend > 0 ? Format.fit("TREND", c.trend) + " " : "")
        header += Format.fit("INC", Columns.incidents, alignRight: true) + " " + Format.fit("WORST SERVICE", Columns.worst) + " "
        header += Format.fit("LAST CMD", Columns.last) + " " + Format.fit("ON", Columns.people)
        buffer.put(header, x: inner.x + 1, y: inner.y, role: .dim, attributes: [.bold], limit: inner.width - 1)
        // How teams join, along the bottom edge, where it is always in view.
        if !context.state.joinLine.isEmpty, !context.game.isReplay {
            let join = " " + Format.fit(context.state.joinLine, rect.width - 6, ellipsis: context.glyphs.ellipsis).trimmingTrailingSpaces + " "
            buffer.put(join, x: rect.x + 2, y: rect.maxY - 1, role: .accent, attributes: [.bold])
        }
        guard !board.isEmpty else {
            drawDoors(into: &buffer, rect: rect, context: context)
            return
        }
        let visible = rows(in: rect, focused: focused)
        let selected = context.selectedTeam
        let index = board.firstIndex { $0.team == selected } ?? 0
        var view = context.state.teamsView
        view.reveal(index, rows: visible, count: board.count)
        let offset = view.offset(rows: visible, count: board.count)
        for (n, row) in board.dropFirst(offset).prefix(visible).enumerated() {
            draw(row, y: inner.y + 1 + n, x: inner.x + 1, columns: c, context: context)
            if row.team == selected {
                let marker = Cell(context.glyphs.selectionMarker.unicodeScalars.first!, role: focused ? .selection : .accent, attributes: [.bold])
                buffer[inner.x, inner.y + 1 + n] = marker
                if focused { buffer.restyle(Rect(x: inner.x + 1 + Columns.rank + 1, y: inner.y + 1 + n, width: c.team, height: 1), role: .selection, attributes: [.bold]) }
            }
        }
        if board.count > visible {
            buffer.putRight(" \(offset + 1)–\(min(board.count, offset + visible)) of \(board.count) ", endX: rect.maxX - 1, y: rect.y, role: .dim)
        }
        if focused {
            buffer.put(Format.fit("Enter watch · i inject · H hint · INC ! = not acknowledged", inner.width - 2, ellipsis: context.glyphs.ellipsis),
                       x: inner.x + 1, y: inner.maxY - 1, role: .dim)
        }

        func draw(_ row: LeaderboardRow, y: Int, x start: Int, columns c: Columns, context: FacilitatorContext) {
            let glyphs = context.glyphs
            var x = start
            func put(_ text: String, _ width: Int, _ role: Role = .text, right: Bool = false, bold: Bool = false) {
                buffer.put(Format.fit(text, width, ellipsis: glyphs.ellipsis, alignRight: right), x: x, y: y, role: role, attributes: bold ? [.bold] : [])
                x += width + 1
            }
            put("\(row.rank).", Columns.rank, .dim)
            put(row.isBot ? "\(row.name) (bot)" : row.name, c.team, row.isBot ? .dim : .text, bold: !row.isBot)
            put(Format.fixed(row.score, 0), Columns.score, row.score >= 0 ? .scoreUp : .scoreDown, right: true, bold: true)
            let change = row.fiveMinuteChange
            put(ScoreChange.arrow(change, glyphs: glyphs) + " " + Format.fixed(abs(change), 0), Columns.change, ScoreChange.role(change), right: true)
            if c.trend > 0 {
                let low = row.trend.min() ?? 0
                Sparkline.draw(row.trend.map { $0 - low }, into: &buffer, x: x, y: y, width: c.trend, glyphs: glyphs)
                x += c.trend + 1
            }
            let incidents = row.firingIncidents == 0 ? "0" : "\(row.firingIncidents)" + (row.unacknowledged > 0 ? "!" : "")
            put(incidents, Columns.incidents, row.unacknowledged > 0 ? .critical : row.firingIncidents > 0 ? .warning : .dim, right: true, bold: row.unacknowledged > 0)
            if let worst = row.worstService {
                let health = row.worstHealth
                put("\(Format.fit(worst, Columns.worst - 7, ellipsis: glyphs.ellipsis).trimmingSpaces) \(health.glyph(glyphs)) \(health.label)", Columns.worst, health.role)
            } else {
                put("\(glyphs.ok) all OK", Columns.worst, .ok)
            }
            let tick = context.game.tick
            put(row.lastCommandTick.map { Format.duration(tick - $0) + " ago" } ?? "never", Columns.last, row.lastCommandTick == nil ? .dim : .text)
            if row.isBot {
                put("bot", Columns.people, .dim)
            } else if row.people > 0 {
                put("\(glyphs.ok) \(row.people)", Columns.people, .ok)
            } else {
                put("\(glyphs.idle) off", Columns.people, .warning)
            }
        }
    }
}
