import FleetSim
import ScreenKit
import Session

/// Tab completion for the command line: verbs, then the words each verb
/// takes (services, versions, incidents, zones, autoscale settings).
public enum Completion {
    /// Words the console itself understands on the command line.
    public static let consoleVerbs: [CommandVerb] = [
        CommandVerb(verb: "inject", usage: "inject FAULT …", summary: "practise: inject a fault into your own fleet"),
        CommandVerb(verb: "pause", usage: "pause", summary: "pause the game"),
        CommandVerb(verb: "resume", usage: "resume", summary: "resume the game"),
        CommandVerb(verb: "speed", usage: "speed N", summary: "game speed: \(speedList)"),
        CommandVerb(verb: "mute", usage: "mute", summary: "turn the incident bell off or on"),
        CommandVerb(verb: "theme", usage: "theme NAME|FILE", summary: "switch colours (gameday themes list)"),
        CommandVerb(verb: "help", usage: "help", summary: "show keys and commands"),
        CommandVerb(verb: "quit", usage: "quit", summary: "leave the game"),
    ]

    static var speedList: String { TickScheduler.speeds.map(String.init).joined(separator: ", ") }

    public static var allVerbs: [String] { Command.verbs.map(\.verb) + consoleVerbs.map(\.verb) }

    /// Candidates for the word being typed at the end of `text`.
    public static func candidates(for text: String, world: World, themes: [String] = []) -> [String] {
        let endsWithSpace = text.last == " "
        var words = text.split(separator: " ").map(String.init)
        let partial = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        let options = words.first == "theme" && words.count == 1 ? themes : options(after: words, world: world)
        return options.filter { $0.hasPrefix(partial) }
    }

    /// Completes `text` as far as its candidates agree. Returns the new text and the candidates.
    public static func complete(_ text: String, world: World, themes: [String] = []) -> (text: String, candidates: [String]) {
        let found = candidates(for: text, world: world, themes: themes)
        guard !found.isEmpty else { return (text, []) }
        let base = text.last == " " || text.isEmpty ? text : String(text[..<(text.lastIndex(of: " ").map { text.index(after: $0) } ?? text.startIndex)])
        if found.count == 1 { return (base + found[0] + " ", found) }
        return (base + commonPrefix(found), found)
    }

    private static func options(after words: [String], world: World) -> [String] {
        let services = world.services.filter(\.spec.runsTasks).map(\.name)
        let incidents = world.openIncidents.map { "\($0.id)" }
        guard let verb = words.first else { return allVerbs }
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
        case "speed":
            return position == 1 ? TickScheduler.speeds.map(String.init) : []
        case "inject":
            return injectOptions(words: Array(words.dropFirst()), world: world)
        default:
            return []
        }
    }

    private static func injectOptions(words: [String], world: World) -> [String] {
        guard let verb = words.first else { return Fault.verbs.map(\.verb) }
        let all = world.services.map(\.name)
        let tasks = world.services.filter(\.spec.runsTasks).map(\.name)
        guard words.count == 1 else {
            if verb == "bad-deploy", words.count == 2, let service = world.service(named: words[1]) {
                return service.spec.versions.map(\.name)
            }
            return []
        }
        switch verb {
        case "crash", "kill", "leak", "bad-deploy", "stop", "cpu-hog", "disk-full": return tasks
        case "latency", "outage", "packet-loss", "throttle", "dns-failure", "cert-expiry": return all
        case "zone-outage", "noisy-neighbour": return (0..<world.zoneOutageUntil.count).map(ZoneName.format)
        default: return []
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
