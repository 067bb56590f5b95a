/// The default Unicorn.Rentals microservice fleet: an edge router behind the
/// public load balancer, web, rentals, inventory, payments (which calls an
/// external payment provider), profiles, basket, an orders queue consumed by
/// ordering, and notifications. Scenarios start from it and change it.
public enum UnicornRentalsFleet {
    public static let baseRequestsPerSecond = 150.0

    public static func spec(traffic: TrafficProfile? = nil, scoring: ScoringRules = .gameDay) -> FleetSpec {
        FleetSpec(
            services: services,
            queues: [QueueSpec(name: "orders")],
            traffic: traffic ?? TrafficProfile(baseRequestsPerSecond: baseRequestsPerSecond, diurnalAmplitude: 0.25),
            scoring: scoring)
    }

    public static let services: [ServiceSpec] = [
        ServiceSpec(
            name: "router", role: .edge, capacityPerTask: 120, concurrencyPerTask: 1_000, cpuUnits: 256, memoryMiB: 512,
            costPerTaskMinute: 0.015, baseLatencyMs: 5, timeoutMs: 10_000,
            dependencies: [.sync(service: "web", callsPerRequest: 1)], initialDesiredCount: 3),
        ServiceSpec(
            name: "web", role: .internal, capacityPerTask: 100, concurrencyPerTask: 200, memoryMiB: 1_024, baseLatencyMs: 30,
            dependencies: [
                .sync(service: "rentals", callsPerRequest: 0.6),
                .sync(service: "profiles", callsPerRequest: 0.3),
                .sync(service: "basket", callsPerRequest: 0.4),
                .async(queue: "orders", messagesPerRequest: 0.05),
            ],
            initialDesiredCount: 3),
        ServiceSpec(
            name: "rentals", role: .internal, capacityPerTask: 60, memoryMiB: 1_024, baseLatencyMs: 40,
            dependencies: [.sync(service: "inventory", callsPerRequest: 1), .sync(service: "payments", callsPerRequest: 0.1)],
            initialDesiredCount: 3,
            versions: [
                ServiceVersion(name: "v1"),
                ServiceVersion(name: "v2", errorRate: 0.25),
                ServiceVersion(name: "v3"),
            ]),
        ServiceSpec(name: "inventory", role: .internal, capacityPerTask: 150, baseLatencyMs: 15),
        ServiceSpec(
            name: "payments", role: .internal, capacityPerTask: 40, baseLatencyMs: 60, timeoutMs: 5_000,
            dependencies: [.sync(service: "payment-provider", callsPerRequest: 1)]),
        ServiceSpec(name: "payment-provider", role: .external, baseLatencyMs: 250, timeoutMs: 4_000, externalCapacity: 1_000),
        ServiceSpec(name: "profiles", role: .internal, capacityPerTask: 100, baseLatencyMs: 20),
        ServiceSpec(
            name: "basket", role: .internal, capacityPerTask: 100, memoryMiB: 1_024, baseLatencyMs: 20,
            versions: [ServiceVersion(name: "v1"), ServiceVersion(name: "v2", memoryLeakMiBPerMinute: 40)]),
        ServiceSpec(
            name: "ordering", role: .worker, capacityPerTask: 10, baseLatencyMs: 100,
            dependencies: [.sync(service: "notifications", callsPerRequest: 1)], consumesQueue: "orders"),
        ServiceSpec(name: "notifications", role: .internal, capacityPerTask: 100, baseLatencyMs: 30),
    ]
}
