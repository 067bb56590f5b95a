import FleetSim
import Scenarios

/// The team to beat: it reads the runbook (the scenario's known spikes) and
/// scales ahead of them, turns on target tracking, scales out at once when a
/// service runs hot, rolls back a deploy that brings errors, restarts leaking
/// services before the OOM kills, fails fast on a slow dependency, and works
/// its incidents. Deterministic; uses only the player's commands.
public struct ExpertBot: Bot {
    public let decisionIntervalSeconds = 10
    private var started = false
    private var baseline: [String: Int] = [:]
    private var lastScaled: [String: Int] = [:]
    private var lastAction: [String: Int] = [:]
    private var preparedSpikes: [Int] = []
    /// Known spikes as (start, end) ticks, from the scenario.
    private var spikeWindows: [(Int, Int)] = []
    /// Since when each service has been quiet.
    private var quietSince: [String: Int] = [:]
    public init() {}

    /// Utilisation above which the expert adds capacity without waiting for alarms.
    static let hot = 0.8
    /// Utilisation the expert sizes for.
    static let comfortable = 0.55
    /// The most the expert grows a service, as a multiple of its starting size.
    static let maxGrowth = 10

    public mutating func commands(observing world: World, scenario: Scenario) -> [Command] {
        var commands: [Command] = []
        let services = world.services.filter(\.spec.runsTasks)
        if !started {
            started = true
            for service in services {
                baseline[service.name] = service.desiredCount
                commands.append(.autoscale(service: service.name, change: AutoscaleChange(
                    enabled: true, metric: .cpu, target: 50, minCapacity: max(1, service.desiredCount), maxCapacity: World.maxTasksPerService / 4)))
            }
        }
        commands += prepareForSpikes(world, scenario: scenario)
        for service in services {
            let remedies = remedy(service, in: world)
            if !remedies.isEmpty { commands += remedies; lastAction[service.name] = world.tick }
        }
        commands += protectFromSlowDependencies(world)
        for incident in world.openIncidents {
            if incident.acknowledgedAt == nil { commands.append(.acknowledge(incident: incident.id)) }
            if incident.mitigatedAt != nil { commands.append(.resolve(incident: incident.id)) }
        }
        return commands
    }

    /// Scale every service ahead of a spike the scenario announces, four minutes early.
    private mutating func prepareForSpikes(_ world: World, scenario: Scenario) -> [Command] {
        var spikes = scenario.fleet.traffic.spikes
        for inject in scenario.timeline {
            if case let .trafficSpike(multiplier, seconds) = inject.fault {
                spikes.append(TrafficSpike(startTick: inject.tick, durationSeconds: seconds, multiplier: multiplier))
            }
        }
        spikeWindows = spikes.map { ($0.startTick, $0.endTick) }
        var commands: [Command] = []
        for spike in spikes where !preparedSpikes.contains(spike.startTick)
            && spike.startTick - world.tick <= 240 && spike.startTick > world.tick {
            preparedSpikes.append(spike.startTick)
            for service in world.services where service.spec.runsTasks && service.spec.role != .worker {
                let wanted = min((baseline[service.name] ?? 2) * Self.maxGrowth, Int((Double(service.desiredCount) * spike.multiplier * 0.85).rounded(.up)))
                if wanted > service.desiredCount {
                    // Raise the floor, not just the count: target tracking would scale a bare
                    // manual change back in after fifteen quiet minutes.
                    commands.append(Self.floor(service.name, wanted))
                    lastScaled[service.name] = world.tick
                }
            }
        }
        return commands
    }

    private mutating func remedy(_ service: Service, in world: World) -> [Command] {
        let name = service.name
        let m = service.metrics
        let recentlyActed = world.tick - (lastAction[name] ?? -10_000) < 120
        // A deployment that brings errors, or one the circuit breaker stopped: roll back.
        if let primary = service.primary, !recentlyActed, world.rollbackTarget(service: world.serviceIndex(named: name)!) != nil {
            let fresh = world.tick - primary.startedAt < 1_800
            let hurting = m.errorRate > 0.03 && !service.tasks.contains(where: \.isHung) && m.utilisation < 1
            if primary.rollout == .failed || (fresh && hurting && !primary.isRollback) { return [.rollback(service: name)] }
        }
        // Memory climbing toward the OOM killer: replace the tasks first.
        let leaking = service.tasks.contains { $0.phase == .running && $0.memoryUsedMiB / Double(service.spec.memoryMiB) > 0.75 }
        if leaking && !service.isDeploying && !recentlyActed { return [.restart(service: name)] }
        let sinceScaled = world.tick - (lastScaled[name] ?? -10_000)
        let ceiling = max(4, (baseline[name] ?? 2) * Self.maxGrowth)
        // Running hot: add capacity now rather than after three minutes of alarms.
        if m.utilisation > Self.hot && sinceScaled >= 90 {
            let wanted = min(ceiling, Int((Double(max(service.desiredCount, 1)) * m.utilisation / Self.comfortable).rounded(.up)))
            if wanted > service.desiredCount {
                lastScaled[name] = world.tick
                return [Self.floor(name, wanted)]
            }
        }
        // Quiet for five minutes and no spike due: give back capacity, down to the starting size.
        let floor = baseline[name] ?? 1
        if m.utilisation >= 0.3 { quietSince[name] = nil } else if quietSince[name] == nil { quietSince[name] = world.tick }
        let spikeNear = spikeWindows.contains { world.tick >= $0.0 - 300 && world.tick < $0.1 + 60 }
        let quiet = world.tick - (quietSince[name] ?? world.tick) >= 300
        if quiet && !spikeNear && service.desiredCount > floor && sinceScaled >= 300 && service.inServiceCount >= service.desiredCount {
            let wanted = max(floor, Int((Double(service.desiredCount) * m.utilisation / Self.comfortable).rounded(.up)))
            if wanted < service.desiredCount {
                lastScaled[name] = world.tick
                return [.autoscale(service: name, change: AutoscaleChange(minCapacity: floor)), .scale(service: name, count: wanted)]
            }
        }
        return []
    }

    /// Target tracking with its minimum (and so the desired count) at `count`.
    static func floor(_ service: String, _ count: Int) -> Command {
        .autoscale(service: service, change: AutoscaleChange(enabled: true, minCapacity: count, maxCapacity: max(count, World.maxTasksPerService / 4)))
    }

    /// A dependency slower than a second: stop waiting for it so callers keep their threads.
    private mutating func protectFromSlowDependencies(_ world: World) -> [Command] {
        var commands: [Command] = []
        for (i, service) in world.services.enumerated() {
            let callers = world.topology.syncCalls.enumerated().filter { $0.element.contains { $0.callee == i } }
            guard !callers.isEmpty else { continue }
            // Slow without being busy (the trouble is outside), and starving a caller's threads:
            // failing those calls fast saves the caller's other requests.
            let starving = callers.contains { world.services[$0.offset].metrics.utilisation > 1 }
            let slow = service.metrics.p99LatencyMs > 1_500 && service.metrics.utilisation < 0.8 && starving
            if slow && service.spec.timeoutMs > 1_200 && world.tick - (lastAction["timeout-" + service.name] ?? -10_000) > 60 {
                lastAction["timeout-" + service.name] = world.tick
                commands.append(.timeout(service: service.name, milliseconds: 1_000))
            }
        }
        return commands
    }
}
