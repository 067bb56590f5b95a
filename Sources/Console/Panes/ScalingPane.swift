import FleetSim
import ScreenKit

/// Scaling status: per service the policy, the last datapoint it evaluated,
/// how many datapoints in a row breached, min/max, desired count, cooldown
/// left and the last scaling activity. Headers come from `Figure`.
enum ScalingPane {
    static func table(width: Int) -> Table {
        let wide = width >= 70
        var columns: [Table.Column] = [
            .init(Figure.service.header, 14), .init(Figure.policy.header, wide ? 15 : 11),
            .init(Figure.datapoint.header, 9), .init(Figure.alarm.header, wide ? 10 : 9),
            .init(Figure.minMax.header, 8), .init(Figure.desired.header, 8), .init(Figure.cooldown.header, 10),
        ]
        if width - columns.reduce(0, { $0 + $1.width }) >= 16 { columns.append(.elastic(Figure.activity.header)) }
        return Table(columns, width: width)
    }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        buffer.box(rect, title: "Scaling", glyphs: context.glyphs, focused: context.isFocused(.scaling))
        let inner = rect.inner
        let world = context.world
        let table = table(width: inner.width)
        table.drawHeader(into: &buffer, x: inner.x, y: inner.y)
        var y = inner.y + 1
        for (i, service) in world.services.enumerated() where service.spec.runsTasks {
            guard y < inner.maxY else { break }
            table.draw(values(service: i, world: world, context: context), into: &buffer, x: inner.x, y: y)
            y += 1
        }
    }

    static func values(service i: Int, world: World, context: RenderContext) -> [Table.Value] {
        let service = world.services[i]
        let selected = service.name == context.state.selectedService
        var values: [Table.Value] = [.init(service.name, selected ? .accent : .text, selected ? [.bold] : [])]
        let policy = service.autoscaling
        if policy.enabled {
            let unit = policy.metric == .cpu ? "%" : "/t"
            values.append(.init("\(policy.metric.rawValue) \(Format.fixed(policy.target, 0))\(unit)", .info))
            let datapoint = service.scaling.lastMetric
            values.append(.init(datapoint.map { Format.fixed($0, 0) + unit } ?? "no data", (datapoint ?? 0) > policy.target ? .warning : datapoint == nil ? .dim : .text))
            values.append(alarm(service.scaling, policy: policy))
            values.append(.init("\(policy.minCapacity)-\(policy.maxCapacity)"))
        } else {
            values += [.init("manual", .dim), .init("—", .dim), .init("—", .dim), .init("—", .dim)]
        }
        values.append(.init("\(service.desiredCount)"))
        let out = world.scaleOutCooldownLeft(service: i), scaleIn = world.scaleInCooldownLeft(service: i)
        let cooldown = !policy.enabled ? "—" : out > 0 ? "out \(Format.duration(out))" : scaleIn > 0 ? "in \(Format.duration(scaleIn))" : "ready"
        values.append(.init(cooldown, out > 0 || scaleIn > 0 ? .warning : .dim))
        if let last = service.scaling.activities.last {
            values.append(.init("\(context.time(last.tick)) \(last.from)→\(last.to) \(last.cause)", .dim))
        }
        return values
    }

    /// The breaching datapoints toward the next action: "out 2/3", "in 9/15", or "OK".
    static func alarm(_ scaling: ScalingState, policy: AutoscalingPolicy) -> Table.Value {
        if scaling.highDatapoints > 0 { return .init("out \(scaling.highDatapoints)/\(policy.scaleOutDatapoints)", .warning) }
        if scaling.lowDatapoints > 0 { return .init("in \(scaling.lowDatapoints)/\(policy.scaleInDatapoints)", .info) }
        return .init("OK", .dim)
    }
}
