import FleetSim
import ScreenKit
import Session

/// After play: the final score against par and each of its parts, the quests,
/// the rank against the bots, each incident's time to acknowledge and to
/// mitigate, and what was injected and when (the hidden truth, revealed at last).
/// A document of rows the player scrolls, so nothing is cut on a small terminal.
enum EndScreen {
    struct Row {
        var text: String
        var role: Role = .text
        var bold = false
        /// Prose wraps to the window; a table row keeps its columns and ends in "…" if it must.
        var wraps = true
    }

    static func window(width: Int, height: Int) -> Rect {
        Window.centered(width: 100, height: height - 2, in: (width, height))
    }

    /// The report's rows for a text area `width` wide, prose wrapped.
    static func rows(context: RenderContext, width: Int) -> [Row] {
        document(context: context, width: width).flatMap { row -> [Row] in
            guard row.wraps, DisplayWidth.of(row.text) > width else { return [row] }
            return Format.wrap(row.text, width: width).enumerated().map { n, line in
                Row(text: (n == 0 ? "" : "  ") + line, role: row.role, bold: row.bold)
            }
        }
    }

    private static func document(context: RenderContext, width: Int) -> [Row] {
        let world = context.world, match = context.match, session = match.teams[context.team].session
        let s = world.score
        let par = match.scenario.par(forSeconds: session.durationSeconds)
        let pro = session.durationSeconds == match.scenario.durationSeconds ? "" : " (pro rata for this length)"
        var out = [Row(text: "Final score \(Format.fixed(s.total, 1)) · par \(Format.fixed(par, 0))\(pro) · \(s.total >= par ? "made par" : "below par")",
                       role: s.total >= par ? .scoreUp : .scoreDown, bold: true)]
        out.append(Row(text: "\(Format.grouped(s.served)) requests served, \(Format.grouped(s.failed)) failed (\(Format.percent(s.availability)) available), "
                       + "\(Format.grouped(s.ordersOnTime)) orders on time · $\(Format.fixed(s.spendDollars, 2)) spent · \(context.state.commandsGiven) command\(context.state.commandsGiven == 1 ? "" : "s")"))
        // The game went unrecorded from some point (a full disk): said at the top, where it is seen.
        if let notice = context.state.recordingNotice { out.append(Row(text: "\(context.glyphs.critical) \(notice)", role: .critical, bold: true)) }
        if !session.injectLog.isEmpty && session.followsTimeline {
            out.append(Row(text: "This game had \(session.injectLog.count) practice inject(s): every team got them too, so the ranking stays fair.", role: .accent))
        }
        out += [Row(text: ""), Row(text: "SCORE", role: .dim, bold: true)]
        for part in ScoreParts.of(s, rules: world.fleet.scoring) {
            out.append(Row(text: Format.fit(part.label, 14) + Format.fit(Format.signed(part.points, 0), 9, alignRight: true) + "  " + part.note,
                           role: part.points < 0 ? .scoreDown : .text, wraps: false))
        }
        if !world.quests.isEmpty {
            out += [Row(text: ""), Row(text: "QUESTS", role: .dim, bold: true)]
            for quest in world.quests {
                let met = quest.status == .met
                let mark = met ? context.glyphs.ok : quest.status == .notDue ? context.glyphs.idle : context.glyphs.critical
                let note = quest.status == .notDue ? " (never came up in this game)" : " (+\(Format.fixed(quest.quest.bonus, 0)))"
                out.append(Row(text: "\(mark) \(quest.quest.title)\(note)", role: met ? .ok : .dim))
            }
        }
        out += [Row(text: ""), Row(text: "RANK", role: .dim, bold: true)]
        let standings = context.standings
        // Many teams: the first dozen, and this team's place if it is further down.
        let mine = standings.firstIndex { $0.isPlayer } ?? 0
        for (place, team) in standings.enumerated() where place < 12 || place == mine {
            out.append(Row(text: Format.fit("\(team.rank).", 4) + Format.fit(team.isPlayer ? "\(team.name) (your team)" : team.name, 24)
                           + Format.fit(Format.fixed(team.score, 0), 10, alignRight: true),
                           role: team.isPlayer ? .accent : .text, bold: team.isPlayer, wraps: false))
        }
        out += [Row(text: ""), incidentHeader(width: width)]
        for incident in world.incidents { out.append(incidentRow(incident, width: width)) }
        if world.incidents.isEmpty { out.append(Row(text: "No incidents.", role: .dim)) }
        out += [Row(text: ""), Row(text: "WHAT HAPPENED (the team saw only the symptoms)", role: .dim, bold: true)]
        let spikes = world.fleet.traffic.spikes.enumerated().filter { $0.element.startTick < world.tick }.map { n, spike in
            (tick: spike.startTick, text: "traffic ×\(NumberText.format(spike.multiplier)) for \(GameTime.phrase(spike.durationSeconds))",
             note: n < match.scenario.plannedSpikes.count && match.scenario.plannedSpikes[n].announced ? "announced" : "surprise")
        }
        let faults = zip(session.schedule, session.scheduleAnnounced).filter { $0.0.tick < world.tick }
            .map { (tick: $0.0.tick, text: $0.0.fault.readable, note: $0.1 ? "announced" : "surprise") }
            + session.injectLog.map { (tick: $0.tick, text: $0.fault.readable, note: session.followsTimeline ? "practice" : "facilitator") }
            + spikes
        for fault in faults.sorted(by: { $0.tick < $1.tick }) {
            out.append(Row(text: Format.fit(GameTime.format(fault.tick), 10) + Format.fit(fault.note, 12) + fault.text, wraps: false))
        }
        if faults.isEmpty { out.append(Row(text: "Nothing was injected.", role: .dim)) }
        return out
    }

    /// Incident table columns, sized for the longest game; the title comes last and takes the rest.
    private static let idWidth = 11, timeWidth = 10, ackWidth = 9

    private static func incidentHeader(width: Int) -> Row {
        Row(text: Format.fit("INCIDENT", idWidth) + Format.fit("OPENED", timeWidth) + Format.fit("TO ACK", ackWidth) + Format.fit("TO MITIGATE", 13) + "TITLE",
            role: .dim, bold: true, wraps: false)
    }

    private static func incidentRow(_ incident: Incident, width: Int) -> Row {
        let ack = incident.acknowledgedAt.map { Format.duration($0 - incident.openedAt) } ?? "never"
        let mitigate = incident.mitigatedAt.map { Format.duration($0 - incident.openedAt) } ?? "never"
        return Row(text: Format.fit("#\(incident.id) SEV\(incident.severity)", idWidth) + Format.fit(GameTime.format(incident.openedAt), timeWidth)
                   + Format.fit(ack, ackWidth) + Format.fit(mitigate, 13) + incident.title,
                   role: incident.mitigatedAt == nil ? .warning : .text, wraps: false)
    }

    /// The furthest the report scrolls on a screen of this size.
    static func maxScroll(context: RenderContext) -> Int {
        let inner = window(width: context.layout.width, height: context.layout.height).inner
        return max(0, rows(context: context, width: inner.width - 4).count - (inner.height - 2))
    }

    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        let rect = window(width: context.layout.width, height: context.layout.height)
        buffer.fill(Rect(x: 0, y: 1, width: context.layout.width, height: context.layout.height - 2))
        Window.open(rect, title: "Game over · \(context.match.scenario.title)", into: &buffer, glyphs: context.glyphs)
        let inner = rect.inner
        let all = rows(context: context, width: inner.width - 4)
        let visible = inner.height - 2
        let scroll = min(context.state.endScroll, max(0, all.count - visible))
        for (n, row) in all.dropFirst(scroll).prefix(visible).enumerated() {
            buffer.put(row.text, x: inner.x + 2, y: inner.y + n, role: row.role, attributes: row.bold ? [.bold] : [], limit: inner.width - 4)
        }
        let more = all.count > visible ? "↓↑ scroll (\(min(all.count, scroll + visible)) of \(all.count)) · " : ""
        let debrief = context.state.recordingPath.map { " · gameday debrief \($0) tells the whole story" } ?? ""
        buffer.put(more + "q or Enter to leave" + debrief, x: inner.x + 2, y: inner.maxY - 1,
                   role: .accent, attributes: [.bold], limit: inner.width - 4)
    }
}
