import FleetSim
import ScreenKit

/// Incidents: severity, title, age and state, open ones first; `a` and `r`
/// acknowledge and resolve the selected one.
enum IncidentsPane {
    /// Unresolved incidents (most severe, then oldest, first), then the most recently resolved.
    static func ordered(_ world: World) -> [Incident] {
        let open = world.incidents.filter { $0.resolvedAt == nil }.sorted {
            ($0.severity, $0.openedAt, $0.id) < ($1.severity, $1.openedAt, $1.id)
        }
        let resolved = world.incidents.filter { $0.resolvedAt != nil }.sorted { $0.resolvedAt! > $1.resolvedAt! }
        return open + resolved
    }

    /// Incident rows that fit; a focused pane keeps its last line for key hints.
    static func rows(in rect: Rect, focused: Bool) -> Int { max(0, rect.inner.height - (focused ? 1 : 0)) }
    /// The screen row of the first incident.
    static func firstRowY(in rect: Rect) -> Int { rect.inner.y }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext, title: String = "Incidents") {
        let focused = context.isFocused(.incidents)
        let world = context.world
        let firing = world.openIncidents.count
        buffer.box(rect, title: firing > 0 ? "\(title) (\(firing) open)" : title, glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let incidents = ordered(world)
        if incidents.isEmpty {
            buffer.put("No incidents. Quiet… for now.", x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 1)
            return
        }
        let rows = rows(in: rect, focused: focused)
        let offset = context.state.incidentsView.offset(rows: rows, count: incidents.count)
        for (row, incident) in incidents.dropFirst(offset).prefix(rows).enumerated() {
            let y = firstRowY(in: rect) + row
            let state = incident.state
            var x = inner.x
            x += buffer.put(state.glyph(context.glyphs) + " ", x: x, y: y, role: state.role, attributes: [.bold])
            x += buffer.put(Format.fit("#\(incident.id)", 4), x: x, y: y, role: state == .resolved ? .dim : .text)
            x += buffer.put("SEV\(incident.severity) ", x: x, y: y, role: incident.severity == 1 ? .critical : .warning, attributes: [.bold])
            let stateText = Format.fit(state.label, 10)
            let age = Format.duration(world.tick - incident.openedAt)
            let titleWidth = inner.maxX - x - DisplayWidth.of(stateText) - DisplayWidth.of(age) - 2
            x += buffer.put(Format.fit(incident.title, max(0, titleWidth), ellipsis: context.glyphs.ellipsis) + " ", x: x, y: y,
                            role: state == .resolved ? .dim : .text)
            x += buffer.put(stateText, x: x, y: y, role: state.role, attributes: [.bold])
            buffer.put(age, x: x, y: y, role: .dim)
            if focused && incident.id == (context.state.selectedIncident ?? incidents.first?.id) {
                buffer.restyle(Rect(x: inner.x + 2, y: y, width: 4, height: 1), role: .selection, attributes: [.bold])
            }
        }
        if focused {
            buffer.put("a ack · r resolve · Enter service details", x: inner.x + 1, y: inner.maxY - 1, role: .dim, limit: inner.width - 1)
        }
    }
}
