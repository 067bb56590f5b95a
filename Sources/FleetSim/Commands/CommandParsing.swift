/// One verb of the command language: what to type and what it does.
/// The console's help overlay and tab completion read this table.
public struct CommandVerb: Sendable, Hashable {
    public var verb: String
    public var usage: String
    public var summary: String

    public init(verb: String, usage: String, summary: String) {
        self.verb = verb
        self.usage = usage
        self.summary = summary
    }
}

extension Command {
    public static let verbs: [CommandVerb] = [
        CommandVerb(verb: "scale", usage: "scale SERVICE COUNT", summary: "set the desired task count"),
        CommandVerb(verb: "autoscale", usage: "autoscale SERVICE on|off [metric cpu|requests] [target N] [min N] [max N]",
                    summary: "target-tracking auto scaling"),
        CommandVerb(verb: "deploy", usage: "deploy SERVICE VERSION", summary: "start a rolling deployment"),
        CommandVerb(verb: "rollback", usage: "rollback SERVICE", summary: "redeploy the last good version"),
        CommandVerb(verb: "restart", usage: "restart SERVICE", summary: "replace every task (force new deployment)"),
        CommandVerb(verb: "ack", usage: "ack INCIDENT", summary: "acknowledge an incident"),
        CommandVerb(verb: "resolve", usage: "resolve INCIDENT", summary: "resolve a mitigated incident"),
        CommandVerb(verb: "timeout", usage: "timeout SERVICE MS", summary: "how long callers wait for a service (fail fast)"),
    ]

    /// Reads a command as typed, e.g. `scale rentals 6` or `autoscale web on target 50`.
    public static func parse(_ text: String) throws(CommandError) -> Command {
        var words = Words(text)
        let verb = try words.next("a command (\(verbs.map(\.verb).joined(separator: ", ")))")
        let command: Command
        switch verb {
        case "scale":
            command = .scale(service: try words.next("SERVICE"), count: try words.int("COUNT"))
        case "autoscale":
            let service = try words.next("SERVICE")
            var change = AutoscaleChange()
            while let word = words.peek() {
                words.skip()
                switch word {
                case "on": change.enabled = true
                case "off": change.enabled = false
                case "metric":
                    let name = try words.next("cpu or requests")
                    guard let metric = ScalingMetric(rawValue: name) else {
                        throw CommandError("unknown metric '\(name)' (metrics: cpu, requests)")
                    }
                    change.metric = metric
                case "target": change.target = try words.double("target value")
                case "min": change.minCapacity = try words.int("min")
                case "max": change.maxCapacity = try words.int("max")
                default: throw CommandError("unexpected '\(word)' in autoscale (expected on, off, metric, target, min, max)")
                }
            }
            guard change != AutoscaleChange() else {
                throw CommandError("autoscale needs on, off or a setting: autoscale SERVICE on|off [metric cpu|requests] [target N] [min N] [max N]")
            }
            command = .autoscale(service: service, change: change)
        case "deploy":
            command = .deploy(service: try words.next("SERVICE"), version: try words.next("VERSION"))
        case "rollback":
            command = .rollback(service: try words.next("SERVICE"))
        case "restart":
            command = .restart(service: try words.next("SERVICE"))
        case "ack", "acknowledge":
            command = .acknowledge(incident: try words.incident())
        case "resolve":
            command = .resolve(incident: try words.incident())
        case "timeout":
            command = .timeout(service: try words.next("SERVICE"), milliseconds: try words.double("MS"))
        default:
            throw CommandError("unknown command '\(verb)' (commands: \(verbs.map(\.verb).joined(separator: ", ")))")
        }
        try words.end(verb)
        return command
    }
}

/// Splits a typed line into words and reads typed values from them.
struct Words {
    private var words: [Substring]
    private var index = 0

    init(_ text: String) { words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }) }

    func peek() -> String? { index < words.count ? String(words[index]) : nil }
    mutating func skip() { index += 1 }

    mutating func next(_ what: String) throws(CommandError) -> String {
        guard let word = peek() else { throw CommandError("missing \(what)") }
        index += 1
        return word
    }

    mutating func int(_ what: String) throws(CommandError) -> Int {
        let word = try next(what)
        guard let value = Int(word) else { throw CommandError("\(what) must be a whole number, got '\(word)'") }
        return value
    }

    mutating func double(_ what: String) throws(CommandError) -> Double {
        let word = try next(what)
        guard let value = Double(word), value.isFinite else { throw CommandError("\(what) must be a number, got '\(word)'") }
        return value
    }

    mutating func incident() throws(CommandError) -> Int {
        let word = try next("INCIDENT")
        let digits = word.hasPrefix("#") ? String(word.dropFirst()) : word
        guard let id = Int(digits) else { throw CommandError("INCIDENT must be a number such as 3 or #3, got '\(word)'") }
        return id
    }

    func end(_ verb: String) throws(CommandError) {
        if let extra = peek() { throw CommandError("unexpected '\(extra)' after \(verb)") }
    }
}
