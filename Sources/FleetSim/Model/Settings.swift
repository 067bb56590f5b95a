/// Target-group health-check settings. Defaults are the ALB defaults
/// (Elastic Load Balancing user guide, "Health checks for your target groups").
public struct HealthCheckSettings: Sendable, Hashable {
    public var intervalSeconds: Int
    public var timeoutSeconds: Int
    public var healthyThreshold: Int
    public var unhealthyThreshold: Int
    /// How long a deregistered target keeps its connections before it stops.
    public var deregistrationDelaySeconds: Int
    /// Without a load balancer, ECS counts a running task with no container
    /// health check as healthy after this grace (40 s).
    public var unbalancedGraceSeconds: Int

    public static let awsDefault = HealthCheckSettings(
        intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2,
        deregistrationDelaySeconds: 300, unbalancedGraceSeconds: 40)

    public init(
        intervalSeconds: Int, timeoutSeconds: Int, healthyThreshold: Int, unhealthyThreshold: Int,
        deregistrationDelaySeconds: Int, unbalancedGraceSeconds: Int
    ) {
        self.intervalSeconds = intervalSeconds
        self.timeoutSeconds = timeoutSeconds
        self.healthyThreshold = healthyThreshold
        self.unhealthyThreshold = unhealthyThreshold
        self.deregistrationDelaySeconds = deregistrationDelaySeconds
        self.unbalancedGraceSeconds = unbalancedGraceSeconds
    }

    /// The soonest a new target can be in service after its task is running.
    public var secondsToHealthy: Int { healthyThreshold * intervalSeconds }
}

/// ECS rolling-update settings (DeploymentConfiguration API reference):
/// maximumPercent 200, minimumHealthyPercent 100, circuit breaker on, rollback off.
public struct DeploymentSettings: Sendable, Hashable {
    public var minimumHealthyPercent: Int
    public var maximumPercent: Int
    public var circuitBreakerEnabled: Bool
    public var rollbackOnFailure: Bool

    public static let awsDefault = DeploymentSettings(
        minimumHealthyPercent: 100, maximumPercent: 200, circuitBreakerEnabled: true,
        rollbackOnFailure: false)

    public init(minimumHealthyPercent: Int, maximumPercent: Int, circuitBreakerEnabled: Bool, rollbackOnFailure: Bool) {
        self.minimumHealthyPercent = minimumHealthyPercent
        self.maximumPercent = maximumPercent
        self.circuitBreakerEnabled = circuitBreakerEnabled
        self.rollbackOnFailure = rollbackOnFailure
    }
}

/// The metric a target-tracking policy holds at its target.
public enum ScalingMetric: String, Sendable, CaseIterable {
    /// ECSServiceAverageCPUUtilization, in percent.
    case cpu
    /// ALBRequestCountPerTarget, requests per target per minute.
    case requestsPerTarget = "requests"
}

/// An ECS service target-tracking policy (Application Auto Scaling).
/// Cooldowns default to 300 s; the alarm datapoint counts (3 to scale out,
/// 15 to scale in) are the commonly cited ones and are tunable.
public struct AutoscalingPolicy: Sendable, Hashable {
    public var enabled: Bool
    public var metric: ScalingMetric
    public var target: Double
    public var minCapacity: Int
    public var maxCapacity: Int
    public var scaleOutCooldownSeconds: Int
    public var scaleInCooldownSeconds: Int
    public var scaleOutDatapoints: Int
    public var scaleInDatapoints: Int

    public static let off = AutoscalingPolicy(enabled: false)

    public init(
        enabled: Bool, metric: ScalingMetric = .cpu, target: Double = 60, minCapacity: Int = 1,
        maxCapacity: Int = 20, scaleOutCooldownSeconds: Int = 300, scaleInCooldownSeconds: Int = 300,
        scaleOutDatapoints: Int = 3, scaleInDatapoints: Int = 15
    ) {
        self.enabled = enabled
        self.metric = metric
        self.target = target
        self.minCapacity = minCapacity
        self.maxCapacity = maxCapacity
        self.scaleOutCooldownSeconds = scaleOutCooldownSeconds
        self.scaleInCooldownSeconds = scaleInCooldownSeconds
        self.scaleOutDatapoints = scaleOutDatapoints
        self.scaleInDatapoints = scaleInDatapoints
    }
}

/// How long a Fargate-style task spends in each start-up phase.
public struct TaskLifecycleTimings: Sendable, Hashable {
    /// Capacity found, network interface attached.
    public var provisioningSeconds: Int
    /// Image pulled, container starting.
    public var pendingSeconds: Int
    /// A crash-on-start version exits this long after the container starts.
    public var crashAfterStartSeconds: Int

    public static let fargate = TaskLifecycleTimings(provisioningSeconds: 15, pendingSeconds: 25, crashAfterStartSeconds: 5)

    public init(provisioningSeconds: Int, pendingSeconds: Int, crashAfterStartSeconds: Int) {
        self.provisioningSeconds = provisioningSeconds
        self.pendingSeconds = pendingSeconds
        self.crashAfterStartSeconds = crashAfterStartSeconds
    }
}
