/// Task lifecycle: launch with Availability-Zone spread, the start-up phases
/// (PROVISIONING → PENDING → RUNNING), crash-on-start, memory growth to OOM,
/// and stopping, with the exit code and reason ECS reports.
extension World {
    /// Launches one task of the deployment the scheduler is rolling toward.
    /// `warm` starts it already in service (used to build the opening fleet).
    /// Returns false when every zone is impaired.
    @discardableResult
    mutating func launchTask(service i: Int, deployment: Deployment? = nil, warm: Bool = false) -> Bool {
        guard let deployment = deployment ?? services[i].primary, let zone = placementZone(service: i) else { return false }
        let spec = services[i].spec
        var task = FleetTask(
            id: nextTaskID, deploymentID: deployment.id, versionIndex: deployment.versionIndex, zone: zone,
            phase: warm ? .running : .provisioning, phaseSince: tick, target: warm ? .healthy : .unused,
            consecutivePasses: 0, consecutiveFailures: 0, nextCheckTick: 0,
            memoryUsedMiB: Double(spec.memoryMiB) * Self.baselineMemoryFraction, stopReason: nil,
            hasBeenInService: warm)
        if warm {
            // Stagger checks so targets are not all probed in the same second.
            task.nextCheckTick = tick + 1 + (nextTaskID % spec.healthCheck.intervalSeconds)
        }
        nextTaskID += 1
        services[i].tasks.append(task)
        return true
    }

    /// The share of its memory limit a fresh task uses.
    static let baselineMemoryFraction = 0.4

    /// ECS's default spread: the healthy zone with the fewest of this service's tasks.
    func placementZone(service i: Int) -> Int? {
        var counts = Array(repeating: 0, count: zoneOutageUntil.count)
        for task in services[i].tasks where task.phase != .draining { counts[task.zone] += 1 }
        var best: Int?
        for zone in counts.indices where tick >= zoneOutageUntil[zone] {
            if best == nil || counts[zone] < counts[best!] { best = zone }
        }
        return best
    }

    /// Moves every task of service `i` one second along its lifecycle.
    mutating func advanceTasks(service i: Int) {
        let spec = services[i].spec
        var started = 0, registered = 0
        var j = 0
        while j < services[i].tasks.count {
            let task = services[i].tasks[j]
            let age = tick - task.phaseSince
            let version = spec.versions[task.versionIndex]
            switch task.phase {
            case .provisioning where age >= spec.lifecycle.provisioningSeconds:
                services[i].tasks[j].phase = .pending
                services[i].tasks[j].phaseSince = tick
            case .pending where age >= spec.lifecycle.pendingSeconds:
                services[i].tasks[j].phase = .running
                services[i].tasks[j].phaseSince = tick
                services[i].tasks[j].target = .initial
                services[i].tasks[j].nextCheckTick = tick + spec.healthCheck.intervalSeconds
                started += 1
                if spec.isLoadBalanced { registered += 1 }
            case .running:
                if version.crashesOnStart && age >= spec.lifecycle.crashAfterStartSeconds {
                    stopTask(service: i, at: j, reason: .essentialContainerExited, immediately: true)
                    continue
                }
                let leak = version.memoryLeakMiBPerMinute + task.leakMiBPerMinute
                if leak > 0 {
                    services[i].tasks[j].memoryUsedMiB += leak / 60
                    if services[i].tasks[j].memoryUsedMiB >= Double(spec.memoryMiB) {
                        stopTask(service: i, at: j, reason: .outOfMemory, immediately: true)
                        continue
                    }
                }
                if !spec.isLoadBalanced && task.target == .initial && age >= spec.healthCheck.unbalancedGraceSeconds {
                    markInService(service: i, at: j)
                }
            case .draining where tick >= task.drainEndsAt:
                finishStopping(service: i, at: j)
                continue
            default:
                break
            }
            j += 1
        }
        if started > 0 { record(spec.name, .tasksStarted(count: started, version: services[i].currentVersion.name)) }
        if registered > 0 { record(spec.name, .targetsRegistered(count: registered)) }
    }

    mutating func markInService(service i: Int, at j: Int) {
        services[i].tasks[j].target = .healthy
        services[i].tasks[j].hasBeenInService = true
        services[i].launchFailureStreak = 0
    }

    /// Begins stopping task `j`. Behind a load balancer an orderly stop drains
    /// for the deregistration delay first; a crash, kill or OOM stops at once.
    /// A task that fails before it ever served counts against the scheduler's
    /// back-off and its deployment's circuit breaker.
    mutating func stopTask(service i: Int, at j: Int, reason: StopReason, immediately: Bool) {
        let task = services[i].tasks[j]
        guard immediately || task.phase != .draining else { return }
        if reason.isFailure && !task.hasBeenInService {
            countLaunchFailure(service: i, deploymentID: task.deploymentID)
        }
        let drains = !immediately && services[i].spec.isLoadBalanced && task.phase == .running
        if drains {
            services[i].tasks[j].drainEndsAt = tick + drainSeconds(service: i, task: task)
            services[i].tasks[j].phase = .draining
            services[i].tasks[j].phaseSince = tick
            services[i].tasks[j].target = .draining
            services[i].tasks[j].stopReason = reason
            record(services[i].name, .targetsDeregistered(count: 1))
        } else {
            services[i].tasks[j].stopReason = reason
            finishStopping(service: i, at: j)
        }
    }

    /// How long a deregistering target drains. ELB waits the deregistration delay (300 s by
    /// default) for in-flight requests, but completes at once when a target has none left
    /// ("Target groups for your Application Load Balancers", deregistration delay): a target
    /// that got no traffic is done in a second, a serving one when its slowest requests
    /// finish, a hung one when its callers give up.
    func drainSeconds(service i: Int, task: FleetTask) -> Int {
        let spec = services[i].spec
        let delay = spec.healthCheck.deregistrationDelaySeconds
        guard task.target == .healthy || task.isHung else { return min(delay, 1) }
        let inFlightMs = task.isHung ? spec.timeoutMs : min(spec.timeoutMs, max(services[i].metrics.p99LatencyMs, spec.baseLatencyMs))
        return min(delay, max(1, Int((inFlightMs / 1_000).rounded(.up))))
    }

    /// Removes task `j` and keeps a record of it among the recently stopped.
    mutating func finishStopping(service i: Int, at j: Int) {
        let task = services[i].tasks.remove(at: j)
        let reason = task.stopReason ?? .stoppedByUser
        let stopped = StoppedTask(
            id: task.id, versionName: services[i].spec.versions[task.versionIndex].name, zone: task.zone,
            stoppedAt: tick, exitCode: Self.exitCode(for: reason), reason: reason)
        services[i].recentStops.append(stopped)
        if services[i].recentStops.count > Service.recentStopsKept { services[i].recentStops.removeFirst() }
        record(services[i].name, .taskStopped(taskID: task.id, reason: reason, exitCode: stopped.exitCode))
    }

    static func exitCode(for reason: StopReason) -> Int? {
        switch reason {
        case .essentialContainerExited: 1
        case .outOfMemory, .killed: 137
        case .failedHealthChecks: 143
        case .scaledIn, .replacedByDeployment, .stoppedByUser: 0
        case .zoneOutage: nil
        }
    }

    /// One more task failed before serving: lengthen the back-off and feed
    /// the circuit breaker of the deployment that launched it.
    mutating func countLaunchFailure(service i: Int, deploymentID: Int) {
        services[i].launchFailureStreak += 1
        let streak = services[i].launchFailureStreak
        if streak >= Self.backoffAfterFailures {
            let delay = min(Self.maxBackoffSeconds, Self.firstBackoffSeconds << min(10, streak - Self.backoffAfterFailures))
            services[i].nextLaunchTick = tick + delay
            record(services[i].name, .launchBackoff(seconds: delay))
        }
        if let d = services[i].deployments.firstIndex(where: { $0.id == deploymentID }) {
            services[i].deployments[d].failedTasks += 1
        }
    }

    /// Service throttle: after this many failures in a row, launches wait…
    static let backoffAfterFailures = 3
    /// …10 s, doubling with each further failure…
    static let firstBackoffSeconds = 10
    /// …up to 5 minutes.
    static let maxBackoffSeconds = 300
}
