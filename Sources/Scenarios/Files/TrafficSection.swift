import FleetSim
import Yams

/// `traffic:` — the customer load at the edge: base, daily swing, noise, spikes.
enum TrafficSection {
    static func read(_ node: Node, into traffic: inout TrafficProfile, fields: inout YAMLFields, duration: Int) {
        guard let items = fields.mapping(node, "traffic", allowed: ["base", "diurnal", "period", "noise", "spikes"]) else { return }
        for (key, _, value) in items {
            let path = "traffic.\(key)"
            switch key {
            case "base": fields.number(value, path, in: 1...100_000).map { traffic.baseRequestsPerSecond = $0 }
            case "diurnal": fields.number(value, path, in: 0...0.9).map { traffic.diurnalAmplitude = $0 }
            case "period": fields.duration(value, path, in: 60...(7 * 86_400)).map { traffic.diurnalPeriodSeconds = $0 }
            case "noise": fields.number(value, path, in: 0...0.5).map { traffic.noise = $0 }
            case "spikes":
                guard let spikes = fields.sequence(value, path) else { continue }
                for (n, spike) in spikes.enumerated() {
                    let spikePath = "\(path)[\(n)]"
                    guard let parts = fields.mapping(spike, spikePath, allowed: ["at", "for", "multiplier", "ramp"]) else { continue }
                    func part(_ name: String) -> Node? {
                        if let node = parts.first(where: { $0.key == name })?.value { return node }
                        fields.report(spike, "\(spikePath).\(name)", "missing")
                        return nil
                    }
                    let at = part("at").flatMap { fields.duration($0, "\(spikePath).at", in: 0...(duration - 1)) }
                    let length = part("for").flatMap { fields.duration($0, "\(spikePath).for", in: 1...(24 * 3_600)) }
                    let multiplier = part("multiplier").flatMap { fields.number($0, "\(spikePath).multiplier", in: 0.1...100) }
                    let ramp = parts.first { $0.key == "ramp" }.flatMap { fields.duration($0.value, "\(spikePath).ramp", in: 1...3_600) } ?? 60
                    if let at, let length, let multiplier {
                        traffic.spikes.append(TrafficSpike(startTick: at, durationSeconds: length, multiplier: multiplier, rampSeconds: ramp))
                    }
                }
            default: break
            }
        }
    }
}
