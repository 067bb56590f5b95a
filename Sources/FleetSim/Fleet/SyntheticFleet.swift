/// A fleet of any size for benchmarks and scale tests: an edge and a fan of
/// internal services in layers, each service calling up to two in the next layer.
public enum SyntheticFleet {
    public static func spec(services count: Int, tasksPerService: Int) -> FleetSpec {
        precondition(count >= 1)
        let perTaskLoad = 30.0
        var services: [ServiceSpec] = []
        for k in 0..<count {
            let callees = [2 * k + 1, 2 * k + 2].filter { $0 < count }
            services.append(ServiceSpec(
                name: "svc-\(k)", role: k == 0 ? .edge : .internal, capacityPerTask: 60,
                baseLatencyMs: 10, timeoutMs: 10_000,
                dependencies: callees.map { .sync(service: "svc-\($0)", callsPerRequest: 0.5) },
                initialDesiredCount: tasksPerService))
        }
        let traffic = TrafficProfile(baseRequestsPerSecond: perTaskLoad * Double(tasksPerService), diurnalAmplitude: 0.2)
        return FleetSpec(services: services, queues: [], traffic: traffic)
    }
}
