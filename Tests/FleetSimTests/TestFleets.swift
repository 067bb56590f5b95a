@testable import FleetSim

/// Small fleets that isolate one mechanism at a time.
enum TestFleets {
    /// An edge calling one internal service, `api`, with steady traffic.
    static func edgeAndAPI(
        apiTasks: Int = 4, requestsPerSecond: Double = 100, apiCapacity: Double = 50,
        apiVersions: [ServiceVersion] = [ServiceVersion(name: "v1")],
        deployment: DeploymentSettings = .awsDefault, autoscaling: AutoscalingPolicy = .off, noise: Double = 0
    ) -> FleetSpec {
        FleetSpec(
            services: [
                ServiceSpec(name: "edge", role: .edge, capacityPerTask: 1_000, concurrencyPerTask: 10_000, baseLatencyMs: 5,
                            dependencies: [.sync(service: "api", callsPerRequest: 1)], initialDesiredCount: 2),
                ServiceSpec(name: "api", role: .internal, capacityPerTask: apiCapacity, baseLatencyMs: 20,
                            initialDesiredCount: apiTasks, versions: apiVersions, deployment: deployment, autoscaling: autoscaling),
            ],
            queues: [],
            traffic: TrafficProfile(baseRequestsPerSecond: requestsPerSecond, diurnalAmplitude: 0, noise: noise))
    }

    static func world(_ fleet: FleetSpec = edgeAndAPI(), seed: UInt64 = 1) -> World {
        try! World(fleet: fleet, seed: seed)
    }
}

extension World {
    var api: Service { service(named: "api")! }

    /// Steps until `condition` holds (checked after each step) or `limit` ticks pass; returns the ticks taken.
    @discardableResult
    mutating func step(until condition: (World) -> Bool, limit: Int = 10_000) -> Int? {
        for n in 1...limit {
            step()
            if condition(self) { return n }
        }
        return nil
    }

    /// Every event message of the last step.
    var messages: [String] { events.map(\.message) }
}
