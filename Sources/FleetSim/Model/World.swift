/// The whole simulated Unicorn.Rentals fleet at one tick (one simulated second).
///
/// A value: copying it snapshots the game. It changes only through `give`,
/// which applies a player's command between ticks, and `step`, which applies
/// injects and advances one tick, deterministically: the same fleet, seed
/// and inputs at the same ticks give the same `stableHash` on every run.
public struct World: Sendable {
    public internal(set) var tick: Int = 0
    public let seed: UInt64
    var rng: Xoshiro256StarStar
    public internal(set) var fleet: FleetSpec
    public let topology: Topology
    public internal(set) var services: [Service]
    public internal(set) var queues: [MessageQueue]
    /// Per zone: the zone is impaired until this tick.
    public internal(set) var zoneOutageUntil: [Int]
    /// Per zone: a noisy neighbour leaves tasks there this fraction of their capacity…
    public internal(set) var zoneSlowdown: [Double]
    /// …until this tick.
    public internal(set) var zoneSlowdownUntil: [Int]
    /// Spikes injected during play, on top of the scenario's traffic profile.
    public internal(set) var injectedSpikes: [TrafficSpike] = []
    public internal(set) var alarms: [Alarm]
    public internal(set) var incidents: [Incident] = []
    public internal(set) var score = Scoreboard()
    public internal(set) var quests: [QuestProgress]
    /// Whether the edge had no healthy target in the last tick.
    public internal(set) var edgeIsDown = false
    /// Whether the edge had no healthy target at any second of the current minute.
    var edgeDownThisMinute = false
    /// What happened in the last step, oldest first, then what commands given
    /// since did (they belong to the coming tick, and the next step keeps them).
    public internal(set) var events: [SimEvent] = []
    /// How many of `events` the last step produced: the next step clears those.
    var eventsOfLastStep = 0
    /// How many events were ever recorded: the last of `events` is number
    /// `eventsRecorded - 1`, so a reader can take each event once however often it looks.
    public internal(set) var eventsRecorded = 0
    var nextTaskID = 1
    var nextDeploymentID = 1
    var nextIncidentID = 1

    /// Builds the world at tick 0 with every service at its initial desired
    /// count, already running and in service (the game starts in steady state).
    public init(fleet: FleetSpec, seed: UInt64) throws(FleetSpecError) {
        try Self.validate(fleet)
        self.seed = seed
        self.fleet = fleet
        rng = Xoshiro256StarStar(seed: seed)
        topology = try Topology.resolve(fleet)
        services = []
        queues = fleet.queues.map { MessageQueue(spec: $0) }
        zoneOutageUntil = Array(repeating: 0, count: fleet.zoneCount)
        zoneSlowdown = Array(repeating: 1, count: fleet.zoneCount)
        zoneSlowdownUntil = Array(repeating: 0, count: fleet.zoneCount)
        alarms = []
        quests = fleet.quests.map { QuestProgress(quest: $0) }
        for spec in fleet.services {
            services.append(Service(spec: spec, deploymentID: nextDeploymentID, tick: 0))
            nextDeploymentID += 1
        }
        for i in services.indices where services[i].spec.runsTasks {
            for _ in 0..<services[i].desiredCount { launchTask(service: i, warm: true) }
        }
        alarms = Self.makeAlarms(fleet: fleet, edge: topology.edge)
        events.removeAll()
    }

    private static func validate(_ fleet: FleetSpec) throws(FleetSpecError) {
        guard fleet.zoneCount >= 1 else { throw FleetSpecError(description: "a fleet needs at least one Availability Zone") }
        for spec in fleet.services {
            func fail(_ what: String) -> FleetSpecError { FleetSpecError(description: "service '\(spec.name)': \(what)") }
            if spec.runsTasks && spec.capacityPerTask <= 0 { throw fail("capacity per task must be positive") }
            if spec.role == .external && spec.externalCapacity <= 0 { throw fail("an external service needs a positive capacity") }
            if spec.versions.isEmpty { throw fail("needs at least one version") }
            if !spec.versions.contains(where: { $0.name == spec.initialVersion }) {
                throw fail("initial version '\(spec.initialVersion)' is not among its versions")
            }
            if spec.initialDesiredCount < 0 || spec.initialDesiredCount > World.maxTasksPerService {
                throw fail("initial desired count must be 0…\(World.maxTasksPerService)")
            }
        }
    }

    private static func makeAlarms(fleet: FleetSpec, edge: Int) -> [Alarm] {
        var alarms = [Alarm(kind: .noHealthyTargets, subject: fleet.services[edge].name)]
        for spec in fleet.services where spec.runsTasks {
            alarms.append(Alarm(kind: .errorRate, subject: spec.name))
            if spec.isLoadBalanced { alarms.append(Alarm(kind: .latency, subject: spec.name)) }
            alarms.append(Alarm(kind: .unhealthyTargets, subject: spec.name))
        }
        for queue in fleet.queues { alarms.append(Alarm(kind: .queueBacklog, subject: queue.name)) }
        return alarms
    }

    /// The most tasks one service may have: ECS allows 5,000; the game keeps it playable.
    public static let maxTasksPerService = 1_000

    public var edge: Service { services[topology.edge] }

    public func serviceIndex(named name: String) -> Int? { services.firstIndex { $0.name == name } }
    public func service(named name: String) -> Service? { serviceIndex(named: name).map { services[$0] } }

    /// The events numbered `first` and later that are still held (see `eventsRecorded`).
    public func events(since first: Int) -> ArraySlice<SimEvent> {
        events.suffix(max(0, min(events.count, eventsRecorded - first)))
    }

    /// The current minute of play (0-based).
    public var minute: Int { tick / 60 }

    mutating func record(_ subject: String?, _ kind: SimEvent.Kind) {
        events.append(SimEvent(tick: tick, subject: subject, kind: kind))
        eventsRecorded += 1
    }
}
