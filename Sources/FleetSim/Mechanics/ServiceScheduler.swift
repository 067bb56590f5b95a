/// The ECS service scheduler: keeps the desired count of tasks running,
/// rolls deployments within minimumHealthyPercent / maximumPercent, scales in,
/// and declares steady state.
extension World {
    mutating func reconcile(service i: Int) {
        guard services[i].spec.runsTasks, !services[i].deployments.isEmpty else { return }
        let settings = services[i].spec.deployment
        let desired = services[i].desiredCount
        let target = launchDeployment(service: i)
        let maxTotal = desired * settings.maximumPercent / 100
        let minHealthy = (desired * settings.minimumHealthyPercent + 99) / 100

        // Launch toward the desired count of the target deployment.
        var current = 0, active = 0, hasOld = false
        for task in services[i].tasks where task.phase != .draining {
            active += 1
            if task.deploymentID == target.id { current += 1 } else { hasOld = true }
        }
        if current < desired && tick >= services[i].nextLaunchTick {
            let room = hasOld ? max(0, max(maxTotal, desired) - active) : desired - current
            for _ in 0..<min(desired - current, room) {
                guard launchTask(service: i, deployment: target) else { break }
            }
        }

        // Scale in the target deployment's surplus, least useful tasks first.
        if current > desired {
            for _ in 0..<(current - desired) {
                guard let j = scaleInCandidate(service: i, deploymentID: target.id) else { break }
                stopTask(service: i, at: j, reason: .scaledIn, immediately: false)
            }
        }

        // Stop old-version tasks while enough healthy tasks remain.
        if hasOld {
            var healthy = services[i].inServiceCount
            var j = 0
            while j < services[i].tasks.count {
                let task = services[i].tasks[j]
                if task.phase != .draining && task.deploymentID != target.id {
                    if !task.isInService {
                        stopTask(service: i, at: j, reason: .replacedByDeployment, immediately: false)
                    } else if healthy - 1 >= minHealthy {
                        healthy -= 1
                        stopTask(service: i, at: j, reason: .replacedByDeployment, immediately: false)
                    }
                }
                // A stop may remove the task at `j`; only advance when it is still there.
                if j < services[i].tasks.count && services[i].tasks[j].id == task.id { j += 1 }
            }
        }
        completeDeploymentIfDone(service: i)
        updateSteadyState(service: i)
    }

    /// The deployment new tasks come from: the primary, unless its circuit
    /// breaker tripped, in which case the newest deployment that did not fail.
    func launchDeployment(service i: Int) -> Deployment {
        let deployments = services[i].deployments
        if deployments[0].rollout != .failed { return deployments[0] }
        return deployments.first { $0.rollout != .failed } ?? deployments[0]
    }

    /// ECS scale-in order: tasks not yet in service, then the zone holding the
    /// most tasks, then the newest task.
    func scaleInCandidate(service i: Int, deploymentID: Int) -> Int? {
        var perZone = Array(repeating: 0, count: zoneOutageUntil.count)
        for task in services[i].tasks where task.phase != .draining { perZone[task.zone] += 1 }
        var best: Int?
        for (j, task) in services[i].tasks.enumerated() where task.phase != .draining && task.deploymentID == deploymentID {
            guard let b = best else { best = j; continue }
            let other = services[i].tasks[b]
            let key = (task.isInService ? 1 : 0, -perZone[task.zone], -task.id)
            let bestKey = (other.isInService ? 1 : 0, -perZone[other.zone], -other.id)
            if key < bestKey { best = j }
        }
        return best
    }

    mutating func completeDeploymentIfDone(service i: Int) {
        guard let primary = services[i].primary, primary.rollout == .inProgress else { return }
        let desired = services[i].desiredCount
        var inService = 0, others = 0
        for task in services[i].tasks where task.phase != .draining {
            if task.deploymentID == primary.id { inService += task.isInService ? 1 : 0 } else { others += 1 }
        }
        guard inService >= desired, others == 0 else { return }
        services[i].deployments[0].rollout = .completed
        services[i].deployments.removeSubrange(1...)
        services[i].completedVersions.append(primary.versionIndex)
        record(services[i].name, .deploymentCompleted(version: services[i].spec.versions[primary.versionIndex].name))
    }

    mutating func updateSteadyState(service i: Int) {
        let service = services[i]
        let steady = !service.isDeploying && service.tasks.count == service.desiredCount
            && service.inServiceCount == service.desiredCount
        if steady && !service.isSteady { record(service.name, .steadyState) }
        services[i].isSteady = steady
    }

    /// Starts a deployment of `versionIndex`; the scheduler rolls toward it from the next tick.
    mutating func startDeployment(service i: Int, versionIndex: Int, isRollback: Bool = false) {
        // Earlier deployments that never started a task are superseded outright.
        let tasks = services[i].tasks
        services[i].deployments.removeAll { d in
            d.rollout != .completed && !tasks.contains { $0.deploymentID == d.id }
        }
        let deployment = Deployment(
            id: nextDeploymentID, versionIndex: versionIndex, startedAt: tick, rollout: .inProgress,
            failedTasks: 0, isRollback: isRollback,
            failureThreshold: DeploymentCircuitBreaker.failureThreshold(desiredCount: services[i].desiredCount))
        nextDeploymentID += 1
        services[i].deployments.insert(deployment, at: 0)
        services[i].launchFailureStreak = 0
        services[i].nextLaunchTick = tick
        record(services[i].name, .deploymentStarted(version: services[i].spec.versions[versionIndex].name, rollback: isRollback))
    }
}
