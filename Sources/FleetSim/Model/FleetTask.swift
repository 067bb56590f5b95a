/// Where an ECS task is in its life. "In service" is not a phase of its own:
/// it is a running task whose load-balancer target is healthy.
public enum TaskPhase: UInt8, Sendable, CaseIterable {
    case provisioning, pending, running, draining

    public var label: String {
        switch self {
        case .provisioning: "PROVISIONING"
        case .pending: "PENDING"
        case .running: "RUNNING"
        case .draining: "DRAINING"
        }
    }
}

/// A load-balancer target's health, as ALB reports it.
public enum TargetHealth: UInt8, Sendable, CaseIterable {
    /// Registered, health checks not yet passed the healthy threshold.
    case initial
    case healthy
    case unhealthy
    /// Deregistered; finishing in-flight requests for the deregistration delay.
    case draining
    /// Not registered (task not running yet, or no load balancer).
    case unused
}

/// Why a task stopped, in the words ECS uses for `stoppedReason`.
public enum StopReason: UInt8, Sendable, CaseIterable {
    case essentialContainerExited
    case outOfMemory
    case failedHealthChecks
    case scaledIn
    case replacedByDeployment
    case stoppedByUser
    case killed
    case zoneOutage

    public var text: String {
        switch self {
        case .essentialContainerExited: "Essential container in task exited"
        case .outOfMemory: "OutOfMemoryError: Container killed due to memory usage"
        case .failedHealthChecks: "Task failed ELB health checks"
        case .scaledIn: "Scaling activity initiated by deployment (scale-in)"
        case .replacedByDeployment: "Task stopped by deployment (replaced)"
        case .stoppedByUser: "Task stopped by user"
        case .killed: "Essential container in task exited (SIGKILL)"
        case .zoneOutage: "Host unavailable: Availability Zone impaired"
        }
    }

    /// Whether the stop counts as a failure for scheduler back-off and the
    /// deployment circuit breaker (as opposed to an orderly stop).
    public var isFailure: Bool {
        switch self {
        case .essentialContainerExited, .outOfMemory, .failedHealthChecks, .killed, .zoneOutage: true
        case .scaledIn, .replacedByDeployment, .stoppedByUser: false
        }
    }
}

/// One running copy of a service (an ECS task with one essential container).
public struct FleetTask: Sendable, Hashable {
    public var id: Int
    /// The deployment that launched the task; its version says how it behaves.
    public var deploymentID: Int
    public var versionIndex: Int
    /// Availability Zone index (0 = a, 1 = b, 2 = c).
    public var zone: Int
    public var phase: TaskPhase
    public var phaseSince: Int
    public var target: TargetHealth
    public var consecutivePasses: Int
    public var consecutiveFailures: Int
    /// Tick of the next load-balancer health check of this target.
    public var nextCheckTick: Int
    public var memoryUsedMiB: Double
    /// When draining: why it is being stopped and the exit code it will report.
    public var stopReason: StopReason?
    /// Set when the task got traffic at least once (first time in service).
    public var hasBeenInService: Bool
    /// The application hangs: the task stays RUNNING but answers nothing, so
    /// requests sent to it time out until health checks catch it.
    public var isHung: Bool = false
    /// Memory growth injected by a fault, on top of the version's own leak.
    public var leakMiBPerMinute: Double = 0
    /// The task's disk is full: writes fail and its health check reports it.
    public var isDiskFull: Bool = false
    /// When draining: the tick deregistration completes (in-flight requests done, or the delay over).
    public var drainEndsAt: Int = 0
    /// A runaway process in this task takes this share of its CPU…
    public var cpuHogShare: Double = 0
    /// …until this tick (it dies with the task: a restart clears it).
    public var cpuHogUntil: Int = 0

    /// The share of the task's CPU a runaway process takes at `tick`.
    public func cpuHog(at tick: Int) -> Double { tick < cpuHogUntil ? cpuHogShare : 0 }

    public var isInService: Bool { phase == .running && target == .healthy }
}

/// What remains of a stopped task: ECS keeps stopped tasks visible for a while.
public struct StoppedTask: Sendable, Hashable {
    public var id: Int
    public var versionName: String
    public var zone: Int
    public var stoppedAt: Int
    public var exitCode: Int?
    public var reason: StopReason
}

extension FleetTask: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(id); h.combine(deploymentID); h.combine(versionIndex); h.combine(zone)
        h.combine(Int(phase.rawValue)); h.combine(phaseSince); h.combine(Int(target.rawValue))
        h.combine(consecutivePasses); h.combine(consecutiveFailures); h.combine(nextCheckTick)
        h.combine(memoryUsedMiB); h.combine(stopReason.map { Int($0.rawValue) }); h.combine(hasBeenInService)
        h.combine(isHung); h.combine(leakMiBPerMinute); h.combine(isDiskFull); h.combine(drainEndsAt)
        h.combine(cpuHogShare); h.combine(cpuHogUntil)
    }
}

extension StoppedTask: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(id); h.combine(versionName); h.combine(zone); h.combine(stoppedAt)
        h.combine(exitCode); h.combine(Int(reason.rawValue))
    }
}
