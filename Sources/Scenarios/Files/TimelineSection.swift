import FleetSim
import Yams

/// `timeline:` — faults at a time: `at`, an optional `jitter` (each seed moves the
/// fault by up to that much either way), `announced: true` when the briefing tells
/// the team, and the fault's mapping (`fault:` and its parameters, each a value, a
/// set or a range).
enum TimelineSection {
    static func read(_ node: Node, fields: inout YAMLFields, world: World?, duration: Int) -> [PlannedInject] {
        guard let entries = fields.sequence(node, "timeline") else { return [] }
        var timeline: [PlannedInject] = []
        for (n, entry) in entries.enumerated() {
            let path = "timeline[\(n)]"
            guard let items = fields.mapping(entry, path, allowed: ["at", "jitter", "announced"] + FaultEntries.allKeys) else { continue }
            func part(_ key: String) -> Node? { items.first { $0.key == key }?.value }
            guard let atNode = part("at") else {
                fields.report(entry, path + ".at", "missing: when the fault happens, e.g. at: 00:10:00")
                continue
            }
            guard let tick = fields.duration(atNode, path + ".at", in: 0...Int.max) else { continue }
            if tick >= duration {
                fields.report(atNode, path + ".at", "\(GameTime.format(tick)) is past the scenario's duration \(GameTime.format(duration))")
                continue
            }
            let jitter = part("jitter").flatMap { fields.duration($0, path + ".jitter", in: 0...3_600) } ?? 0
            let announced = part("announced").flatMap { fields.bool($0, path + ".announced") } ?? false
            let faultItems = items.filter { !["at", "jitter", "announced"].contains($0.key) }
            if let template = FaultEntries.read(entry, items: faultItems, path: path, fields: &fields, world: world) {
                timeline.append(PlannedInject(at: tick, jitter: jitter, template: template, announced: announced))
            }
        }
        return timeline
    }
}

/// `par:` — one score for every difficulty, or one per difficulty
/// (`par: { easy: 12000, normal: 11000, hard: 9000 }`), as `scenarios calibrate` prints.
enum ParSection {
    static func read(_ node: Node, fields: inout YAMLFields) -> Scenario.Pars? {
        guard node.mapping != nil else { return fields.number(node, "par", in: -1e9...1e9).map(Scenario.Pars.init) }
        guard let items = fields.mapping(node, "par", allowed: Difficulty.allCases.map(\.rawValue)) else { return nil }
        var values: [Double] = []
        for difficulty in Difficulty.allCases {
            guard let item = items.first(where: { $0.key == difficulty.rawValue }) else {
                fields.report(node, "par.\(difficulty.rawValue)", "missing: give a par for easy, normal and hard, or one number for all")
                return nil
            }
            guard let value = fields.number(item.value, "par.\(difficulty.rawValue)", in: -1e9...1e9) else { return nil }
            values.append(value)
        }
        return Scenario.Pars(easy: values[0], normal: values[1], hard: values[2])
    }
}
