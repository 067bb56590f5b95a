import FleetSim
import Yams

/// A fault written as a mapping (`fault: latency`, `service: payment-provider`,
/// `ms: 2000`, `for: 10m`), read through its `FaultKind` into typed values and
/// checked against the fleet: unknown faults, services, zones and versions are reported.
enum FaultEntries {
    /// Every key a fault mapping may hold, across all kinds.
    static var allKeys: [String] {
        var keys = ["fault"]
        for kind in FaultKinds.all { for p in kind.parameters where !keys.contains(p.key) { keys.append(p.key) } }
        return keys
    }

    static func read(_ node: Node, items: [(key: String, keyNode: Node, value: Node)], path: String,
                     fields: inout YAMLFields, world: World?) -> Fault? {
        let names = FaultKinds.names.joined(separator: ", ")
        guard let faultNode = items.first(where: { $0.key == "fault" })?.value else {
            fields.report(node, path + ".fault", "missing: which fault (\(names))")
            return nil
        }
        guard let name = fields.string(faultNode, path + ".fault", maxLength: 40) else { return nil }
        guard let kind = FaultKinds.named(name) else {
            let hint = YAMLFields.closest(to: name, in: FaultKinds.names).map { "; did you mean '\($0)'?" } ?? ""
            fields.report(faultNode, path + ".fault", "unknown fault '\(name)' (faults: \(names))\(hint)")
            return nil
        }
        let expected = kind.parameters.map(\.key)
        for item in items where item.key != "fault" && !expected.contains(item.key) {
            fields.report(item.keyNode, "\(path).\(item.key)", "not a parameter of \(kind.name) (it takes: \(expected.joined(separator: ", ")))")
        }
        var values: [FaultValue] = []
        for parameter in kind.parameters {
            let keyPath = "\(path).\(parameter.key)"
            guard let value = items.first(where: { $0.key == parameter.key })?.value else {
                fields.report(node, keyPath, "missing (\(kind.name) takes: \(expected.joined(separator: ", ")))")
                continue
            }
            if let read = readValue(value, parameter, keyPath, fields: &fields) { values.append(read) }
        }
        guard values.count == kind.parameters.count else { return nil }
        let fault = kind.fault(values)
        do throws(CommandError) { try world?.check(fault) } catch {
            fields.report(node, path, error.message)
            return nil
        }
        return fault
    }

    /// One parameter's YAML value as its typed value, with the parameter's range.
    private static func readValue(_ node: Node, _ parameter: FaultParameter, _ path: String, fields: inout YAMLFields) -> FaultValue? {
        let range = parameter.range
        switch parameter.kind {
        case .service, .version: return fields.name(node, path).map(FaultValue.name)
        case .zone:
            guard let letter = fields.string(node, path, maxLength: 1) else { return nil }
            guard let zone = ZoneName.parse(letter) else {
                fields.report(node, path, "zone must be a letter such as a, b or c")
                return nil
            }
            return .zone(zone)
        case .count: return fields.integer(node, path, in: Int(range.lowerBound)...Int(range.upperBound)).map(FaultValue.integer)
        case .number: return fields.number(node, path, in: range).map(FaultValue.number)
        case .duration: return fields.duration(node, path, in: Int(range.lowerBound)...Int(range.upperBound)).map(FaultValue.integer)
        }
    }
}
