/// A running ECS service: its spec plus everything that changes while the
/// game runs (desired count, tasks, deployments, scaling, metrics).
public struct Service: Sendable {
    public internal(set) var spec: ServiceSpec
    public internal(set) var desiredCount: Int
    public internal(set) var tasks: [FleetTask]
    /// Newest first: `deployments[0]` is PRIMARY.
    public internal(set) var deployments: [Deployment]
    public internal(set) var autoscaling: AutoscalingPolicy
    public internal(set) var scaling: ScalingState
    /// Consecutive tasks that failed before reaching service; drives back-off.
    public internal(set) var launchFailureStreak: Int
    /// The scheduler launches no task before this tick (service throttle back-off).
    public internal(set) var nextLaunchTick: Int
    /// Edge only: customer requests waiting for a free task, carried between ticks.
    public internal(set) var backlog: Int
    public internal(set) var faults: ServiceFaults
    /// Measurements of the last tick.
    public internal(set) var metrics: ServiceMetrics
    public internal(set) var minute: MinuteAccumulator
    /// One sample per completed simulated minute, oldest first.
    public internal(set) var history: [MinuteSample]
    /// The last few stopped tasks, newest last (ECS shows stopped tasks for a while).
    public internal(set) var recentStops: [StoppedTask]
    /// Versions of completed deployments, oldest first (what `rollback` walks back through).
    public internal(set) var completedVersions: [Int]
    /// Whether the service was in a steady state at the end of the last tick.
    public internal(set) var isSteady: Bool

    public static let recentStopsKept = 10

    init(spec: ServiceSpec, deploymentID: Int, tick: Int) {
        let versionIndex = spec.versions.firstIndex { $0.name == spec.initialVersion } ?? 0
        self.spec = spec
        desiredCount = spec.runsTasks ? spec.initialDesiredCount : 0
        tasks = []
        deployments = spec.runsTasks
            ? [Deployment(id: deploymentID, versionIndex: versionIndex, startedAt: tick, rollout: .completed, failedTasks: 0, isRollback: false,
                          failureThreshold: DeploymentCircuitBreaker.failureThreshold(desiredCount: spec.initialDesiredCount))]
            : []
        autoscaling = spec.autoscaling
        scaling = ScalingState()
        launchFailureStreak = 0
        nextLaunchTick = 0
        backlog = 0
        faults = ServiceFaults()
        metrics = ServiceMetrics()
        minute = MinuteAccumulator()
        history = []
        recentStops = []
        completedVersions = [versionIndex]
        isSteady = true
    }

    public var name: String { spec.name }
    public var primary: Deployment? { deployments.first }
    /// The version of the last deployment that completed (what a rollback returns to).
    public var lastCompletedVersionIndex: Int { completedVersions.last ?? 0 }
    public var currentVersion: ServiceVersion { spec.versions[primary?.versionIndex ?? lastCompletedVersionIndex] }
    /// The version most running tasks run: after a failed deployment with
    /// rollback off this is still the old one, whatever the PRIMARY says.
    public var runningVersion: ServiceVersion {
        var counts = [Int](repeating: 0, count: spec.versions.count)
        for task in tasks where task.phase == .running { counts[task.versionIndex] += 1 }
        guard let most = counts.max(), most > 0 else { return currentVersion }
        // Ties go to the version being rolled toward, then the older one.
        if let primary, counts[primary.versionIndex] == most { return spec.versions[primary.versionIndex] }
        return spec.versions[counts.firstIndex(of: most)!]
    }
    /// The newest deployment when the circuit breaker failed it (and nothing replaced it).
    public var failedDeployment: Deployment? { primary?.rollout == .failed ? primary : nil }
    public var isDeploying: Bool { deployments.contains { $0.rollout == .inProgress } }

    public func count(_ phase: TaskPhase) -> Int { tasks.reduce(0) { $0 + ($1.phase == phase ? 1 : 0) } }
    public var runningCount: Int { count(.running) }
    /// Tasks that will be running soon: provisioning or pending.
    public var startingCount: Int { count(.provisioning) + count(.pending) }
    public var inServiceCount: Int { tasks.reduce(0) { $0 + ($1.isInService ? 1 : 0) } }
    /// Tasks the scheduler counts toward the desired count (not draining).
    public var activeTaskCount: Int { tasks.reduce(0) { $0 + ($1.phase == .draining ? 0 : 1) } }
    /// Tasks that cost money (every task that is not stopped).
    public var billedTaskCount: Int { tasks.count }

    public func version(named name: String) -> Int? { spec.versions.firstIndex { $0.name == name } }
}

/// Why calls to a service fail while a call-failure fault is active.
public enum CallFailure: UInt8, Sendable, Hashable {
    case packetLoss, dns, certificate
}

/// Faults acting on one service right now, each until its tick.
public struct ServiceFaults: Sendable, Hashable {
    /// The service answers nothing until this tick (dependency outage).
    public var outageUntil: Int = 0
    /// Latency added to every request until `latencyUntil`.
    public var addedLatencyMs: Double = 0
    public var latencyUntil: Int = 0
    /// Calls to the service fail with this probability (packet loss, DNS, certificates).
    public var callFailureRate: Double = 0
    public var callFailure: CallFailure = .packetLoss
    public var callFailureUntil: Int = 0
    /// The service (or provider) answers 429 above this many requests per second.
    public var throttleRequestsPerSecond: Double = 0
    public var throttleUntil: Int = 0

    public func isOutage(at tick: Int) -> Bool { tick < outageUntil }
    public func addedLatency(at tick: Int) -> Double { tick < latencyUntil ? addedLatencyMs : 0 }
    public func callFailureRate(at tick: Int) -> Double { tick < callFailureUntil ? callFailureRate : 0 }
    public func throttle(at tick: Int) -> Double? { tick < throttleUntil ? throttleRequestsPerSecond : nil }
}

/// Target-tracking bookkeeping: consecutive breaching datapoints and cooldowns.
public struct ScalingState: Sendable, Hashable {
    public var highDatapoints = 0
    public var lowDatapoints = 0
    public var lastScaleOutTick: Int? = nil
    public var lastScaleInTick: Int? = nil
    /// The last metric datapoint the policy evaluated.
    public var lastMetric: Double? = nil
    /// Most recent scaling activities, newest last.
    public var activities: [ScalingActivity] = []

    public static let activitiesKept = 8
}

/// One change of desired count and why, as Application Auto Scaling logs it.
public struct ScalingActivity: Sendable, Hashable {
    public var tick: Int
    public var from: Int
    public var to: Int
    public var cause: String
}

/// What a service measured in the last tick.
public struct ServiceMetrics: Sendable, Hashable {
    /// Requests (or messages) per second that reached the service.
    public var offered: Double = 0
    /// Requests per second it processed (successfully or not).
    public var processed: Double = 0
    /// Requests per second a throttle answered 429 without processing them.
    public var throttled: Double = 0
    /// Fraction of requests that failed, counting failures of synchronous dependencies.
    public var errorRate: Double = 0
    public var meanLatencyMs: Double = 0
    public var p99LatencyMs: Double = 0
    public var cpuPercent: Double = 0
    public var memoryPercent: Double = 0
    /// Requests per second the service could process this tick.
    public var capacity: Double = 0
    /// New demand over capacity (the edge's waiting backlog not counted):
    /// above 1 the service sheds load and drops health checks.
    public var utilisation: Double = 0
    /// Mean time a request holds a task's thread, downstream calls included
    /// but time waiting in line at the edge not: Little's law uses it.
    public var heldLatencyMs: Double = 0
}

/// Sums over the current minute, turned into a `MinuteSample` when it ends.
public struct MinuteAccumulator: Sendable, Hashable {
    public var seconds = 0
    public var offered: Double = 0
    public var requests: Double = 0
    public var errors: Double = 0
    public var cpuSum: Double = 0
    public var maxP99: Double = 0
    public var tasksSum = 0
}

/// One simulated minute of a service, the granularity of CloudWatch metrics.
public struct MinuteSample: Sendable, Hashable {
    public var minute: Int
    public var requestsPerSecond: Double
    public var errorRate: Double
    public var p99LatencyMs: Double
    public var cpuPercent: Double
    public var requestsPerTarget: Double
    public var desired: Int
    public var running: Int
    public var inService: Int
}
