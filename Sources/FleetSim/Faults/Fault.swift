/// A failure injected into the fleet, from the vocabulary of real
/// fault-injection tools (AWS FIS, Gremlin, LitmusChaos): see FIDELITY.md.
/// Everything about a fault but its effect — its name, parameters, text
/// form, catalogue entry and difficulty scaling — is declared once, in its
/// `FaultKind` (`FaultKinds.swift`); its effect is in `FaultEffects.swift`.
public enum Fault: Sendable, Hashable {
    /// `count` tasks' applications hang: still RUNNING, answering nothing,
    /// until two failed health checks get them replaced.
    case hangTasks(service: String, count: Int)
    /// One task's container is killed (SIGKILL, exit 137) and stops at once.
    case killTask(service: String)
    /// Every task in the zone stops; nothing can be placed there until it recovers.
    case zoneOutage(zone: Int, seconds: Int)
    /// Calls to the service take `addedMs` longer (e.g. a slow payment provider).
    case dependencyLatency(service: String, addedMs: Double, seconds: Int)
    /// The service refuses every call.
    case dependencyOutage(service: String, seconds: Int)
    /// Customer traffic multiplied, ramping over a minute.
    case trafficSpike(multiplier: Double, seconds: Int)
    /// A teammate deploys `version` (the scenario defines how it misbehaves).
    case badDeploy(service: String, version: String)
    /// Every running task of the service starts leaking memory.
    case memoryLeak(service: String, mibPerMinute: Double)
    /// One task is stopped (ECS StopTask: SIGTERM, drained, replaced).
    case stopTask(service: String)
    /// A runaway process takes `percent` of every task's CPU.
    case cpuHog(service: String, percent: Double, seconds: Int)
    /// Tasks in one zone lose `percent` of their CPU to a noisy neighbour.
    case noisyNeighbour(zone: Int, percent: Double, seconds: Int)
    /// `percent` of packets to the service are lost: calls fail or retry.
    case packetLoss(service: String, percent: Double, seconds: Int)
    /// The service answers 429 Too Many Requests above `requestsPerSecond`.
    case throttle(service: String, requestsPerSecond: Double, seconds: Int)
    /// The service's name does not resolve: every call fails at once.
    case dnsFailure(service: String, seconds: Int)
    /// The service's certificate (or the credentials to call it) expired.
    case certificateExpiry(service: String, seconds: Int)
    /// The disks of the service's running tasks fill up: writes fail.
    case diskFull(service: String)
}

/// A fault scheduled at a tick (a scenario timeline entry or a facilitator's inject).
public struct Inject: Sendable, Hashable {
    public var tick: Int
    public var fault: Fault

    public init(tick: Int, fault: Fault) {
        self.tick = tick
        self.fault = fault
    }
}

/// Availability Zones are shown as letters, as in us-east-1a.
public enum ZoneName {
    public static func format(_ zone: Int) -> String {
        zone >= 0 && zone < 26 ? String(UnicodeScalar(UInt8(97 + zone))) : "\(zone)"
    }

    public static func parse(_ text: String) -> Int? {
        guard text.count == 1, let ascii = text.unicodeScalars.first?.value, ascii >= 97, ascii < 123 else { return nil }
        return Int(ascii) - 97
    }

    static func all(count: Int) -> String { (0..<count).map(format).joined(separator: ", ") }
}
