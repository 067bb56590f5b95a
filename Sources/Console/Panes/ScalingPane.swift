import FleetSim

/// Scaling status: per service the policy, metric against target, min/max,
/// cooldown left, scaling in progress, and the last scaling activity.
enum ScalingPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        buffer.box(rect, title: "Scaling", glyphs: context.glyphs, focused: context.isFocused(.scaling))
        let inner = rect.inner
        let world = context.world
        let wide = inner.width >= 90
        let header = Format.fit("SERVICE", 14) + Format.fit("POLICY", 17) + Format.fit("NOW", 7) + Format.fit("MIN-MAX", 8)
            + Format.fit("DESIRED", 12) + (wide ? Format.fit("COOLDOWN", 16) + "LAST ACTIVITY" : "COOLDOWN")
        buffer.put(header, x: inner.x, y: inner.y, role: .dim, attributes: [.bold], limit: inner.width)
        var y = inner.y + 1
        for (i, service) in world.services.enumerated() where service.spec.runsTasks {
            guard y < inner.maxY else { break }
            var x = inner.x
            let selected = service.name == context.state.selectedService
            x += buffer.put(Format.fit(service.name, 14), x: x, y: y, role: selected ? .accent : .text, attributes: selected ? [.bold] : [])
            let policy = service.autoscaling
            let unit = policy.metric == .cpu ? "%" : "/t"
            if policy.enabled {
                x += buffer.put(Format.fit("\(policy.metric.rawValue) \(Format.fixed(policy.target, 0))\(unit)", 17), x: x, y: y, role: .info)
                let now = service.scaling.lastMetric.map { Format.fixed($0, 0) + unit } ?? "—"
                let above = (service.scaling.lastMetric ?? 0) > policy.target
                x += buffer.put(Format.fit(now, 7), x: x, y: y, role: above ? .warning : .text)
                x += buffer.put(Format.fit("\(policy.minCapacity)-\(policy.maxCapacity)", 8), x: x, y: y)
            } else {
                x += buffer.put(Format.fit("manual (off)", 17), x: x, y: y, role: .dim)
                x += buffer.put(Format.fit("\(Int(service.metrics.cpuPercent.rounded()))%", 7), x: x, y: y, role: .dim)
                x += buffer.put(Format.fit("—", 8), x: x, y: y, role: .dim)
            }
            let pending = service.desiredCount - service.inServiceCount
            let desired = pending > 0 ? "\(service.inServiceCount)→\(service.desiredCount) \(context.glyphs.up)"
                : pending < 0 ? "\(service.activeTaskCount)→\(service.desiredCount) \(context.glyphs.down)" : "\(service.desiredCount)"
            x += buffer.put(Format.fit(desired, 12), x: x, y: y, role: pending != 0 ? .info : .text)
            let out = world.scaleOutCooldownLeft(service: i), scaleIn = world.scaleInCooldownLeft(service: i)
            let cooldown = !policy.enabled ? "—" : out > 0 ? "out \(Format.duration(out))" : scaleIn > 0 ? "in \(Format.duration(scaleIn))" : "ready"
            x += buffer.put(Format.fit(cooldown, wide ? 16 : 12), x: x, y: y, role: out > 0 || scaleIn > 0 ? .warning : .dim)
            if wide, let last = service.scaling.activities.last {
                let text = "\(Format.shortClock(last.tick)) \(last.from)→\(last.to) \(last.cause)"
                buffer.put(text, x: x, y: y, role: .dim, limit: inner.maxX - x)
            }
            y += 1
        }
    }
}
