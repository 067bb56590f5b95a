import FleetSim
import ScreenKit
import Session

/// Drawing helpers shared by the overlays: a cleared, boxed, centred window.
enum Window {
    static func centered(width: Int, height: Int, in size: (Int, Int)) -> Rect {
        let w = min(width, size.0 - 2), h = min(height, size.1 - 2)
        return Rect(x: (size.0 - w) / 2, y: (size.1 - h) / 2, width: w, height: h)
    }

    static func open(_ rect: Rect, title: String, into buffer: inout CellBuffer, glyphs: Glyphs) {
        buffer.fill(rect)
        buffer.box(rect, title: title, glyphs: glyphs, focused: true)
    }
}

/// `q` while playing: confirm before leaving a running game.
enum QuitConfirmOverlay {
    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        let rect = Window.centered(width: 48, height: 6, in: (context.layout.width, context.layout.height))
        Window.open(rect, title: "Quit?", into: &buffer, glyphs: context.glyphs)
        buffer.put("The game is still running.", x: rect.x + 2, y: rect.y + 2, role: .text)
        buffer.put("y quit now    n keep playing", x: rect.x + 2, y: rect.y + 3, role: .accent, attributes: [.bold])
    }
}

/// Enter on a service: its tasks one by one, recent stops, why it has not
/// healed yet, and its logs. Side by side when wide, stacked when not.
enum DetailOverlay {
    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        let size = (context.layout.width, context.layout.height)
        let rect = Rect(x: 0, y: 1, width: size.0, height: size.1 - 2)
        guard let index = context.selectedServiceIndex else { return }
        let service = context.world.services[index]
        let status = ServiceHealth.of(service, in: context.world)
        Window.open(rect, title: "\(service.name) · \(ServicesPane.versionText(service)) · \(status.label)  (Esc back)", into: &buffer, glyphs: context.glyphs)
        let inner = rect.inner
        let tasks: Rect, why: Rect, logs: Rect
        if inner.width >= 120 {
            let half = inner.width / 2
            tasks = Rect(x: inner.x, y: inner.y, width: half, height: inner.height)
            why = Rect(x: inner.x + half, y: inner.y, width: inner.width - half, height: inner.height / 2)
            logs = Rect(x: inner.x + half, y: why.maxY, width: inner.width - half, height: inner.height - why.height)
        } else {
            let third = inner.height / 3
            tasks = Rect(x: inner.x, y: inner.y, width: inner.width, height: third)
            why = Rect(x: inner.x, y: tasks.maxY, width: inner.width, height: third)
            logs = Rect(x: inner.x, y: why.maxY, width: inner.width, height: inner.height - 2 * third)
        }
        drawTasks(service, into: &buffer, rect: tasks, context: context)
        buffer.put("WHY IT HAS NOT HEALED YET", x: why.x + 1, y: why.y, role: .dim, attributes: [.bold])
        InspectorPane.drawWrapped(InspectorPane.lines(service: index, world: context.world, gameSeconds: context.match.durationSeconds), into: &buffer,
                                  rect: Rect(x: why.x + 1, y: why.y + 1, width: why.width - 2, height: why.height - 1))
        LogsPane.draw(into: &buffer, rect: logs, context: context, wrap: true)
    }

    private static func drawTasks(_ service: Service, into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let spec = service.spec
        var y = rect.y
        buffer.put(Format.fit("TASK", 6) + Format.fit("PHASE", 14) + Format.fit("TARGET", 10) + Format.fit("AZ", 3) + Format.fit("VER", 5)
                   + Format.fit("MEM", 6) + "CHECKS", x: rect.x + 1, y: y, role: .dim, attributes: [.bold], limit: rect.width - 2)
        y += 1
        let stopsShown = min(service.recentStops.count, max(1, rect.height / 3))
        for task in service.tasks where y < rect.maxY - stopsShown - 1 {
            let target = spec.isLoadBalanced ? targetLabel(task.target) : (task.target == .healthy ? "healthy" : "grace")
            let checks = task.consecutiveFailures > 0
                ? "\(task.consecutiveFailures) failed"
                : "\(min(task.consecutivePasses, spec.healthCheck.healthyThreshold))/\(spec.healthCheck.healthyThreshold) ok"
            let role: Role = task.isHung || task.target == .unhealthy ? .critical : task.isInService ? .text : .info
            buffer.put(Format.fit(TaskID.format(task.id), 6) + Format.fit(task.isHung ? "RUNNING(hung)" : task.phase.label, 14)
                       + Format.fit(target, 10) + Format.fit(ZoneName.format(task.zone), 3) + Format.fit(spec.versions[task.versionIndex].name, 5)
                       + Format.fit(Format.percent(task.memoryUsedMiB / Double(spec.memoryMiB)), 6) + checks,
                       x: rect.x + 1, y: y, role: role, limit: rect.width - 2)
            y += 1
        }
        if service.tasks.isEmpty {
            buffer.put(spec.runsTasks ? "no tasks" : "third party: no tasks of ours", x: rect.x + 1, y: y, role: .dim)
            y += 1
        }
        guard !service.recentStops.isEmpty, y < rect.maxY else { return }
        buffer.put("RECENTLY STOPPED", x: rect.x + 1, y: y, role: .dim, attributes: [.bold])
        y += 1
        for stop in service.recentStops.reversed() where y < rect.maxY {
            let code = stop.exitCode.map { "exit \($0)" } ?? "no exit code"
            buffer.put("\(TaskID.format(stop.id)) \(context.time(stop.stoppedAt)) \(stop.versionName) \(code): \(stop.reason.text)",
                       x: rect.x + 1, y: y, role: stop.reason.isFailure ? .warning : .dim, limit: rect.width - 2)
            y += 1
        }
    }

    static func targetLabel(_ target: TargetHealth) -> String {
        switch target {
        case .initial: "initial"
        case .healthy: "healthy"
        case .unhealthy: "unhealthy"
        case .draining: "draining"
        case .unused: "—"
        }
    }
}

/// Shown instead of the console when the terminal is below the minimum size.
enum TooSmallNotice {
    static func draw(into buffer: inout CellBuffer) {
        let text = "terminal too small: need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight), have \(buffer.width)×\(buffer.height)"
        let lines = Format.wrap(text, width: max(1, buffer.width))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (row, line) in lines.enumerated() {
            buffer.put(line, x: max(0, (buffer.width - DisplayWidth.of(line)) / 2), y: top + row, role: .warning, attributes: [.bold])
        }
    }
}
