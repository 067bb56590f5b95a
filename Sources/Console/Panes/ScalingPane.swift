import FleetSim
import ScreenKit

/// Scaling status: per service the policy, the last datapoint it evaluated,
/// how many datapoints in a row breached, min/max, desired count, cooldown
/// left and the last scaling activity. Headers come from `Figure`.
enum ScalingPane {
    /// The columns in the order they give way: a narrow pane keeps the first ones.
    static func table(width: Int) -> Table {
        let wide = width >= 70
        return Table.fitting([
            .init(Figure.service.header, 14), .init(Figure.desired.header, 8), .init(Figure.policy.header, wide ? 15 : 11),
            .init(Figure.datapoint.header, 9), .init(Figure.alarm.header, wide ? 10 : 9), .init(Figure.cooldown.header, 10),
            .init(Figure.minMax.header, 8), .elastic(Figure.activity.header),
        ], width: width)
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
            table.draw(values(service: i, world: world, context: context, table: table), into: &buffer, x: inner.x, y: y)
            y += 1
        }
    }

    static func values(service i: Int, world: World, context: RenderContext, table: Table) -> [Table.Value] {
        let service = world.services[i]
        let selected = service.name == context.state.selectedService
        let policy = service.autoscaling
        let unit = policy.metric == .cpu ? "%" : "/t"
        let out = world.scaleOutCooldownLeft(service: i), scaleIn = world.scaleInCooldownLeft(service: i)
        return table.columns.map { column -> Table.Value in
            switch column.title {
            case Figure.service.header: return .init(service.name, selected ? .accent : .text, selected ? [.bold] : [])
            case Figure.desired.header: return .init("\(service.desiredCount)")
            case Figure.policy.header:
                return policy.enabled ? .init("\(policy.metric.rawValue) \(Format.fixed(policy.target, 0))\(unit)", .info) : .init("manual", .dim)
            case Figure.datapoint.header:
                guard policy.enabled else { return .init("—", .dim) }
                let datapoint = service.scaling.lastMetric
                return .init(datapoint.map { Format.fixed($0, 0) + unit } ?? "no data",
                             (datapoint ?? 0) > policy.target ? .warning : datapoint == nil ? .dim : .text)
            case Figure.alarm.header: return policy.enabled ? alarm(service.scaling, policy: policy) : .init("—", .dim)
            case Figure.cooldown.header:
                let cooldown = !policy.enabled ? "—" : out > 0 ? "out \(Format.duration(out))" : scaleIn > 0 ? "in \(Format.duration(scaleIn))" : "ready"
                return .init(cooldown, out > 0 || scaleIn > 0 ? .warning : .dim)
            case Figure.minMax.header: return policy.enabled ? .init("\(policy.minCapacity)-\(policy.maxCapacity)") : .init("—", .dim)
            default:
                guard let last = service.scaling.activities.last else { return .init("") }
                return .init("\(context.time(last.tick)) \(last.from)→\(last.to) \(last.cause)", .dim)
            }
        }
    }

    /// The breaching datapoints toward the next action: "out 2/3", "in 9/15", or "OK".
    static func alarm(_ scaling: ScalingState, policy: AutoscalingPolicy) -> Table.Value {
        if scaling.highDatapoints > 0 { return .init("out \(scaling.highDatapoints)/\(policy.scaleOutDatapoints)", .warning) }
        if scaling.lowDatapoints > 0 { return .init("in \(scaling.lowDatapoints)/\(policy.scaleInDatapoints)", .info) }
        return .init("OK", .dim)
    }
}
