/// How a service takes part in request flow.
public enum ServiceRole: String, Sendable, CaseIterable {
    /// The front door: an internet-facing load balancer sends customer requests here.
    case edge
    /// An internal HTTP service behind its own (internal) load balancer.
    case `internal`
    /// A queue consumer: no load balancer; pulls messages from a queue.
    case worker
    /// A third party (e.g. the payment provider): no tasks, fixed capacity, can only be hurt by faults.
    case external
}

/// A call from one service to another.
public enum Dependency: Sendable, Hashable {
    /// A synchronous HTTP call: the caller waits, so the callee's latency and
    /// errors become the caller's ("tightly coupled systems die together").
    case sync(service: String, callsPerRequest: Double)
    /// A message sent to a queue: the caller does not wait, so a slow or broken
    /// consumer turns into backlog instead of errors.
    case async(queue: String, messagesPerRequest: Double)
}

/// The fixed description of a service: its size, price and wiring. Scenarios
/// build these; the simulation never changes them.
public struct ServiceSpec: Sendable, Hashable {
    public var name: String
    public var role: ServiceRole
    /// Requests per second one task can serve at 100 % CPU.
    public var capacityPerTask: Double
    /// Concurrent requests one task can hold open (threads, connections). When
    /// calls downstream slow down, this caps throughput by Little's law.
    public var concurrencyPerTask: Double
    /// Fargate-style size, shown in the inspector and used for memory limits.
    public var cpuUnits: Int
    public var memoryMiB: Int
    /// Dollars per running task per minute.
    public var costPerTaskMinute: Double
    /// Time to serve one request with no queueing and no downstream calls.
    public var baseLatencyMs: Double
    /// Clients give up on a call to this service after this long.
    public var timeoutMs: Double
    /// For `.external` services: requests per second the provider accepts.
    public var externalCapacity: Double
    public var dependencies: [Dependency]
    /// For `.worker` services: the queue consumed.
    public var consumesQueue: String?
    public var initialDesiredCount: Int
    public var initialVersion: String
    /// Versions that can be deployed, with how each behaves.
    public var versions: [ServiceVersion]
    public var healthCheck: HealthCheckSettings
    public var deployment: DeploymentSettings
    public var autoscaling: AutoscalingPolicy
    public var lifecycle: TaskLifecycleTimings
    /// AWS defaults this service's scenario changed, in words the inspector shows
    /// ("health-check interval 10 s (AWS default 30 s)").
    public var overrides: [String] = []

    public init(
        name: String, role: ServiceRole,
        capacityPerTask: Double = 50, concurrencyPerTask: Double = 100,
        cpuUnits: Int = 512, memoryMiB: Int = 1024, costPerTaskMinute: Double = 0.02,
        baseLatencyMs: Double = 20, timeoutMs: Double = 3_000, externalCapacity: Double = 0,
        dependencies: [Dependency] = [], consumesQueue: String? = nil,
        initialDesiredCount: Int = 2, initialVersion: String = "v1",
        versions: [ServiceVersion] = [ServiceVersion(name: "v1")],
        healthCheck: HealthCheckSettings = .awsDefault,
        deployment: DeploymentSettings = .awsDefault,
        autoscaling: AutoscalingPolicy = .off,
        lifecycle: TaskLifecycleTimings = .fargate
    ) {
        self.name = name
        self.role = role
        self.capacityPerTask = capacityPerTask
        self.concurrencyPerTask = concurrencyPerTask
        self.cpuUnits = cpuUnits
        self.memoryMiB = memoryMiB
        self.costPerTaskMinute = costPerTaskMinute
        self.baseLatencyMs = baseLatencyMs
        self.timeoutMs = timeoutMs
        self.externalCapacity = externalCapacity
        self.dependencies = dependencies
        self.consumesQueue = consumesQueue
        self.initialDesiredCount = initialDesiredCount
        self.initialVersion = initialVersion
        self.versions = versions
        self.healthCheck = healthCheck
        self.deployment = deployment
        self.autoscaling = autoscaling
        self.lifecycle = lifecycle
    }

    /// Whether traffic reaches this service's tasks through a load balancer
    /// (and so whether ALB health checks gate them).
    public var isLoadBalanced: Bool { role == .edge || role == .internal }

    /// Whether this service runs tasks at all.
    public var runsTasks: Bool { role != .external }
}

/// A deployable version and how it behaves once running. A healthy release
/// has every field at its default.
public struct ServiceVersion: Sendable, Hashable {
    public var name: String
    /// The container exits seconds after starting (exit code 1).
    public var crashesOnStart: Bool
    /// The health-check path returns 500, so the target never becomes healthy.
    public var failsHealthChecks: Bool
    /// Fraction of requests answered with 5xx while health checks still pass.
    public var errorRate: Double
    /// Added to every request's service time.
    public var extraLatencyMs: Double
    /// Memory growth of each task; at the task's limit it is OOM-killed.
    public var memoryLeakMiBPerMinute: Double

    public init(
        name: String, crashesOnStart: Bool = false, failsHealthChecks: Bool = false,
        errorRate: Double = 0, extraLatencyMs: Double = 0, memoryLeakMiBPerMinute: Double = 0
    ) {
        self.name = name
        self.crashesOnStart = crashesOnStart
        self.failsHealthChecks = failsHealthChecks
        self.errorRate = errorRate
        self.extraLatencyMs = extraLatencyMs
        self.memoryLeakMiBPerMinute = memoryLeakMiBPerMinute
    }

    public var isHealthyRelease: Bool {
        !crashesOnStart && !failsHealthChecks && errorRate == 0 && extraLatencyMs == 0
            && memoryLeakMiBPerMinute == 0
    }
}

/// A queue between services (SQS-like): producers add messages, one worker
/// service consumes them. Failure downstream becomes depth, not errors.
public struct QueueSpec: Sendable, Hashable {
    public var name: String
    /// A consumer that fails a message sees it again after this long (SQS default 30 s).
    public var visibilityTimeoutSeconds: Int

    public init(name: String, visibilityTimeoutSeconds: Int = 30) {
        self.name = name
        self.visibilityTimeoutSeconds = visibilityTimeoutSeconds
    }
}
