/// A failure injected into the fleet, from the vocabulary of real
/// fault-injection tools (AWS FIS, Gremlin, LitmusChaos): see FIDELITY.md.
public enum Fault: Sendable, Hashable {
    /// `count` tasks' applications hang: still RUNNING, answering nothing,
    /// until two failed health checks get them replaced.
    case crashTasks(service: String, count: Int)
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

extension World {
    /// Checks an inject against this world without applying it.
    public func check(_ fault: Fault) throws(CommandError) {
        switch fault {
        case let .crashTasks(name, count):
            _ = try taskService(name)
            guard count >= 1 else { throw CommandError("crash needs at least 1 task, got \(count)") }
        case let .killTask(name), let .memoryLeak(name, _), let .stopTask(name), let .diskFull(name):
            _ = try taskService(name)
        case let .cpuHog(name, percent, seconds):
            _ = try taskService(name)
            try fraction(percent)
            try positive(seconds)
        case let .noisyNeighbour(zone, percent, seconds):
            guard zoneOutageUntil.indices.contains(zone) else {
                throw CommandError("unknown zone '\(ZoneName.format(zone))' (zones: \(ZoneName.all(count: zoneOutageUntil.count)))")
            }
            try fraction(percent)
            try positive(seconds)
        case let .packetLoss(name, percent, seconds):
            _ = try anyService(name)
            try fraction(percent)
            try positive(seconds)
        case let .throttle(name, rate, seconds):
            _ = try anyService(name)
            guard rate >= 0 else { throw CommandError("requests per second must be 0 or more, got \(Command.number(rate))") }
            try positive(seconds)
        case let .dnsFailure(name, seconds), let .certificateExpiry(name, seconds):
            _ = try anyService(name)
            try positive(seconds)
        case let .zoneOutage(zone, seconds):
            guard zoneOutageUntil.indices.contains(zone) else {
                throw CommandError("unknown zone '\(ZoneName.format(zone))' (zones: \(ZoneName.all(count: zoneOutageUntil.count)))")
            }
            try positive(seconds)
        case let .dependencyLatency(name, _, seconds), let .dependencyOutage(name, seconds):
            _ = try anyService(name)
            try positive(seconds)
        case let .trafficSpike(multiplier, seconds):
            guard multiplier > 0 && multiplier <= 100 else { throw CommandError("spike multiplier must be in 0…100, got \(multiplier)") }
            try positive(seconds)
        case let .badDeploy(name, version):
            let i = try taskService(name)
            guard services[i].version(named: version) != nil else { throw unknownVersion(version, service: i) }
        }
    }

    private func fraction(_ percent: Double) throws(CommandError) {
        guard percent > 0 && percent <= 100 else { throw CommandError("percent must be in 1…100, got \(Command.number(percent))") }
    }

    private func positive(_ seconds: Int) throws(CommandError) {
        guard seconds > 0 else { throw CommandError("duration must be positive, got \(seconds) s") }
    }

    mutating func inject(_ fault: Fault) {
        do throws(CommandError) { try check(fault) } catch {
            record(nil, .commandRejected(command: fault.text, reason: error.message))
            return
        }
        record(nil, .faultInjected(fault.text))
        switch fault {
        case let .crashTasks(name, count):
            let i = serviceIndex(named: name)!
            for _ in 0..<count {
                let candidates = services[i].tasks.indices.filter { services[i].tasks[$0].phase == .running && !services[i].tasks[$0].isHung }
                guard !candidates.isEmpty else { break }
                services[i].tasks[candidates[rng.nextInt(below: candidates.count)]].isHung = true
            }
        case let .killTask(name):
            let i = serviceIndex(named: name)!
            let candidates = services[i].tasks.indices.filter { services[i].tasks[$0].phase == .running }
            if !candidates.isEmpty {
                stopTask(service: i, at: candidates[rng.nextInt(below: candidates.count)], reason: .killed, immediately: true)
            }
        case let .zoneOutage(zone, seconds):
            zoneOutageUntil[zone] = max(zoneOutageUntil[zone], tick + seconds)
            for i in services.indices {
                while let j = services[i].tasks.firstIndex(where: { $0.zone == zone }) {
                    stopTask(service: i, at: j, reason: .zoneOutage, immediately: true)
                }
            }
        case let .dependencyLatency(name, addedMs, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.addedLatencyMs = addedMs
            services[i].faults.latencyUntil = tick + seconds
        case let .dependencyOutage(name, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.outageUntil = tick + seconds
        case let .trafficSpike(multiplier, seconds):
            injectedSpikes.append(TrafficSpike(startTick: tick, durationSeconds: seconds, multiplier: multiplier))
        case let .badDeploy(name, version):
            let i = serviceIndex(named: name)!
            startDeployment(service: i, versionIndex: services[i].version(named: version)!)
        case let .memoryLeak(name, rate):
            let i = serviceIndex(named: name)!
            for j in services[i].tasks.indices where services[i].tasks[j].phase == .running {
                services[i].tasks[j].leakMiBPerMinute += rate
            }
        case let .stopTask(name):
            let i = serviceIndex(named: name)!
            let candidates = services[i].tasks.indices.filter { services[i].tasks[$0].phase == .running }
            if !candidates.isEmpty {
                stopTask(service: i, at: candidates[rng.nextInt(below: candidates.count)], reason: .stoppedByUser, immediately: false)
            }
        case let .cpuHog(name, percent, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.capacityFactor = 1 - percent / 100
            services[i].faults.capacityUntil = tick + seconds
        case let .noisyNeighbour(zone, percent, seconds):
            zoneSlowdown[zone] = 1 - percent / 100
            zoneSlowdownUntil[zone] = tick + seconds
        case let .packetLoss(name, percent, seconds):
            setCallFailure(name, rate: percent / 100, kind: .packetLoss, seconds: seconds)
        case let .dnsFailure(name, seconds):
            setCallFailure(name, rate: 1, kind: .dns, seconds: seconds)
        case let .certificateExpiry(name, seconds):
            setCallFailure(name, rate: 1, kind: .certificate, seconds: seconds)
        case let .throttle(name, rate, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.throttleRequestsPerSecond = rate
            services[i].faults.throttleUntil = tick + seconds
        case let .diskFull(name):
            let i = serviceIndex(named: name)!
            for j in services[i].tasks.indices where services[i].tasks[j].phase == .running {
                services[i].tasks[j].isDiskFull = true
            }
        }
    }

    private mutating func setCallFailure(_ name: String, rate: Double, kind: CallFailure, seconds: Int) {
        let i = serviceIndex(named: name)!
        services[i].faults.callFailureRate = rate
        services[i].faults.callFailure = kind
        services[i].faults.callFailureUntil = tick + seconds
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
