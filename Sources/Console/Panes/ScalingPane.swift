import FleetSim
import ScreenKit

/// Scaling status: per service the policy, metric against target, min/max,
/// cooldown left, scaling in progress, and the last scaling activity.
enum ScalingPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        buffer.box(rect, title: "Scaling", glyphs: context.glyphs, focused: context.isFocused(.scaling))
        let inner = rect.inner
        let world = context.world
        let wide = inner.width >= 90
        // Column widths: name, policy, now, min-max, desired, cooldown; narrower in the compact tab.
        let w = inner.width >= 70 ? [14, 17, 7, 8, 12, 16] : [14, 9, 6, 8, 8, 10]
        let header = Format.fit("SERVICE", w[0]) + Format.fit("POLICY", w[1]) + Format.fit("NOW", w[2]) + Format.fit("MIN-MAX", w[3])
            + Format.fit("DESIRED", w[4]) + (wide ? Format.fit("COOLDOWN", w[5]) + "LAST ACTIVITY" : "COOLDOWN")
        buffer.put(header, x: inner.x, y: inner.y, role: .dim, attributes: [.bold], limit: inner.width)
        var y = inner.y + 1
        for (i, service) in world.services.enumerated() where service.spec.runsTasks {
            guard y < inner.maxY else { break }
            var x = inner.x
            // Everything stays inside the pane, however narrow.
            func put(_ text: String, role: Role = .text, attributes: CellAttributes = []) -> Int {
                buffer.put(text, x: x, y: y, role: role, attributes: attributes, limit: max(0, inner.maxX - x))
            }
            let selected = service.name == context.state.selectedService
            x += put(Format.fit(service.name, w[0]), role: selected ? .accent : .text, attributes: selected ? [.bold] : [])
            let policy = service.autoscaling
            let unit = policy.metric == .cpu ? "%" : "/t"
            if policy.enabled {
                x += put(Format.fit("\(policy.metric.rawValue) \(Format.fixed(policy.target, 0))\(unit)", w[1]), role: .info)
                let now = service.scaling.lastMetric.map { Format.fixed($0, 0) + unit } ?? "—"
                let above = (service.scaling.lastMetric ?? 0) > policy.target
                x += put(Format.fit(now, w[2]), role: above ? .warning : .text)
                x += put(Format.fit("\(policy.minCapacity)-\(policy.maxCapacity)", w[3]))
            } else {
                x += put(Format.fit(w[1] >= 12 ? "manual (off)" : "off", w[1]), role: .dim)
                x += put(Format.fit("\(Int(service.metrics.cpuPercent.rounded()))%", w[2]), role: .dim)
                x += put(Format.fit("—", w[3]), role: .dim)
            }
            let pending = service.desiredCount - service.inServiceCount
            let desired = pending > 0 ? "\(service.inServiceCount)→\(service.desiredCount) \(context.glyphs.up)"
                : pending < 0 ? "\(service.activeTaskCount)→\(service.desiredCount) \(context.glyphs.down)" : "\(service.desiredCount)"
            x += put(Format.fit(desired, w[4]), role: pending != 0 ? .info : .text)
            let out = world.scaleOutCooldownLeft(service: i), scaleIn = world.scaleInCooldownLeft(service: i)
            let cooldown = !policy.enabled ? "—" : out > 0 ? "out \(Format.duration(out))" : scaleIn > 0 ? "in \(Format.duration(scaleIn))" : "ready"
            x += put(Format.fit(cooldown, w[5]), role: out > 0 || scaleIn > 0 ? .warning : .dim)
            if wide, let last = service.scaling.activities.last {
                let text = "\(GameTime.short(last.tick)) \(last.from)→\(last.to) \(last.cause)"
                _ = put(text, role: .dim)
            }
            y += 1
        }
    }
}
