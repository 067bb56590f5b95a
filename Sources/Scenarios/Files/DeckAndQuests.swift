import FleetSim
import Yams

/// `deck:` — random injects: `every` (mean interval), `start`, and `faults`
/// (each a fault mapping with an optional `weight`).
enum DeckSection {
    static func read(_ node: Node, fields: inout YAMLFields, world: World?, duration: Int) -> InjectDeck? {
        guard let parts = fields.mapping(node, "deck", allowed: ["every", "start", "faults"]) else { return nil }
        func part(_ key: String) -> Node? { parts.first { $0.key == key }?.value }
        let every = part("every").flatMap { fields.duration($0, "deck.every", in: 60...86_400) }
        if part("every") == nil { fields.report(node, "deck.every", "missing: the mean time between random injects, e.g. 10m") }
        let start = part("start").flatMap { fields.duration($0, "deck.start", in: 0...duration) } ?? 0
        guard let facesNode = part("faults"), let faces = fields.sequence(facesNode, "deck.faults"), !faces.isEmpty else {
            fields.report(node, "deck.faults", "missing: a list of faults to draw from")
            return nil
        }
        var cards: [InjectDeck.Card] = []
        for (n, face) in faces.enumerated() {
            let path = "deck.faults[\(n)]"
            guard let items = fields.mapping(face, path, allowed: ["weight"] + FaultEntries.allKeys) else { continue }
            let weight = items.first { $0.key == "weight" }.flatMap { fields.integer($0.value, path + ".weight", in: 1...100) } ?? 1
            if let template = FaultEntries.read(face, items: items.filter { $0.key != "weight" }, path: path, fields: &fields, world: world) {
                cards.append(InjectDeck.Card(template: template, weight: weight))
            }
        }
        guard let every else { return nil }
        return InjectDeck(meanIntervalSeconds: every, startSeconds: start, cards: cards)
    }
}

/// `quests:` — side goals with a bonus: `autoscaling` (service, by), `rollback`
/// (service, within), `availability` (percent, by), `acknowledge` (within, by), `budget` (by).
enum QuestSection {
    static let goals = ["autoscaling", "rollback", "availability", "acknowledge", "budget"]

    static func read(_ node: Node, fields: inout YAMLFields, world: World?, duration: Int) -> [Quest] {
        guard let list = fields.sequence(node, "quests") else { return [] }
        var quests: [Quest] = []
        for (n, item) in list.enumerated() {
            let path = "quests[\(n)]"
            guard let parts = fields.mapping(item, path, allowed: ["title", "bonus", "goal", "service", "by", "within", "percent"]) else { continue }
            func part(_ key: String, required: Bool = true) -> Node? {
                if let node = parts.first(where: { $0.key == key })?.value { return node }
                if required { fields.report(item, "\(path).\(key)", "missing") }
                return nil
            }
            let title = part("title").flatMap { fields.string($0, path + ".title", maxLength: 80) }
            let bonus = part("bonus").flatMap { fields.number($0, path + ".bonus", in: 0...100_000) }
            guard let goalNode = part("goal"), let goal = fields.choice(goalNode, path + ".goal", goals.map { ($0, $0) }) else { continue }
            let by = part("by", required: goal == "autoscaling").flatMap { fields.duration($0, path + ".by", in: 1...duration) } ?? duration
            func service() -> String? {
                guard let node = part("service"), let name = fields.name(node, path + ".service") else { return nil }
                if let world, world.service(named: name)?.spec.runsTasks != true {
                    fields.report(node, path + ".service", "unknown service '\(name)' (services: \(world.services.filter(\.spec.runsTasks).map(\.name).joined(separator: ", ")))")
                    return nil
                }
                return name
            }
            let resolved: Quest.Goal?
            switch goal {
            case "autoscaling": resolved = service().map { .autoscaling(service: $0, byTick: by) }
            case "rollback":
                let within = part("within").flatMap { fields.duration($0, path + ".within", in: 1...duration) }
                resolved = service().flatMap { s in within.map { .rollback(service: s, withinSeconds: $0) } }
            case "availability": resolved = part("percent").flatMap { fields.number($0, path + ".percent", in: 0...100) }.map { .availability(percent: $0, untilTick: by) }
            case "acknowledge": resolved = part("within").flatMap { fields.duration($0, path + ".within", in: 1...duration) }.map { .acknowledge(withinSeconds: $0, untilTick: by) }
            default: resolved = .budget(untilTick: by)
            }
            if let title, let bonus, let resolved { quests.append(Quest(title: title, bonus: bonus, goal: resolved)) }
        }
        return quests
    }
}
