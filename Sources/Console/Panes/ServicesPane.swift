import FleetSim
import ScreenKit

/// Service health: a row per service with version, tasks, healthy targets,
/// req/s, p99, 5xx, CPU, a status glyph and word, and a req/s sparkline.
enum ServicesPane {
    /// Columns before the sparkline: marker, name, status, version, tasks, in service, req/s, p99, 5xx, CPU, gap.
    static let fixedColumns = 2 + 14 + 9 + 4 + 10 + 5 + 7 + 7 + 6 + 5 + 1

    /// Service rows that fit in the pane (below its column header).
    static func rows(in rect: Rect) -> Int { max(0, rect.inner.height - 1) }
    /// The screen row of the first service.
    static func firstRowY(in rect: Rect) -> Int { rect.inner.y + 1 }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let focused = context.isFocused(.services)
        let filter = context.state.filterText
        buffer.box(rect, title: filter.isEmpty ? "Services" : "Services /\(filter)", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        guard inner.height >= 2 else { return }
        let trendWidth = max(4, min(40, inner.width - fixedColumns))
        let header = "  " + Format.fit("SERVICE", 14) + Format.fit("STATUS", 9) + Format.fit("VER", 4)
            + Format.fit("TASKS", 10) + Format.fit("INSVC", 5) + Format.fit("REQ/S", 7, alignRight: true)
            + Format.fit("P99", 7, alignRight: true) + Format.fit("5XX", 6, alignRight: true)
            + Format.fit("CPU", 5, alignRight: true) + " " + "TREND"
        buffer.put(header, x: inner.x, y: inner.y, role: .dim, attributes: [.bold], limit: inner.width)

        let services = context.visibleServices
        if services.isEmpty {
            buffer.put("no service matches '\(filter)' (Esc clears the filter)", x: inner.x + 2, y: inner.y + 1, role: .dim, limit: inner.width - 2)
            return
        }
        let rows = rows(in: rect)
        let offset = context.state.servicesView.offset(rows: rows, count: services.count)
        for (row, service) in services.dropFirst(offset).prefix(rows).enumerated() {
            let y = firstRowY(in: rect) + row
            drawRow(service, into: &buffer, x: inner.x, y: y, width: inner.width, trendWidth: trendWidth, context: context)
            if service.name == context.state.selectedService {
                buffer.put(context.glyphs.selectionMarker, x: inner.x, y: y, role: focused ? .accent : .dim, attributes: [.bold])
                if focused { buffer.restyle(Rect(x: inner.x + 2, y: y, width: 14, height: 1), role: .selection, attributes: [.bold]) }
            }
        }
    }

    private static func drawRow(_ service: Service, into buffer: inout CellBuffer, x: Int, y: Int, width: Int, trendWidth: Int, context: RenderContext) {
        let world = context.world
        let status = ServiceHealth.of(service, in: world)
        let m = service.metrics
        var column = x + 2
        column += buffer.put(Format.fit(service.name, 14, ellipsis: context.glyphs.ellipsis), x: column, y: y, role: .text)
        buffer.put(status.glyph(context.glyphs) + " " + status.label, x: column, y: y, role: status.role, attributes: [.bold])
        column += 9
        let isExternal = service.spec.role == .external
        column += buffer.put(Format.fit(isExternal ? "ext" : service.currentVersion.name, 4), x: column, y: y, role: service.isDeploying ? .info : .text)
        if isExternal {
            column += buffer.put(Format.fit("—", 10) + Format.fit("—", 5), x: column, y: y, role: .dim)
        } else {
            let starting = service.startingCount
            let tasks = "\(service.runningCount)/\(service.desiredCount)" + (starting > 0 ? " +\(starting)" : "")
            column += buffer.put(Format.fit(tasks, 10), x: column, y: y, role: starting > 0 ? .info : .text)
            let healthy = service.inServiceCount
            column += buffer.put(Format.fit("\(healthy)", 5), x: column, y: y, role: healthy < service.desiredCount ? .warning : .text)
        }
        column += buffer.put(Format.fit(Format.fixed(m.processed, m.processed < 100 ? 1 : 0), 7, alignRight: true), x: column, y: y)
        column += buffer.put(Format.fit(m.processed > 0 ? Format.latency(m.p99LatencyMs) : "—", 7, alignRight: true), x: column, y: y,
                             role: m.p99LatencyMs > World.latencyAlarmThresholdMs ? .warning : .text)
        column += buffer.put(Format.fit(Format.percent(m.errorRate), 6, alignRight: true), x: column, y: y,
                             role: m.errorRate > World.errorRateAlarmThreshold ? .critical : m.errorRate > 0.001 ? .warning : .text)
        column += buffer.put(Format.fit(isExternal ? "—" : "\(Int(m.cpuPercent.rounded()))%", 5, alignRight: true), x: column, y: y,
                             role: m.cpuPercent > 85 ? .warning : .text)
        column += 1
        let trend = service.history.suffix(trendWidth - 1).map(\.requestsPerSecond) + [m.processed]
        // Scaled to what the service can serve, so the bars read as load, not just shape.
        Sparkline.draw(trend, into: &buffer, x: column, y: y, width: min(trendWidth, x + width - column), glyphs: context.glyphs,
                       floor: max(m.capacity, isExternal ? service.spec.externalCapacity : 0))
    }
}
