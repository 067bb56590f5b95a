import FleetSim
import ScreenKit

/// Service health: a row per service with status, running version, tasks,
/// tasks in service, req/s, p99, 5xx, CPU, memory (where there is room) and
/// a req/s sparkline. Columns come from one `Table`, headers from `Figure`.
enum ServicesPane {
    /// Service rows that fit in the pane (below its column header).
    static func rows(in rect: Rect) -> Int { max(0, rect.inner.height - 1) }
    /// The screen row of the first service.
    static func firstRowY(in rect: Rect) -> Int { rect.inner.y + 1 }

    /// The columns for a pane `width` wide (after the selection marker): the
    /// name column widens and MEM appears when there is room.
    static func table(width: Int) -> Table {
        // The figures take 56 columns; the name gets 17 (enough for payment-provider) when it can.
        let nameWidth = width >= 73 ? 17 : 14
        var columns: [Table.Column] = [
            .init(Figure.service.header, nameWidth), .init(Figure.status.header, 9), .init(Figure.version.header, 7),
            .init(Figure.tasks.header, 9), .init(Figure.inService.header, 6),
            .init(Figure.requests.header, 7, alignRight: true), .init(Figure.p99.header, 7, alignRight: true),
            .init(Figure.errors.header, 6, alignRight: true), .init(Figure.cpu.header, 5, alignRight: true),
        ]
        let fixed = columns.reduce(0) { $0 + $1.width }
        if width - fixed >= 5 + 8 { columns.append(.init(Figure.memory.header, 5, alignRight: true)) }
        let used = columns.reduce(0) { $0 + $1.width }
        if width - used >= 5 { columns.append(.elastic(Figure.trend.header)) }
        return Table(columns, width: width)
    }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let focused = context.isFocused(.services)
        let filter = context.state.filterText
        let services = context.visibleServices
        let rows = rows(in: rect)
        let offset = context.state.servicesView.offset(rows: rows, count: services.count)
        // Rows scrolled out of sight are counted in the title, never lost silently.
        let more = [offset > 0 ? "↑\(offset)" : nil, services.count - offset - rows > 0 ? "↓\(services.count - offset - rows)" : nil]
            .compactMap { $0 }.joined(separator: " ")
        let title = (filter.isEmpty ? "Services" : "Services /\(filter)") + (more.isEmpty ? "" : " (\(more))")
        buffer.box(rect, title: title, glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        guard inner.height >= 2 else { return }
        let table = table(width: inner.width - 2)
        table.drawHeader(into: &buffer, x: inner.x + 2, y: inner.y)

        if services.isEmpty {
            buffer.put("no service matches '\(filter)' (Esc clears the filter)", x: inner.x + 2, y: inner.y + 1, role: .dim, limit: inner.width - 2)
            return
        }
        for (row, service) in services.dropFirst(offset).prefix(rows).enumerated() {
            let y = firstRowY(in: rect) + row
            drawRow(service, table: table, into: &buffer, x: inner.x + 2, y: y, context: context)
            if service.name == context.state.selectedService {
                buffer.put(context.glyphs.selectionMarker, x: inner.x, y: y, role: focused ? .accent : .dim, attributes: [.bold])
                if focused { buffer.restyle(Rect(x: inner.x + 2, y: y, width: table.columns[0].width - 1, height: 1), role: .selection, attributes: [.bold]) }
            }
        }
    }

    /// What the VER column says: the running version, the one rolling in, or the one that failed.
    static func versionText(_ service: Service) -> String {
        guard service.spec.runsTasks else { return "ext" }
        let running = service.runningVersion.name
        if let failed = service.failedDeployment { return "\(running) ✗\(service.spec.versions[failed.versionIndex].name)" }
        if service.isDeploying, let primary = service.primary, service.spec.versions[primary.versionIndex].name != running {
            return "\(running)→\(service.spec.versions[primary.versionIndex].name)"
        }
        return running
    }

    /// The fullest running task's memory, as a share of its limit.
    static func memoryShare(_ service: Service) -> Double {
        service.tasks.filter { $0.phase == .running }.map { $0.memoryUsedMiB / Double(service.spec.memoryMiB) }.max() ?? 0
    }

    private static func drawRow(_ service: Service, table: Table, into buffer: inout CellBuffer, x: Int, y: Int, context: RenderContext) {
        let world = context.world
        let status = ServiceHealth.of(service, in: world)
        let m = service.metrics
        let isExternal = service.spec.role == .external
        var values: [Table.Value] = [
            .init(service.name),
            .init(status.glyph(context.glyphs) + " " + status.label, status.role, [.bold]),
            .init(versionText(service), service.failedDeployment != nil ? .critical : service.isDeploying ? .info : .text),
        ]
        if isExternal {
            values += [.init("—", .dim), .init("—", .dim)]
        } else {
            let starting = service.startingCount
            let tasks = "\(service.runningCount)/\(service.desiredCount)" + (starting > 0 ? " +\(starting)" : "")
            values.append(.init(tasks, starting > 0 ? .info : .text))
            values.append(.init("\(service.inServiceCount)", service.inServiceCount < service.desiredCount ? .warning : .text))
        }
        values += [
            .init(Format.fixed(m.processed, m.processed < 100 ? 1 : 0)),
            .init(m.processed > 0 ? Format.latency(m.p99LatencyMs) : "—", m.p99LatencyMs > World.latencyAlarmThresholdMs ? .warning : .text),
            .init(Format.percent(m.errorRate), m.errorRate > World.errorRateAlarmThreshold ? .critical : m.errorRate > 0.001 ? .warning : .text),
            .init(isExternal ? "—" : "\(Int(m.cpuPercent.rounded()))%", m.cpuPercent > 85 ? .warning : .text),
        ]
        let hasMemory = table.columns.count > values.count && table.columns[values.count].title == Figure.memory.header
        if hasMemory {
            let memory = memoryShare(service)
            values.append(.init(isExternal ? "—" : "\(Int((memory * 100).rounded()))%", memory > 0.85 ? .critical : memory > 0.7 ? .warning : .text))
        }
        table.draw(values, into: &buffer, x: x, y: y)
        // The trend: scaled to what the service can serve, so the bars read as load, not just shape.
        guard let last = table.columns.last, last.isElastic else { return }
        let i = table.columns.count - 1
        let width = min(40, table.width(of: i))
        let trend = service.history.suffix(max(0, width - 1)).map(\.requestsPerSecond) + [m.processed]
        Sparkline.draw(trend, into: &buffer, x: x + table.offsets[i], y: y, width: width, glyphs: context.glyphs,
                       floor: max(m.capacity, isExternal ? service.spec.externalCapacity : 0))
    }
}
