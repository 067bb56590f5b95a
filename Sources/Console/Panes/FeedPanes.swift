import FleetSim
import ScreenKit
import Session

/// One line of a feed as the events and logs panes draw it: a time, a
/// severity mark, the text. Long text ends in "…", or wraps under itself
/// when the player turned wrapping on (`w`).
struct FeedLine {
    var tick: Int
    var severity: Severity
    /// The severity word (logs) or nothing (events, where the glyph says it).
    var label: String?
    var text: String

    /// Draws the newest lines that fit, bottom up, the last `scroll` lines left out.
    static func draw(_ lines: [FeedLine], scroll: Int, wrap: Bool, into buffer: inout CellBuffer, rect inner: Rect, context: RenderContext) {
        var y = inner.maxY
        for line in lines.dropLast(scroll).reversed() {
            guard y > inner.y else { break }
            let prefix = context.time(line.tick) + " "
            let glyph = line.severity >= .error ? context.glyphs.critical : line.severity == .warning ? context.glyphs.warning : " "
            let label = line.label.map { Format.fit($0, 6) } ?? ""
            let indent = DisplayWidth.of(prefix) + 2 + DisplayWidth.of(label)
            let room = inner.width - indent
            var rows = wrap && room >= 10 ? Format.wrap(line.text, width: room) : [line.text]
            let available = y - inner.y
            if rows.count > available {
                // The oldest line shown does not fit whole: its start, and "…" where it is cut.
                rows = Array(rows.prefix(available - 1)) + [rows.dropFirst(available - 1).joined(separator: " ")]
            }
            y -= rows.count
            var x = inner.x
            x += buffer.put(prefix, x: x, y: y, role: .dim)
            x += buffer.put(glyph + " ", x: x, y: y, role: line.severity.role, attributes: [.bold])
            if !label.isEmpty { x += buffer.put(label, x: x, y: y, role: line.severity.role, attributes: [.bold]) }
            let role: Role = line.severity >= .warning ? line.severity.role : .text
            for (n, part) in rows.enumerated() {
                buffer.put(part, x: inner.x + indent, y: y + n, role: role, limit: inner.maxX - inner.x - indent)
            }
        }
    }
}

/// The event feed: ECS, load-balancer and alarm events in their own words, newest last.
enum EventsPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let focused = context.isFocused(.events)
        let entries = context.feed.entries
        let scroll = min(context.state.eventsScroll, max(0, entries.count - 1))
        buffer.box(rect, title: scroll > 0 ? "Events (↑\(scroll))" : "Events", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        if entries.isEmpty {
            buffer.put("Waiting for the first event…", x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 1)
            return
        }
        // Each line takes a row at least: only the last ones can show.
        let lines = entries.suffix(scroll + inner.height).map { FeedLine(tick: $0.tick, severity: $0.severity, label: nil, text: $0.text) }
        FeedLine.draw(lines, scroll: scroll, wrap: context.state.wrapLines, into: &buffer, rect: inner, context: context)
    }
}

/// Simulated logs of the selected service, with the clues (OOMKilled,
/// ECONNREFUSED payments:8080, 500s after a deploy), and healthy traffic.
enum LogsPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext, wrap: Bool? = nil) {
        let focused = context.isFocused(.logs)
        let name = context.state.selectedService
        let lines = context.feed.logs(of: name)
        let scroll = min(context.state.logsScroll, max(0, lines.count - 1))
        buffer.box(rect, title: "Logs: \(name)" + (scroll > 0 ? " (↑\(scroll))" : ""), glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        if lines.isEmpty {
            let external = context.selectedService?.spec.role == .external
            buffer.put(external ? "\(name) is a third party: no logs of ours." : "No log lines yet.", x: inner.x + 1, y: inner.y, role: .dim, limit: inner.width - 1)
            return
        }
        let feed = lines.suffix(scroll + inner.height).map { FeedLine(tick: $0.tick, severity: $0.severity, label: $0.severity.label, text: $0.text) }
        FeedLine.draw(feed, scroll: scroll, wrap: wrap ?? context.state.wrapLines, into: &buffer, rect: inner, context: context)
    }
}
