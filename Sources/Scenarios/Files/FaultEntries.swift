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

    /// Reads a fault mapping into a template, each parameter a value, a set (`[web, rentals]`)
    /// or, for numbers and durations, a range (`[1500, 2500]`); every corner is checked against the fleet.
    static func read(_ node: Node, items: [(key: String, keyNode: Node, value: Node)], path: String,
                     fields: inout YAMLFields, world: World?) -> FaultTemplate? {
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
        let issuesBefore = fields.issues.count
        var choices: [FaultTemplate.Choice] = []
        for parameter in kind.parameters {
            let keyPath = "\(path).\(parameter.key)"
            guard let value = items.first(where: { $0.key == parameter.key })?.value else {
                fields.report(node, keyPath, "missing (\(kind.name) takes: \(expected.joined(separator: ", ")))")
                continue
            }
            guard let choice = readChoice(value, parameter, keyPath, fields: &fields) else { continue }
            // A service the fleet does not have is reported where it is written.
            if case let .service(tasksOnly) = parameter.kind, let world {
                let names: [String] = switch choice {
                case let .fixed(v): [v.name].compactMap { $0 }
                case let .oneOf(vs): vs.compactMap(\.name)
                case .range: []
                }
                let nodes = value.sequence.map(Array.init) ?? [value]
                for (n, name) in names.enumerated() {
                    do throws(CommandError) { try world.checkService(name, tasksOnly: tasksOnly) } catch {
                        fields.report(nodes[min(n, nodes.count - 1)], keyPath, error.message)
                    }
                }
            }
            choices.append(choice)
        }
        guard choices.count == kind.parameters.count else { return nil }
        let template = FaultTemplate(kind: kind.name, choices: choices)
        if let world, fields.issues.count == issuesBefore {
            for corner in template.corners {
                do throws(CommandError) { try world.check(corner) } catch {
                    fields.report(node, path, error.message)
                    return nil
                }
            }
        }
        return template
    }

    /// A parameter's value, a set of them, or a `[low, high]` range.
    private static func readChoice(_ node: Node, _ parameter: FaultParameter, _ path: String, fields: inout YAMLFields) -> FaultTemplate.Choice? {
        guard let list = node.sequence.map(Array.init) else { return readValue(node, parameter, path, fields: &fields).map { .fixed($0) } }
        if parameter.isNumeric {
            guard list.count == 2 else {
                fields.report(node, path, "a range is two numbers, low and high, e.g. [1500, 2500]")
                return nil
            }
            guard let low = readValue(list[0], parameter, path, fields: &fields)?.numeric,
                  let high = readValue(list[1], parameter, path, fields: &fields)?.numeric else { return nil }
            guard low <= high else {
                fields.report(node, path, "the range's low end \(NumberText.format(low)) is above its high end \(NumberText.format(high))")
                return nil
            }
            return .range(low, high)
        }
        guard !list.isEmpty, list.count <= 26 else {
            fields.report(node, path, "a set lists 1 to 26 choices")
            return nil
        }
        var values: [FaultValue] = []
        for item in list {
            guard let value = readValue(item, parameter, path, fields: &fields) else { return nil }
            values.append(value)
        }
        return .oneOf(values)
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
