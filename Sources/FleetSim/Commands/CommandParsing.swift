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

extension Fault {
    public static let verbs: [CommandVerb] = [
        CommandVerb(verb: "crash", usage: "crash SERVICE COUNT", summary: "hang COUNT tasks until health checks replace them"),
        CommandVerb(verb: "kill", usage: "kill SERVICE", summary: "SIGKILL one task"),
        CommandVerb(verb: "zone-outage", usage: "zone-outage ZONE SECONDS", summary: "stop every task in an Availability Zone"),
        CommandVerb(verb: "latency", usage: "latency SERVICE MS SECONDS", summary: "slow every call to a service"),
        CommandVerb(verb: "outage", usage: "outage SERVICE SECONDS", summary: "a service refuses every call"),
        CommandVerb(verb: "spike", usage: "spike MULTIPLIER SECONDS", summary: "multiply customer traffic"),
        CommandVerb(verb: "bad-deploy", usage: "bad-deploy SERVICE VERSION", summary: "a teammate deploys a version"),
        CommandVerb(verb: "leak", usage: "leak SERVICE MIB_PER_MINUTE", summary: "running tasks leak memory until OOM"),
        CommandVerb(verb: "stop", usage: "stop SERVICE", summary: "stop one task (StopTask)"),
        CommandVerb(verb: "cpu-hog", usage: "cpu-hog SERVICE PERCENT SECONDS", summary: "a runaway process eats task CPU"),
        CommandVerb(verb: "noisy-neighbour", usage: "noisy-neighbour ZONE PERCENT SECONDS", summary: "tasks in a zone lose CPU"),
        CommandVerb(verb: "packet-loss", usage: "packet-loss SERVICE PERCENT SECONDS", summary: "calls to a service are lost"),
        CommandVerb(verb: "throttle", usage: "throttle SERVICE REQ_PER_SEC SECONDS", summary: "a service answers 429 above a rate"),
        CommandVerb(verb: "dns-failure", usage: "dns-failure SERVICE SECONDS", summary: "a service's name stops resolving"),
        CommandVerb(verb: "cert-expiry", usage: "cert-expiry SERVICE SECONDS", summary: "a certificate or credentials expire"),
        CommandVerb(verb: "disk-full", usage: "disk-full SERVICE", summary: "running tasks' disks fill up"),
    ]

    /// Reads an inject as typed, e.g. `spike 8 600` or `latency payment-provider 2000 300`.
    public static func parse(_ text: String) throws(CommandError) -> Fault {
        var words = Words(text)
        let verb = try words.next("a fault (\(verbs.map(\.verb).joined(separator: ", ")))")
        let fault: Fault
        switch verb {
        case "crash": fault = .crashTasks(service: try words.next("SERVICE"), count: try words.int("COUNT"))
        case "kill": fault = .killTask(service: try words.next("SERVICE"))
        case "zone-outage":
            let name = try words.next("ZONE")
            guard let zone = ZoneName.parse(name) else { throw CommandError("zone must be a letter such as a, b or c, got '\(name)'") }
            fault = .zoneOutage(zone: zone, seconds: try words.int("SECONDS"))
        case "latency":
            fault = .dependencyLatency(service: try words.next("SERVICE"), addedMs: try words.double("MS"), seconds: try words.int("SECONDS"))
        case "outage": fault = .dependencyOutage(service: try words.next("SERVICE"), seconds: try words.int("SECONDS"))
        case "spike": fault = .trafficSpike(multiplier: try words.double("MULTIPLIER"), seconds: try words.int("SECONDS"))
        case "bad-deploy": fault = .badDeploy(service: try words.next("SERVICE"), version: try words.next("VERSION"))
        case "leak": fault = .memoryLeak(service: try words.next("SERVICE"), mibPerMinute: try words.double("MIB_PER_MINUTE"))
        case "stop": fault = .stopTask(service: try words.next("SERVICE"))
        case "cpu-hog":
            fault = .cpuHog(service: try words.next("SERVICE"), percent: try words.double("PERCENT"), seconds: try words.int("SECONDS"))
        case "noisy-neighbour":
            let name = try words.next("ZONE")
            guard let zone = ZoneName.parse(name) else { throw CommandError("zone must be a letter such as a, b or c, got '\(name)'") }
            fault = .noisyNeighbour(zone: zone, percent: try words.double("PERCENT"), seconds: try words.int("SECONDS"))
        case "packet-loss":
            fault = .packetLoss(service: try words.next("SERVICE"), percent: try words.double("PERCENT"), seconds: try words.int("SECONDS"))
        case "throttle":
            fault = .throttle(service: try words.next("SERVICE"), requestsPerSecond: try words.double("REQ_PER_SEC"), seconds: try words.int("SECONDS"))
        case "dns-failure": fault = .dnsFailure(service: try words.next("SERVICE"), seconds: try words.int("SECONDS"))
        case "cert-expiry": fault = .certificateExpiry(service: try words.next("SERVICE"), seconds: try words.int("SECONDS"))
        case "disk-full": fault = .diskFull(service: try words.next("SERVICE"))
        default: throw CommandError("unknown fault '\(verb)' (faults: \(verbs.map(\.verb).joined(separator: ", ")))")
        }
        try words.end(verb)
        return fault
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
