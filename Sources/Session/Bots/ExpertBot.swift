import FleetSim
import Scenarios

/// The team to beat, playing honestly: it knows only what a player knows —
/// the briefing's announcements and what the screen shows — never the
/// hidden timeline. It turns on target tracking, raises floors ahead of an
/// announced spike, scales out at once when a service runs hot, keeps the
/// order queue within its SLA, rolls back a deploy that brings errors,
/// restarts leaking services before the OOM kills, fails fast on a slow
/// dependency, gives capacity back when quiet, and works its incidents.
public struct ExpertBot: Bot {
    public let decisionIntervalSeconds = 10
    private var started = false
    private var baseline: [String: Int] = [:]
    private var lastScaled: [String: Int] = [:]
    private var lastAction: [String: Int] = [:]
    private var preparedFor: [Int] = []
    /// Since when each service has been quiet.
    private var quietSince: [String: Int] = [:]
    public init() {}

    /// Utilisation above which the expert adds capacity without waiting for alarms.
    static let hot = 0.8
    /// Utilisation the expert sizes for.
    static let comfortable = 0.55
    /// The most the expert grows a service, as a multiple of its starting size.
    static let maxGrowth = 12

    public mutating func commands(observing view: FleetView) -> [Command] {
        var commands: [Command] = []
        let services = view.services.filter(\.runsTasks)
        if !started {
            started = true
            for service in services {
                baseline[service.name] = service.desired
                commands.append(.autoscale(service: service.name, change: AutoscaleChange(
                    enabled: true, metric: .cpu, target: 50, minCapacity: max(1, service.desired), maxCapacity: World.maxTasksPerService / 4)))
            }
        }
        commands += prepareForAnnouncedSpikes(view)
        for service in services {
            let remedies = remedy(service, in: view)
            if !remedies.isEmpty { commands += remedies; lastAction[service.name] = view.tick }
        }
        commands += keepOrdersMoving(view)
        commands += failFast(view)
        return commands + IncidentDuty.commands(view)
    }

    /// Raise every service's floor ahead of a spike the briefing announced, four minutes
    /// before its earliest start, sized for the top of its announced range.
    private mutating func prepareForAnnouncedSpikes(_ view: FleetView) -> [Command] {
        var commands: [Command] = []
        for announcement in view.announcements {
            guard case let .spike(multiplier, _) = announcement.event, !preparedFor.contains(announcement.at) else { continue }
            let earliest = announcement.at - announcement.give
            guard earliest - view.tick <= 240, announcement.at + announcement.give > view.tick else { continue }
            preparedFor.append(announcement.at)
            for service in view.services where service.runsTasks {
                let ceiling = (baseline[service.name] ?? 2) * Self.maxGrowth
                let wanted = min(ceiling, Int((Double(service.desired) * multiplier.upperBound * 0.8).rounded(.up)))
                if wanted > service.desired {
                    // Raise the floor, not just the count: target tracking would scale a bare
                    // manual change back in after fifteen quiet minutes.
                    commands.append(Self.floor(service.name, wanted))
                    lastScaled[service.name] = view.tick
                }
            }
        }
        return commands
    }

    /// Whether an announced spike is near or surely still on: capacity is not given back
    /// then. Past its shortest announced length, the quiet the screen shows decides.
    private func spikeNear(_ view: FleetView) -> Bool {
        view.announcements.contains { announcement in
            guard case let .spike(_, seconds) = announcement.event else { return false }
            return view.tick >= announcement.at - announcement.give - 300
                && view.tick < announcement.at + announcement.give + seconds.lowerBound
        }
    }

    private mutating func remedy(_ service: FleetView.ServiceView, in view: FleetView) -> [Command] {
        let name = service.name
        let recentlyActed = view.tick - (lastAction[name] ?? -10_000) < 120
        // A deployment that brings errors, or one the circuit breaker stopped: roll back.
        if let deployment = service.deployment, !recentlyActed, service.canRollBack {
            let fresh = view.tick - deployment.startedAt < 1_800
            let hurting = service.errorRate > 0.03 && service.failingChecks == 0 && service.utilisation < 1
            if deployment.rollout == .failed || (fresh && hurting && !deployment.isRollback) { return [.rollback(service: name)] }
        }
        // Memory climbing toward the OOM killer, or CPU busy with something other than
        // requests (a runaway process, "CPU saturated by process" in the logs): fresh tasks fix both.
        let deploying = service.deployment?.rollout == .inProgress
        let runaway = service.cpuPercent - min(100, service.utilisation * 100) > 30
        if (service.maxMemoryPercent > 75 || runaway) && !deploying && !recentlyActed { return [.restart(service: name)] }
        if runaway { return [] }
        guard service.role != .worker else { return [] }
        let sinceScaled = view.tick - (lastScaled[name] ?? -10_000)
        let ceiling = max(4, (baseline[name] ?? 2) * Self.maxGrowth)
        // Running hot: add capacity now rather than after three minutes of alarms, sized for the
        // load it sees, counting the tasks already on their way (they need minutes to serve).
        if service.busy > Self.hot && sinceScaled >= 90 {
            let wanted = min(ceiling, Self.tasks(for: service))
            if wanted > service.desired {
                lastScaled[name] = view.tick
                return [Self.floor(name, wanted)]
            }
        }
        return giveBack(service, in: view, sinceScaled: sinceScaled)
    }

    /// Tasks that carry the service's load at a comfortable utilisation (more when its CPU says
    /// each task does less than nominal).
    static func tasks(for service: FleetView.ServiceView) -> Int {
        let load = service.requestsPerSecond * max(1, service.busy / max(0.01, service.utilisation))
        return max(1, Int((load / (service.capacityPerTask * comfortable)).rounded(.up)))
    }

    /// Quiet for five minutes and no announced spike near: give back capacity, down to the starting size.
    private mutating func giveBack(_ service: FleetView.ServiceView, in view: FleetView, sinceScaled: Int) -> [Command] {
        let name = service.name
        let floor = baseline[name] ?? 1
        if service.busy >= 0.3 { quietSince[name] = nil } else if quietSince[name] == nil { quietSince[name] = view.tick }
        let quiet = view.tick - (quietSince[name] ?? view.tick) >= 180
        guard quiet, !spikeNear(view), service.desired > floor, sinceScaled >= 180, service.inService >= service.desired else { return [] }
        let wanted = max(floor, Self.tasks(for: service))
        guard wanted < service.desired else { return [] }
        lastScaled[name] = view.tick
        return [.autoscale(service: name, change: AutoscaleChange(minCapacity: floor)), .scale(service: name, count: wanted)]
    }

    /// Size each queue's workers for what arrives plus the backlog within a few minutes,
    /// so orders finish within their SLA.
    private mutating func keepOrdersMoving(_ view: FleetView) -> [Command] {
        var commands: [Command] = []
        for queue in view.queues {
            guard let name = queue.consumer, let worker = view.service(named: name), worker.capacityPerTask > 0 else { continue }
            let sinceScaled = view.tick - (lastScaled[name] ?? -10_000)
            guard sinceScaled >= 120 else { continue }
            let arriving = Double(queue.sentLastMinute) / 60
            let drain = Double(queue.backlog) / Double(max(60, view.scoring.orderSLASeconds - 120))
            let floor = baseline[name] ?? 1
            let wanted = max(floor, Int(((arriving + drain) / (worker.capacityPerTask * 0.7)).rounded(.up)))
            let ceiling = max(4, floor * Self.maxGrowth)
            let target = min(ceiling, wanted)
            let lowerFloor = target < worker.desired && worker.autoscaling.minCapacity > target && queue.backlog == 0 && !spikeNear(view)
            if target > worker.desired || lowerFloor {
                lastScaled[name] = view.tick
                commands.append(target > worker.desired ? Self.floor(name, target)
                                : .autoscale(service: name, change: AutoscaleChange(minCapacity: target)))
            }
        }
        return commands
    }

    /// Every service that waits on `name`, directly or through others (the architecture diagram).
    static func callers(of name: String, in view: FleetView) -> [FleetView.ServiceView] {
        var found: [FleetView.ServiceView] = []
        var frontier = [name]
        while let next = frontier.popLast() {
            for caller in view.services where caller.calls.contains(next) && !found.contains(where: { $0.name == caller.name }) {
                found.append(caller)
                frontier.append(caller.name)
            }
        }
        return found
    }

    /// Target tracking with its minimum (and so the desired count) at `count`.
    static func floor(_ service: String, _ count: Int) -> Command {
        .autoscale(service: service, change: AutoscaleChange(enabled: true, minCapacity: count, maxCapacity: max(count, World.maxTasksPerService / 4)))
    }

    /// A dependency slower than a second and a half while its callers fail with idle CPUs
    /// (their threads are all waiting: "callers' CPU low yet errors high"): stop waiting
    /// for it so the callers keep their threads for other requests. A slow dependency that
    /// starves nobody is left alone: failing its calls would only lose them.
    private mutating func failFast(_ view: FleetView) -> [Command] {
        var commands: [Command] = []
        for service in view.services {
            let callers = Self.callers(of: service.name, in: view)
            guard !callers.isEmpty else { continue }
            let suffering = callers.contains { $0.errorRate > 0.05 && $0.cpuPercent < 70 }
            // The source of the slowness, not a caller slowed by it: slow while everything it calls is fast.
            let callsSomethingSlow = service.calls.contains { (view.service(named: $0)?.p99Ms ?? 0) > 1_500 }
            // Busy services are slow because they are busy: that wants tasks, not a timeout.
            let slowItself = service.p99Ms > 1_500 && !callsSomethingSlow && (!service.runsTasks || service.busy < 0.7)
            let key = "timeout-" + service.name
            if slowItself && suffering && service.timeoutMs > 1_200 && view.tick - (lastAction[key] ?? -10_000) > 60 {
                lastAction[key] = view.tick
                commands.append(.timeout(service: service.name, milliseconds: 1_000))
            }
        }
        return commands
    }
}
