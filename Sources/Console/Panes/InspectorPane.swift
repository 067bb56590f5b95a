import FleetSim
import ScreenKit

/// Why the selected service has not healed yet: live timers for every task
/// on its way in or out, the deployment and its circuit breaker, back-off,
/// cooldowns, and the AWS settings in force.
enum InspectorPane {
    struct Line {
        var text: String
        var role: Role
    }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let name = context.state.selectedService
        buffer.box(rect, title: "Inspector: \(name)", glyphs: context.glyphs, focused: context.isFocused(.inspector))
        let inner = rect.inner
        guard let index = context.selectedServiceIndex else { return }
        drawWrapped(lines(service: index, world: context.world, gameSeconds: context.match.durationSeconds), into: &buffer, rect: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height))
    }

    /// Draws lines wrapped to the width, continuation lines indented.
    static func drawWrapped(_ lines: [Line], into buffer: inout CellBuffer, rect: Rect) {
        var y = rect.y
        for line in lines {
            for (n, part) in Format.wrap(line.text, width: max(1, rect.width - 3)).enumerated() where y < rect.maxY {
                buffer.put(n == 0 ? part : "  " + part, x: rect.x, y: y, role: line.role, limit: rect.width)
                y += 1
            }
        }
    }

    static func lines(service i: Int, world: World, gameSeconds: Int) -> [Line] {
        let service = world.services[i]
        let spec = service.spec
        var out: [Line] = []
        func add(_ text: String, _ role: Role = .text) { out.append(Line(text: text, role: role)) }
        if spec.role == .external {
            add("third-party dependency: \(Format.fixed(spec.externalCapacity, 0)) req/s, \(Format.latency(spec.baseLatencyMs)) typical")
            if service.faults.isOutage(at: world.tick) {
                add("OUTAGE: refusing calls for \(Format.duration(service.faults.outageUntil - world.tick)) more", .critical)
            }
            let added = service.faults.addedLatency(at: world.tick)
            if added > 0 {
                add("SLOW: +\(Format.latency(added)) for \(Format.duration(service.faults.latencyUntil - world.tick)) more", .warning)
            }
            throttleLine(service, world: world).map { add($0, .warning) }
            add("callers time out after \(Format.latency(spec.timeoutMs)): decouple or protect them", .dim)
            return out
        }
        add("desired \(service.desiredCount) · running \(service.runningCount) · starting \(service.startingCount) · in service \(service.inServiceCount)",
            service.inServiceCount < service.desiredCount ? .warning : .ok)
        cpuLine(service).map { add($0, .dim) }
        throttleLine(service, world: world).map { add($0, .warning) }
        let hc = spec.healthCheck
        for task in service.tasks {
            let id = "task \(TaskID.format(task.id))"
            switch task.phase {
            case .provisioning, .pending:
                let toRunning = spec.lifecycle.provisioningSeconds + spec.lifecycle.pendingSeconds
                    - (world.tick - task.phaseSince) - (task.phase == .pending ? spec.lifecycle.provisioningSeconds : 0)
                let after = spec.isLoadBalanced ? ", then \(hc.healthyThreshold) checks ≈ \(hc.secondsToHealthy)s" : ""
                add("\(id) \(task.phase.label): running in ≈\(max(0, toRunning))s\(after)", .info)
            case .running where task.isHung:
                add("\(id) not responding: \(task.consecutiveFailures) of \(hc.unhealthyThreshold) failed checks, next in \(task.nextCheckTick - world.tick)s", .critical)
            case .running where task.target == .initial && spec.isLoadBalanced:
                let remaining = hc.healthyThreshold - task.consecutivePasses
                let eta = task.nextCheckTick - world.tick + (remaining - 1) * hc.intervalSeconds
                add("\(id) in service after \(remaining) more passing check\(remaining == 1 ? "" : "s") ≈ \(max(0, eta))s", .info)
            case .running where task.target == .initial:
                add("\(id) healthy after the \(hc.unbalancedGraceSeconds)s grace, \(hc.unbalancedGraceSeconds - (world.tick - task.phaseSince))s left", .info)
            case .running where task.consecutiveFailures > 0:
                add("\(id) failing checks: \(task.consecutiveFailures) of \(hc.unhealthyThreshold)", .warning)
            case .running:
                let memory = task.memoryUsedMiB / Double(spec.memoryMiB)
                if memory > 0.7 {
                    add("\(id) memory \(Format.percent(memory)) of \(spec.memoryMiB) MiB: OOM kill at 100%", memory > 0.85 ? .critical : .warning)
                }
            case .draining:
                let left = hc.deregistrationDelaySeconds - (world.tick - task.phaseSince)
                add("\(id) draining (\(task.stopReason?.text ?? "stopping")): stops in \(max(0, left))s", .dim)
            }
        }
        if let primary = service.primary, primary.rollout != .completed {
            let version = spec.versions[primary.versionIndex].name
            let newInService = service.tasks.filter { $0.deploymentID == primary.id && $0.isInService }.count
            if primary.rollout == .failed {
                add("deployment \(version) FAILED: the circuit breaker tripped at \(primary.failedTasks) failed tasks (threshold \(primary.failureThreshold)); "
                    + "tasks still run \(service.runningVersion.name): deploy or roll back to move on", .critical)
            } else {
                add("deployment \(version) \(primary.rollout.label): \(newInService) of \(service.desiredCount) new tasks in service", .info)
                if spec.deployment.circuitBreakerEnabled {
                    add("circuit breaker: \(primary.failedTasks) of \(primary.failureThreshold) failed tasks trip it (half the desired count at the start, 3 to 200)"
                        + (spec.deployment.rollbackOnFailure ? "; rollback on" : "; rollback off"),
                        primary.failedTasks > 0 ? .warning : .dim)
                }
            }
        }
        if service.nextLaunchTick > world.tick {
            add("launch back-off: next attempt in \(service.nextLaunchTick - world.tick)s (\(service.launchFailureStreak) failures in a row)", .warning)
        }
        if service.autoscaling.enabled {
            let out = world.scaleOutCooldownLeft(service: i), scaleIn = world.scaleInCooldownLeft(service: i)
            if out > 0 { add("scale-out cooldown \(out)s", .warning) }
            if scaleIn > 0 { add("scale-in cooldown \(scaleIn)s" + (service.isDeploying ? " (and paused: deployment in progress)" : ""), .dim) }
            let policy = service.autoscaling
            let scaling = service.scaling
            add("target tracking \(policy.metric.rawValue) \(Format.fixed(policy.target, 0)): \(scaling.highDatapoints)/\(policy.scaleOutDatapoints) datapoints above, "
                + "\(scaling.lowDatapoints)/\(policy.scaleInDatapoints) below 90 % of target", .dim)
            if scaling.lowDatapoints >= policy.scaleInDatapoints, let why = scaleInWait(service: i, world: world) {
                add("scale-in is due but waits: \(why)", .dim)
            }
        }
        for activity in service.scaling.activities.suffix(3).reversed() {
            add("\(GameTime.short(activity.tick, within: gameSeconds)) desired \(activity.from) → \(activity.to): \(activity.cause)", .dim)
        }
        if let stop = service.recentStops.last, world.tick - stop.stoppedAt < 600 {
            add("last stopped: task \(TaskID.format(stop.id)) \(stop.reason.text)" + (stop.exitCode.map { " (exit \($0))" } ?? ""),
                stop.reason.isFailure ? .warning : .dim)
        }
        for override in spec.overrides { add("scenario sets \(override)", .accent) }
        add("ALB checks every \(hc.intervalSeconds)s: \(hc.healthyThreshold) to pass, \(hc.unhealthyThreshold) to fail; drain \(hc.deregistrationDelaySeconds)s", .dim)
        add("deploy min \(spec.deployment.minimumHealthyPercent)% max \(spec.deployment.maximumPercent)% · \(spec.cpuUnits) CPU · \(spec.memoryMiB) MiB · $\(Format.fixed(spec.costPerTaskMinute, 3))/task-min", .dim)
        return out
    }

    /// Why the ECS CPU figure reads low while tasks wait to go in service: ECS averages every running task.
    static func cpuLine(_ service: Service) -> String? {
        let idle = service.runningCount - service.inServiceCount
        guard service.spec.isLoadBalanced, idle > 0, service.inServiceCount > 0 else { return nil }
        let busy = service.metrics.cpuPercent * Double(service.runningCount) / Double(service.inServiceCount)
        return "CPU \(Int(service.metrics.cpuPercent.rounded()))% averages \(service.runningCount) running tasks; \(idle) not in service yet are idle, "
            + "so the \(service.inServiceCount) in service run at \(Int(min(100, busy).rounded()))%"
    }

    /// A throttle in force: its quota, what it refuses now, and for how long.
    static func throttleLine(_ service: Service, world: World) -> String? {
        guard let limit = service.faults.throttle(at: world.tick) else { return nil }
        return "THROTTLED: 429 Too Many Requests above \(Format.fixed(limit, 0)) req/s (\(Format.fixed(service.metrics.throttled, 0)) req/s refused now) "
            + "for \(Format.duration(service.faults.throttleUntil - world.tick)) more: callers fail fast"
    }

    /// What keeps a due scale-in from happening.
    static func scaleInWait(service i: Int, world: World) -> String? {
        let service = world.services[i]
        if service.isDeploying { return "a deployment is in progress" }
        let left = world.scaleInCooldownLeft(service: i)
        if left > 0 { return "cooldown, \(Format.duration(left)) left" }
        if service.desiredCount <= service.autoscaling.minCapacity { return "already at the minimum (\(service.autoscaling.minCapacity))" }
        return nil
    }
}
