import FleetSim
import ScreenKit
import Session

/// Tab completion for the command line: verbs, then the words each verb
/// takes (services, versions, incidents, zones, autoscale settings).
public enum Completion {
    /// Verbs that work here: player commands and console words in live play; console words for
    /// replays; and of those, only what the console's role allows.
    public static func verbs(replaying: Bool, role: ConsoleRole = .solo) -> [String] {
        let place: ConsoleWord.Place = replaying ? .replay : .play
        let commands = !replaying && role.grants(.play, replaying: false) ? Command.verbs.map(\.verb) : []
        return commands + ConsoleWords.all.filter { $0.places.contains(place) && role.grants($0.power, replaying: replaying) }.map(\.verb)
    }

    /// Candidates for the word being typed at the end of `text`.
    public static func candidates(for text: String, world: World, themes: [String] = [], replaying: Bool = false,
                                  role: ConsoleRole = .solo) -> [String] {
        let endsWithSpace = text.last == " "
        var words = text.split(separator: " ").map(String.init)
        let partial = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        let options: [String]
        if words.isEmpty {
            options = verbs(replaying: replaying, role: role)
        } else if let word = ConsoleWords.word(words[0], in: replaying ? .replay : .play) {
            // Nothing to offer after a word this console may not use (a team's `inject`).
            options = role.grants(word.power, replaying: replaying)
                ? arguments(of: word, after: Array(words.dropFirst()), world: world, themes: themes) : []
        } else {
            options = self.options(after: words, world: world)
        }
        return options.filter { $0.hasPrefix(partial) }
    }

    static func arguments(of word: ConsoleWord, after words: [String], world: World, themes: [String], teams: [String] = [],
                          timeline: [Int] = []) -> [String] {
        switch word.argument {
        case .none, .time: return []
        case .speed: return words.isEmpty ? GameClock.speeds.map(String.init) : []
        case .theme: return words.isEmpty ? themes : []
        case .fault: return injectOptions(words: words, world: world)
        case .team: return words.isEmpty ? teams : []
        case .timelineEntry: return words.isEmpty ? timeline.map(String.init) : []
        case .targetedFault:
            // inject [to TEAMS] [at TIME] FAULT ARGS…
            var rest = words[...]
            var offered = ["to", "at"]
            while let option = rest.first, option == "to" || option == "at" {
                offered.removeAll { $0 == option }
                rest = rest.dropFirst()
                guard rest.first != nil else { return option == "to" ? ["all"] + teams : [] }
                rest = rest.dropFirst()
            }
            return (rest.isEmpty ? offered : []) + injectOptions(words: Array(rest), world: world)
        }
    }

    /// Completes `text` as far as its candidates agree. Returns the new text and the candidates.
    public static func complete(_ text: String, world: World, themes: [String] = [], replaying: Bool = false,
                                role: ConsoleRole = .solo) -> (text: String, candidates: [String]) {
        let found = candidates(for: text, world: world, themes: themes, replaying: replaying, role: role)
        return complete(text, with: found)
    }

    /// Completes the last word of `text` as far as `found` agree.
    static func complete(_ text: String, with found: [String]) -> (text: String, candidates: [String]) {
        guard !found.isEmpty else { return (text, []) }
        let base = text.last == " " || text.isEmpty ? text : String(text[..<(text.lastIndex(of: " ").map { text.index(after: $0) } ?? text.startIndex)])
        if found.count == 1 { return (base + found[0] + " ", found) }
        return (base + commonPrefix(found), found)
    }

    private static func options(after words: [String], world: World) -> [String] {
        let services = world.services.filter(\.spec.runsTasks).map(\.name)
        let incidents = world.openIncidents.map { "\($0.id)" }
        guard let verb = words.first else { return [] }
        let position = words.count
        switch verb {
        case "scale", "rollback", "restart":
            return position == 1 ? services : []
        case "deploy":
            if position == 1 { return services }
            if position == 2, let service = world.service(named: words[1]) { return service.spec.versions.map(\.name) }
            return []
        case "autoscale":
            if position == 1 { return services }
            switch words.last {
            case "metric": return ScalingMetric.allCases.map(\.rawValue)
            case "target", "min", "max": return []
            default: return ["on", "off", "metric", "target", "min", "max"]
            }
        case "timeout":
            return position == 1 ? world.services.map(\.name) : []
        case "ack", "resolve":
            return position == 1 ? incidents : []
        default:
            return []
        }
    }

    /// Choices for the next parameter of an inject, from its fault kind.
    static func injectOptions(words: [String], world: World) -> [String] {
        guard let verb = words.first else { return FaultKinds.names }
        guard let kind = FaultKinds.named(verb), words.count - 1 < kind.parameters.count else { return [] }
        switch kind.parameters[words.count - 1].kind {
        case let .service(tasksOnly): return world.services.filter { !tasksOnly || $0.spec.runsTasks }.map(\.name)
        case .zone: return (0..<world.zoneOutageUntil.count).map(ZoneName.format)
        case .version:
            let service = zip(kind.parameters, words.dropFirst()).first { if case .service = $0.0.kind { true } else { false } }?.1
            return service.flatMap { world.service(named: $0) }?.spec.versions.map(\.name) ?? []
        case .count, .number, .duration: return []
        }
    }

    private static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
