import FleetSim
import ScreenKit

/// Incidents: state, id, severity, age and title, open ones first; `a` and
/// `r` acknowledge and resolve the selected one (or the next that needs it).
/// The title comes last so every other column keeps its place.
enum IncidentsPane {
    /// Firing incidents (most severe, then oldest, first), then mitigated ones waiting
    /// to be resolved, then the most recently resolved.
    static func ordered(_ world: World) -> [Incident] {
        let open = world.incidents.filter { $0.resolvedAt == nil }.sorted {
            ($0.mitigatedAt == nil ? 0 : 1, $0.severity, $0.openedAt, $0.id) < ($1.mitigatedAt == nil ? 0 : 1, $1.severity, $1.openedAt, $1.id)
        }
        let resolved = world.incidents.filter { $0.resolvedAt != nil }.sorted { $0.resolvedAt! > $1.resolvedAt! }
        return open + resolved
    }

    /// Screen lines per incident: a narrow pane puts the title on a line of its own,
    /// so it is read whole instead of cut to a dozen letters.
    static func linesPerIncident(in rect: Rect) -> Int { rect.inner.width < 64 ? 2 : 1 }
    /// Incidents that fit below the header; a focused pane keeps its last line for key hints.
    static func rows(in rect: Rect, focused: Bool) -> Int {
        max(0, (rect.inner.height - 1 - (focused ? 1 : 0)) / linesPerIncident(in: rect))
    }
    /// The screen row of the first incident.
    static func firstRowY(in rect: Rect) -> Int { rect.inner.y + 1 }
    /// Which visible incident (0 = first) a screen row belongs to; -1 above the list.
    static func visibleIndex(atY y: Int, in rect: Rect) -> Int {
        y < firstRowY(in: rect) ? -1 : (y - firstRowY(in: rect)) / linesPerIncident(in: rect)
    }

    static func table(width: Int, titleInline: Bool) -> Table {
        var columns: [Table.Column] = [.init("", 2), .init("ID", 5), .init(Figure.severity.header, 5), .init(Figure.incidentState.header, 10),
                                       .init(Figure.age.header, 7, alignRight: true)]
        columns.append(.elastic(titleInline ? "INCIDENT" : ""))
        return Table(columns, width: width)
    }

    /// How long the incident has been open; a resolved one keeps the time it took.
    static func age(_ incident: Incident, now tick: Int) -> Int { (incident.resolvedAt ?? tick) - incident.openedAt }

    /// Incidents still firing (open or acknowledged, alarms not back to OK): the header's count too.
    static func firing(_ world: World) -> Int { world.firingIncidents.count }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext, title: String = "Incidents") {
        let focused = context.isFocused(.incidents)
        let world = context.world
        let firing = firing(world)
        let incidents = ordered(world)
        let rows = rows(in: rect, focused: focused)
        let offset = context.state.incidentsView.offset(rows: rows, count: incidents.count)
        // What the list hides above and below, so no incident is out of sight unannounced.
        let above = offset, below = max(0, incidents.count - offset - rows)
        let more = [above > 0 ? "↑\(above)" : nil, below > 0 ? "↓\(below)" : nil].compactMap { $0 }.joined(separator: " ")
        let counts = firing > 0 ? "\(firing) firing" : ""
        let suffix = [counts, more].filter { !$0.isEmpty }.joined(separator: " · ")
        buffer.box(rect, title: suffix.isEmpty ? title : "\(title) (\(suffix))", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        if incidents.isEmpty {
            buffer.put("No incidents. Quiet… for now.", x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 1)
            return
        }
        let lines = linesPerIncident(in: rect)
        let table = table(width: inner.width, titleInline: lines == 1)
        table.drawHeader(into: &buffer, x: inner.x, y: inner.y)
        for (row, incident) in incidents.dropFirst(offset).prefix(rows).enumerated() {
            let y = firstRowY(in: rect) + row * lines
            let state = incident.state
            let dim = state == .resolved
            table.draw([
                .init(state.glyph(context.glyphs), state.role, [.bold]),
                .init("#\(incident.id)", dim ? .dim : .text),
                .init("SEV\(incident.severity)", dim ? .dim : incident.severity == 1 ? .critical : .warning, [.bold]),
                .init(state.label, state.role, [.bold]),
                .init(Format.duration(age(incident, now: world.tick)), .dim),
                .init(lines == 1 ? incident.title : "", dim ? .dim : .text),
            ], into: &buffer, x: inner.x, y: y)
            if lines == 2 {
                buffer.put(incident.title, x: inner.x + 2, y: y + 1, role: dim ? .dim : .text, limit: inner.width - 2)
            }
            if focused && incident.id == (context.state.selectedIncident ?? incidents.first?.id) {
                buffer.restyle(Rect(x: inner.x + 2, y: y, width: 4, height: 1), role: .selection, attributes: [.bold])
            }
        }
        if focused {
            let hints = ConsoleKeys.hints(for: [.playing], role: context.state.role, replaying: context.state.replay != nil, actions: [.acknowledge, .resolve, .openDetail])
            buffer.put(hints.joined(separator: " · "), x: inner.x + 1, y: inner.maxY - 1, role: .dim, limit: inner.width - 1)
        }
    }
}
