import FleetSim
import ScreenKit
import Session

/// The event feed: ECS, load-balancer and alarm events in their own words, newest last.
enum EventsPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let focused = context.isFocused(.events)
        let entries = context.feed.entries
        let scroll = min(context.state.eventsScroll, max(0, entries.count - 1))
        buffer.box(rect, title: scroll > 0 ? "Events (↑\(scroll))" : "Events", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let shown = entries.dropLast(scroll).suffix(inner.height)
        var y = inner.maxY - shown.count
        for entry in shown {
            var x = inner.x
            x += buffer.put(GameTime.short(entry.tick) + " ", x: x, y: y, role: .dim)
            let glyph = entry.severity >= .error ? context.glyphs.critical : entry.severity == .warning ? context.glyphs.warning : " "
            x += buffer.put(glyph + " ", x: x, y: y, role: entry.severity.role, attributes: [.bold])
            buffer.put(entry.text, x: x, y: y, role: entry.severity >= .warning ? entry.severity.role : .text, limit: inner.maxX - x)
            y += 1
        }
        if entries.isEmpty { buffer.put("Waiting for the first event…", x: inner.x + 1, y: inner.y, role: .dim) }
    }
}

/// Simulated logs of the selected service, with the clues (OOMKilled,
/// ECONNREFUSED payments:8080, 500s after a deploy).
enum LogsPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let focused = context.isFocused(.logs)
        let name = context.state.selectedService
        let lines = context.feed.logs(of: name)
        let scroll = min(context.state.logsScroll, max(0, lines.count - 1))
        buffer.box(rect, title: "Logs: \(name)" + (scroll > 0 ? " (↑\(scroll))" : ""), glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let shown = lines.dropLast(scroll).suffix(inner.height)
        var y = inner.maxY - shown.count
        for line in shown {
            var x = inner.x
            x += buffer.put(GameTime.short(line.tick) + " ", x: x, y: y, role: .dim)
            x += buffer.put(Format.fit(line.severity.label, 6), x: x, y: y, role: line.severity.role, attributes: [.bold])
            buffer.put(line.text, x: x, y: y, role: line.severity >= .warning ? line.severity.role : .text, limit: inner.maxX - x)
            y += 1
        }
        if lines.isEmpty {
            let external = context.selectedService?.spec.role == .external
            buffer.put(external ? "\(name) is a third party: no logs of ours." : "No log lines yet.", x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 1)
        }
    }
}
