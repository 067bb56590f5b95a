/// Everything needed to build a world: the services, queues, traffic and
/// score rules. Scenarios produce one; `World(fleet:seed:)` checks it.
public struct FleetSpec: Sendable, Hashable {
    public var services: [ServiceSpec]
    public var queues: [QueueSpec]
    public var traffic: TrafficProfile
    public var scoring: ScoringRules
    /// Availability Zones tasks are spread across (a, b, c, …).
    public var zoneCount: Int
    public var quests: [Quest]

    public init(services: [ServiceSpec], queues: [QueueSpec], traffic: TrafficProfile, scoring: ScoringRules = .gameDay,
                zoneCount: Int = 3, quests: [Quest] = []) {
        self.services = services
        self.queues = queues
        self.traffic = traffic
        self.scoring = scoring
        self.zoneCount = zoneCount
        self.quests = quests
    }
}

/// A problem in a fleet description, found before the game starts.
public struct FleetSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// The call graph resolved to indices and ordered so every caller comes
/// before everything it calls. Built once per world.
public struct Topology: Sendable, Hashable {
    public struct SyncEdge: Sendable, Hashable { public var callee: Int; public var callsPerRequest: Double }
    public struct AsyncEdge: Sendable, Hashable { public var queue: Int; public var messagesPerRequest: Double }

    /// Service indices, callers first.
    public var order: [Int]
    public var syncCalls: [[SyncEdge]]
    public var asyncSends: [[AsyncEdge]]
    /// For each queue, the worker service consuming it.
    public var queueConsumer: [Int?]
    /// For each service, the queue it consumes (workers only).
    public var consumedQueue: [Int?]
    /// The service customers reach first.
    public var edge: Int

    static func resolve(_ fleet: FleetSpec) throws(FleetSpecError) -> Topology {
        let names = fleet.services.map(\.name)
        func serviceIndex(_ name: String, from: String) throws(FleetSpecError) -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw FleetSpecError(description: "service '\(from)' calls unknown service '\(name)'")
            }
            return i
        }
        for (i, name) in names.enumerated() where names[..<i].contains(name) {
            throw FleetSpecError(description: "service '\(name)' is defined twice")
        }
        let queueNames = fleet.queues.map(\.name)
        let edges = fleet.services.indices.filter { fleet.services[$0].role == .edge }
        guard edges.count == 1 else {
            throw FleetSpecError(description: "a fleet needs exactly one edge service, found \(edges.count)")
        }
        var sync = Array(repeating: [SyncEdge](), count: names.count)
        var async = Array(repeating: [AsyncEdge](), count: names.count)
        for (i, spec) in fleet.services.enumerated() {
            for dependency in spec.dependencies {
                switch dependency {
                case let .sync(callee, calls):
                    let j = try serviceIndex(callee, from: spec.name)
                    if j == i { throw FleetSpecError(description: "service '\(spec.name)' calls itself") }
                    sync[i].append(SyncEdge(callee: j, callsPerRequest: calls))
                case let .async(queue, messages):
                    guard let q = queueNames.firstIndex(of: queue) else {
                        throw FleetSpecError(description: "service '\(spec.name)' sends to unknown queue '\(queue)'")
                    }
                    async[i].append(AsyncEdge(queue: q, messagesPerRequest: messages))
                }
            }
        }
        var consumer = [Int?](repeating: nil, count: queueNames.count)
        for (i, spec) in fleet.services.enumerated() {
            guard spec.role == .worker else { continue }
            guard let queue = spec.consumesQueue, let q = queueNames.firstIndex(of: queue) else {
                throw FleetSpecError(description: "worker '\(spec.name)' must consume a known queue")
            }
            if consumer[q] != nil { throw FleetSpecError(description: "queue '\(queue)' has two consumers") }
            consumer[q] = i
        }
        // Kahn's algorithm; ties broken by declaration order so the result never varies.
        // A worker comes after every producer of its queue.
        var incoming = Array(repeating: 0, count: names.count)
        var successors = Array(repeating: [Int](), count: names.count)
        for i in names.indices {
            for edge in sync[i] { successors[i].append(edge.callee) }
            for edge in async[i] { if let c = consumer[edge.queue] { successors[i].append(c) } }
            for s in successors[i] { incoming[s] += 1 }
        }
        var order: [Int] = []
        var ready = names.indices.filter { incoming[$0] == 0 }
        while !ready.isEmpty {
            let next = ready.removeFirst()
            order.append(next)
            for s in successors[next] {
                incoming[s] -= 1
                if incoming[s] == 0 { ready.append(s); ready.sort() }
            }
        }
        guard order.count == names.count else {
            let stuck = names.indices.filter { !order.contains($0) }.map { names[$0] }
            throw FleetSpecError(description: "the call graph has a cycle through: \(stuck.joined(separator: ", "))")
        }
        var consumed = [Int?](repeating: nil, count: names.count)
        for (q, worker) in consumer.enumerated() { if let worker { consumed[worker] = q } }
        return Topology(order: order, syncCalls: sync, asyncSends: async, queueConsumer: consumer, consumedQueue: consumed, edge: edges[0])
    }
}
