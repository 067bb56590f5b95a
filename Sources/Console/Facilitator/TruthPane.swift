import FleetSim
import Host
import ScreenKit

/// What is really wrong with the selected team's fleet (which its players
/// never see): each fault that reached it, when it began, whether it still
/// acts and why; beside it the team's incidents, so the facilitator sees who
/// has noticed what.
enum TruthPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        let focused = context.isFocused(.truth)
        guard let team = context.selectedTeam else {
            buffer.box(rect, title: "Hidden truth", glyphs: context.glyphs, focused: focused)
            buffer.put("No team yet.", x: rect.inner.x + 1, y: rect.inner.y, role: .dim)
            return
        }
        let truth = HiddenTruth(team: context.game.match.teams[team])
        buffer.box(rect, title: "Hidden truth: \(truth.team) (the team never sees this)", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let glyphs = context.glyphs
        var lines: [(String, Role, CellAttributes)] = []
        let active = truth.faults.filter(\.isActive), over = truth.faults.filter { !$0.isActive }
        if truth.faults.isEmpty {
            lines.append(("No fault has reached \(truth.team) yet.", .dim, []))
        }
        for fault in active {
            lines.append(("\(glyphs.critical) \(GameTime.format(fault.began)) \(fault.fault.readable) · \(fault.status)", .critical, [.bold]))
            for line in Format.wrap(fault.cause, width: inner.width - 6) { lines.append(("    " + line, .dim, [])) }
        }
        if !over.isEmpty {
            let shown = over.prefix(3).map { "\(GameTime.format($0.began)) \($0.fault.readable) (\($0.status))" }
            lines.append(("\(glyphs.idle) over: " + shown.joined(separator: " · ") + (over.count > 3 ? " · +\(over.count - 3) more" : ""), .dim, []))
        }
        lines.append(("", .text, []))
        let tick = context.game.tick
        if truth.incidents.isEmpty {
            lines.append(("What \(truth.team) sees: no open incident.", .dim, []))
        } else {
            lines.append(("What \(truth.team) sees (\(truth.incidents.count) open incident\(truth.incidents.count == 1 ? "" : "s")):", .text, [.bold]))
        }
        for incident in truth.incidents {
            let noticed: String
            if let acked = incident.acknowledgedAt {
                noticed = "acknowledged after \(Format.duration(acked - incident.openedAt))"
            } else {
                noticed = "NOT acknowledged for \(Format.duration(tick - incident.openedAt))"
            }
            let state = incident.mitigatedAt != nil ? "mitigated, " : ""
            lines.append(("\(incident.state.glyph(glyphs)) #\(incident.id) \(incident.title): \(state)\(noticed)",
                          incident.acknowledgedAt == nil ? .warning : .text, []))
        }
        for (n, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(Format.fit(line.0, inner.width - 1, ellipsis: glyphs.ellipsis).trimmingTrailingSpaces, x: inner.x + 1, y: inner.y + n,
                       role: line.1, attributes: line.2)
        }
    }
}

extension String {
    /// The text without spaces at its end.
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
