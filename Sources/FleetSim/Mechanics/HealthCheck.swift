/// ALB target health checks: every `interval` seconds each registered target
/// is probed; `healthyThreshold` passes in a row put it in service,
/// `unhealthyThreshold` failures in a row take it out, and ECS then replaces
/// the task ("Task failed ELB health checks").
extension World {
    /// Load (as a multiple of capacity) above which health checks start to time out.
    static let checkDropStart = 1.5

    mutating func runHealthChecks(service i: Int) {
        let spec = services[i].spec
        guard spec.isLoadBalanced else { return }
        let settings = spec.healthCheck
        // A busy task answers its health check as slowly as any request: the check fails when the
        // answer takes longer than the check's timeout (ELB "Health checks for your target groups").
        // Beyond 1.5× capacity requests pile up, so most checks are dropped at 3.5× and beyond.
        let overload = services[i].metrics.utilisation
        let ownService = spec.baseLatencyMs
        let wait = LatencyDistribution(fixedMs: ownService, queueingMeanMs: LatencyDistribution.queueingDelay(serviceMs: ownService, utilisation: overload))
        let timedOut = 1 - wait.fraction(within: Double(settings.timeoutSeconds) * 1_000)
        let dropChance = min(0.9, max(timedOut, (overload - Self.checkDropStart) / 2))
        // Only targets that get traffic are busy: with none healthy, ALB fails open to all.
        let failOpen = services[i].inServiceCount == 0
        var j = 0
        while j < services[i].tasks.count {
            let task = services[i].tasks[j]
            guard task.phase == .running, task.nextCheckTick <= tick else { j += 1; continue }
            services[i].tasks[j].nextCheckTick = tick + settings.intervalSeconds
            let version = spec.versions[task.versionIndex]
            var passes = !task.isHung && !version.failsHealthChecks && !task.isDiskFull
            if passes && dropChance > 0 && (task.target == .healthy || failOpen) { passes = rng.nextUnit() >= dropChance }
            if passes {
                services[i].tasks[j].consecutivePasses += 1
                services[i].tasks[j].consecutiveFailures = 0
                if task.target != .healthy && services[i].tasks[j].consecutivePasses >= settings.healthyThreshold {
                    markInService(service: i, at: j)
                    record(spec.name, .targetHealthy(taskID: task.id))
                }
            } else {
                services[i].tasks[j].consecutiveFailures += 1
                services[i].tasks[j].consecutivePasses = 0
                if services[i].tasks[j].consecutiveFailures >= settings.unhealthyThreshold {
                    services[i].tasks[j].target = .unhealthy
                    let why = task.isHung ? "Request timed out"
                        : task.isDiskFull ? "Health checks failed with these codes: [503] (disk full)"
                        : version.failsHealthChecks ? "Health checks failed with these codes: [500]"
                        : "Request timed out (task overloaded)"
                    record(spec.name, .targetUnhealthy(taskID: task.id, reason: why))
                    stopTask(service: i, at: j, reason: .failedHealthChecks, immediately: false)
                }
            }
            j += 1
        }
    }
}
