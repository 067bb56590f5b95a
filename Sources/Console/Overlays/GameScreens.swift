import FleetSim
import ScreenKit
import Session

/// Before play: the scenario's briefing as a document the player scrolls —
/// the facts, the story, what is announced and when, the quests with their
/// bonuses, the other teams — and how to begin. Nothing is cut: what does
/// not fit is one scroll away, and the footer says how far there is to go.
enum BriefingScreen {
    struct Row {
        var text: String
        var role: Role = .text
        var bold = false
        var indent = 0
    }

    static func window(width: Int, height: Int) -> Rect {
        Window.centered(width: 86, height: height - 2, in: (width, height))
    }

    /// The briefing's rows for a text area `width` wide.
    static func rows(context: RenderContext, width: Int) -> [Row] {
        let scenario = context.match.scenario
        let seconds = context.match.durationSeconds
        var out: [Row] = []
        func paragraph(_ text: String, role: Role = .text, bold: Bool = false, indent: Int = 0, hanging: Int = 0) {
            for (n, line) in Format.wrap(text, width: max(10, width - indent - (hanging))).enumerated() {
                out.append(Row(text: line, role: role, bold: bold, indent: indent + (n == 0 ? 0 : hanging)))
            }
        }
        let pro = seconds == scenario.durationSeconds ? "" : " (pro rata for \(GameTime.phrase(seconds)))"
        paragraph("Scenario \(scenario.id) · \(scenario.rating.rawValue) · \(GameTime.phrase(seconds)) · seed \(context.world.seed) · "
                  + "par \(Format.fixed(scenario.par(forSeconds: seconds), 0))\(pro)", role: .info)
        out.append(Row(text: ""))
        for text in scenario.briefing.split(separator: "\n", omittingEmptySubsequences: false).reversed().drop(while: { $0.allSatisfy(\.isWhitespace) }).reversed() {
            paragraph(String(text))
        }
        let announced = scenario.announcements.filter { $0.at < seconds }
        if !announced.isEmpty {
            out.append(Row(text: ""))
            out.append(Row(text: "On the calendar (announced; anything else is a surprise):", role: .accent, bold: true))
            for announcement in announced { paragraph("• " + announcement.summary, indent: 2, hanging: 2) }
        }
        let quests = context.world.quests
        if !quests.isEmpty {
            out.append(Row(text: ""))
            out.append(Row(text: "Quests (bonus points when met):", role: .accent, bold: true))
            for progress in quests {
                // As the score pane marks it: a team that rejoins mid-game sees what is already met or missed.
                let shown = ScorePane.questStatus(progress, now: context.world.tick, glyphs: context.glyphs)
                let mark = progress.status == .pending ? context.glyphs.idle : shown.mark
                let state = progress.status == .pending ? "" : " · " + shown.status
                paragraph("\(mark) \(progress.quest.title) (+\(Format.fixed(progress.quest.bonus, 0)))\(state)", indent: 2, hanging: 2)
            }
        }
        out.append(Row(text: ""))
        let others = context.match.teams.indices.filter { $0 != context.team }.map { context.match.teams[$0].name }
        let facilitated = context.state.role != .solo
        paragraph((facilitated ? "Other teams on the same seed: " : "Rival teams on the same seed: ") + (others.isEmpty ? "none yet" : others.joined(separator: ", ")),
                  role: .dim)
        paragraph(facilitated ? "Keys: ? help · : command (try: scale web 5) · the facilitator runs the clock"
                              : "Keys: ? help · : command (try: scale web 5) · space pause · +/- speed", role: .dim)
        return out
    }

    /// The furthest the briefing scrolls on a screen of this size.
    static func maxScroll(context: RenderContext) -> Int {
        let inner = window(width: context.layout.width, height: context.layout.height).inner
        return max(0, rows(context: context, width: inner.width - 4).count - (inner.height - 2))
    }

    /// The window as drawn: as tall as the briefing needs, at most the screen.
    static func fittedWindow(context: RenderContext) -> Rect {
        let rect = window(width: context.layout.width, height: context.layout.height)
        let count = rows(context: context, width: rect.inner.width - 4).count
        return Window.centered(width: rect.width, height: min(rect.height, count + 4), in: (context.layout.width, context.layout.height))
    }

    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        let scenario = context.match.scenario
        let all = rows(context: context, width: window(width: context.layout.width, height: context.layout.height).inner.width - 4)
        let fitted = fittedWindow(context: context)
        // A screen of its own: the panes behind do not show through the margins.
        buffer.fill(Rect(x: 0, y: 1, width: context.layout.width, height: context.layout.height - 2))
        Window.open(fitted, title: "Unicorn.Rentals · \(scenario.title)", into: &buffer, glyphs: context.glyphs)
        let area = fitted.inner
        let visible = area.height - 2
        let scroll = min(context.state.briefingScroll, max(0, all.count - visible))
        for (n, row) in all.dropFirst(scroll).prefix(visible).enumerated() {
            buffer.put(row.text, x: area.x + 2 + row.indent, y: area.y + n, role: row.role, attributes: row.bold ? [.bold] : [],
                       limit: area.width - 4 - row.indent)
        }
        let facilitated = context.state.role != .solo
        let more = all.count > visible ? " · ↓↑ PgDn more (\(min(all.count, scroll + visible)) of \(all.count))" : ""
        let start = (facilitated ? "Enter the console" : "Enter start") + more + " · ? keys · q quit"
        buffer.put(start, x: area.x + 2, y: area.maxY - 1, role: .accent, attributes: [.bold], limit: area.width - 4)
    }
}
