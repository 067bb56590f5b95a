import FleetSim
import Yams

/// A fault written as a mapping (`fault: latency`, `service: payment-provider`,
/// `ms: 2000`, `for: 10m`), read through the fault catalogue and checked
/// against the fleet: unknown faults, services, zones and versions are reported.
enum FaultEntries {
    static var allKeys: [String] {
        var keys = ["fault"]
        for entry in FaultCatalogue.entries { for p in entry.parameters where !keys.contains(p.key) { keys.append(p.key) } }
        return keys
    }

    static func read(_ node: Node, items: [(key: String, keyNode: Node, value: Node)], path: String,
                     fields: inout YAMLFields, world: World?) -> Fault? {
        guard let faultNode = items.first(where: { $0.key == "fault" })?.value else {
            fields.report(node, path + ".fault", "missing: which fault (\(FaultCatalogue.entries.map(\.name).joined(separator: ", ")))")
            return nil
        }
        guard let name = fields.string(faultNode, path + ".fault", maxLength: 40) else { return nil }
        guard let entry = FaultCatalogue.entry(named: name) else {
            let hint = YAMLFields.closest(to: name, in: FaultCatalogue.entries.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            fields.report(faultNode, path + ".fault", "unknown fault '\(name)' (faults: \(FaultCatalogue.entries.map(\.name).joined(separator: ", ")))\(hint)")
            return nil
        }
        let expected = entry.parameters.map(\.key)
        for item in items where item.key != "fault" && !expected.contains(item.key) {
            fields.report(item.keyNode, "\(path).\(item.key)", "not a parameter of \(name) (it takes: \(expected.joined(separator: ", ")))")
        }
        var words = [name]
        var ok = true
        for parameter in entry.parameters {
            let keyPath = "\(path).\(parameter.key)"
            guard let value = items.first(where: { $0.key == parameter.key })?.value else {
                fields.report(node, keyPath, "missing (\(name) takes: \(expected.joined(separator: ", ")))")
                ok = false
                continue
            }
            let word: String?
            switch parameter.kind {
            case .service, .version: word = fields.name(value, keyPath)
            case .zone:
                word = fields.string(value, keyPath, maxLength: 1)
                if let zone = word, ZoneName.parse(zone) == nil { fields.report(value, keyPath, "zone must be a letter such as a, b or c"); ok = false }
            case .count: word = fields.integer(value, keyPath, in: 1...1_000).map(String.init)
            case .number: word = fields.number(value, keyPath, in: 0...1_000_000).map(YAMLFields.show)
            case .duration: word = fields.duration(value, keyPath, in: 1...(24 * 3_600)).map(String.init)
            }
            guard let word else { ok = false; continue }
            words.append(word)
        }
        guard ok else { return nil }
        let fault: Fault
        do throws(CommandError) {
            fault = try Fault.parse(words.joined(separator: " "))
            try world?.check(fault)
        } catch {
            fields.report(node, path, error.message)
            return nil
        }
        return fault
    }
}
