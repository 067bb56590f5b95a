/// The ECS deployment circuit breaker: a deployment fails once as many of its
/// tasks failed to start or to pass health checks as the threshold
/// (0.5 × desired count, at least 3, at most 200, from the desired count when
/// the deployment started). Rollback to the last
/// completed deployment happens only when enabled. A version that passes
/// health checks while returning errors is never caught here.
public enum DeploymentCircuitBreaker {
    public static func failureThreshold(desiredCount: Int) -> Int {
        min(200, max(3, (desiredCount + 1) / 2))
    }
}

extension World {
    mutating func evaluateCircuitBreaker(service i: Int) {
        let settings = services[i].spec.deployment
        guard settings.circuitBreakerEnabled, let primary = services[i].primary, primary.rollout == .inProgress else { return }
        let threshold = primary.failureThreshold
        guard primary.failedTasks >= threshold else { return }
        services[i].deployments[0].rollout = .failed
        let name = services[i].spec.versions[primary.versionIndex].name
        record(services[i].name, .deploymentFailed(version: name, failedTasks: primary.failedTasks, threshold: threshold))
        if settings.rollbackOnFailure {
            startDeployment(service: i, versionIndex: services[i].lastCompletedVersionIndex, isRollback: true)
        }
    }
}
