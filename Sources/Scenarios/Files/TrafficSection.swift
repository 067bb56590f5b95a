import FleetSim
import Yams

/// `traffic:` — the customer load at the edge: base, daily swing, noise, and
/// spikes, each at a time (with optional `jitter`), lasting `for`, of a
/// `multiplier` (a length or a multiplier may be a `[low, high]` range),
/// and `announced` when the team knows it is coming (a marketing event).
enum TrafficSection {
    static func read(_ node: Node, into traffic: inout TrafficProfile, spikes: inout [PlannedSpike], fields: inout YAMLFields, duration: Int) {
        guard let items = fields.mapping(node, "traffic", allowed: ["base", "diurnal", "period", "noise", "spikes"]) else { return }
        for (key, _, value) in items {
            let path = "traffic.\(key)"
            switch key {
            case "base": fields.number(value, path, in: 1...100_000).map { traffic.baseRequestsPerSecond = $0 }
            case "diurnal": fields.number(value, path, in: 0...0.9).map { traffic.diurnalAmplitude = $0 }
            case "period": fields.duration(value, path, in: 60...(7 * 86_400)).map { traffic.diurnalPeriodSeconds = $0 }
            case "noise": fields.number(value, path, in: 0...0.5).map { traffic.noise = $0 }
            case "spikes":
                guard let list = fields.sequence(value, path) else { continue }
                for (n, spike) in list.enumerated() {
                    if let planned = readSpike(spike, "\(path)[\(n)]", fields: &fields, duration: duration) { spikes.append(planned) }
                }
            default: break
            }
        }
    }

    private static func readSpike(_ node: Node, _ path: String, fields: inout YAMLFields, duration: Int) -> PlannedSpike? {
        guard let parts = fields.mapping(node, path, allowed: ["at", "jitter", "for", "multiplier", "ramp", "announced"]) else { return nil }
        func part(_ name: String) -> Node? {
            if let node = parts.first(where: { $0.key == name })?.value { return node }
            fields.report(node, "\(path).\(name)", "missing")
            return nil
        }
        func optional(_ name: String) -> Node? { parts.first { $0.key == name }?.value }
        let at = part("at").flatMap { fields.duration($0, "\(path).at", in: 0...(duration - 1)) }
        let seconds = part("for").flatMap { fields.range($0, "\(path).for") { $0.duration($1, $2, in: 1...(24 * 3_600)) } }
        let multiplier = part("multiplier").flatMap { fields.range($0, "\(path).multiplier") { $0.number($1, $2, in: 0.1...100) } }
        let ramp = optional("ramp").flatMap { fields.duration($0, "\(path).ramp", in: 1...3_600) } ?? 60
        let jitter = optional("jitter").flatMap { fields.duration($0, "\(path).jitter", in: 0...3_600) } ?? 0
        let announced = optional("announced").flatMap { fields.bool($0, "\(path).announced") } ?? false
        guard let at, let seconds, let multiplier else { return nil }
        return PlannedSpike(at: at, jitter: jitter, seconds: seconds, multiplier: multiplier, rampSeconds: ramp, announced: announced)
    }
}
