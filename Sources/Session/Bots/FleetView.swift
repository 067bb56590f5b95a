import FleetSim
import Scenarios

/// What a player can see of their team's game — the services, scaling and
/// incidents panes, the inspector, the alarms, the queue's CloudWatch
/// figures and the briefing's announcements — and nothing they cannot: no
/// active fault, no hidden timeline. Bots decide from this alone, so a bot
/// that beats a person does it with the same information.
public struct FleetView: Sendable {
    /// The service's latest deployment, as the inspector and the event feed show it.
    public struct DeploymentView: Sendable, Hashable {
        public var version: String
        public var rollout: Deployment.Rollout
        public var startedAt: Int
        public var isRollback: Bool
        public var failedTasks: Int
    }

    /// One service as the panes and inspector show it.
    public struct ServiceView: Sendable {
        public var name: String
        public var role: ServiceRole
        public var runsTasks: Bool
        public var desired: Int
        public var running: Int
        public var starting: Int
        public var inService: Int
        /// Running tasks failing health checks or not responding (the inspector lists them).
        public var failingChecks: Int
        public var versions: [String]
        /// The version being rolled out (or in place when none is).
        public var version: String
        public var deployment: DeploymentView?
        /// Whether `rollback` has a version to go back to.
        public var canRollBack: Bool
        /// Requests (or messages) arriving per second, what CloudWatch counts.
        public var requestsPerSecond: Double
        public var errorRate: Double
        public var p99Ms: Double
        public var cpuPercent: Double
        /// The highest memory use of a running task, in percent of its limit.
        public var maxMemoryPercent: Double
        /// Requests per second one task serves at full CPU (from load tests; the inspector shows it).
        public var capacityPerTask: Double
        public var timeoutMs: Double
        public var autoscaling: AutoscalingPolicy
        /// Services it calls synchronously (the architecture diagram).
        public var calls: [String]

        /// Arriving load over the capacity of the tasks in service (above 1: shedding).
        public var utilisation: Double {
            let capacity = Double(inService) * capacityPerTask
            return capacity > 0 ? requestsPerSecond / capacity : (requestsPerSecond > 0 ? 2 : 0)
        }

        /// How busy the service is: its load over nominal capacity, or its CPU when something
        /// (a runaway process, a noisy neighbour) leaves less of it than nominal.
        public var busy: Double { max(utilisation, cpuPercent / 100) }
    }

    /// A queue's CloudWatch figures.
    public struct QueueView: Sendable, Hashable {
        public var name: String
        public var backlog: Int
        public var oldestMessageAge: Int
        /// Messages sent in the last complete minute (NumberOfMessagesSent).
        public var sentLastMinute: Int
        /// The worker service that consumes it.
        public var consumer: String?
    }

    public var tick: Int
    public var durationSeconds: Int
    public var services: [ServiceView]
    public var incidents: [Incident]
    public var queues: [QueueView]
    public var announcements: [Announcement]
    public var score: Scoreboard
    /// What the rules say about orders and money (in the README and the score pane).
    public var scoring: ScoringRules

    public init(world: World, scenario: Scenario, durationSeconds: Int) {
        tick = world.tick
        self.durationSeconds = durationSeconds
        incidents = world.incidents
        announcements = scenario.announcements
        score = world.score
        scoring = world.fleet.scoring
        services = world.services.indices.map { Self.view(service: $0, in: world) }
        queues = world.queues.indices.map { q in
            let queue = world.queues[q]
            return QueueView(name: queue.spec.name, backlog: queue.backlog, oldestMessageAge: queue.oldestMessageAge(at: world.tick),
                             sentLastMinute: queue.sentLastMinute,
                             consumer: world.topology.queueConsumer[q].map { world.services[$0].name })
        }
    }

    public func service(named name: String) -> ServiceView? { services.first { $0.name == name } }

    private static func view(service i: Int, in world: World) -> ServiceView {
        let service = world.services[i]
        let spec = service.spec
        let m = service.metrics
        var memory = 0.0, failing = 0
        for task in service.tasks where task.phase == .running {
            memory = max(memory, task.memoryUsedMiB / Double(spec.memoryMiB) * 100)
            if task.isHung || task.consecutiveFailures > 0 { failing += 1 }
        }
        let deployment = service.primary.map { primary in
            DeploymentView(version: spec.versions[primary.versionIndex].name, rollout: primary.rollout, startedAt: primary.startedAt,
                           isRollback: primary.isRollback, failedTasks: primary.failedTasks)
        }
        return ServiceView(
            name: service.name, role: spec.role, runsTasks: spec.runsTasks, desired: service.desiredCount, running: service.runningCount,
            starting: service.startingCount, inService: service.inServiceCount, failingChecks: failing,
            versions: spec.versions.map(\.name), version: service.currentVersion.name, deployment: deployment,
            canRollBack: spec.runsTasks && world.rollbackTarget(service: i) != nil,
            requestsPerSecond: m.offered, errorRate: m.errorRate, p99Ms: m.processed > 0 ? m.p99LatencyMs : 0, cpuPercent: m.cpuPercent,
            maxMemoryPercent: memory, capacityPerTask: spec.runsTasks ? spec.capacityPerTask : spec.externalCapacity,
            timeoutMs: spec.timeoutMs, autoscaling: service.autoscaling,
            calls: world.topology.syncCalls[i].map { world.services[$0.callee].name })
    }
}
