import FleetSim

/// Scenarios that ship inside the binary.
public enum BuiltInScenarios {
    public static let all: [Scenario] = [firstDay]

    public static func named(_ id: String) -> Scenario? { all.first { $0.id == id } }

    public static var ids: [String] { all.map(\.id) }

    /// The tutorial: a quiet start, then one of each everyday failure, spaced out.
    public static let firstDay = Scenario(
        id: "first-day",
        title: "First day at Unicorn.Rentals",
        briefing: """
            Welcome to Unicorn.Rentals! The DevOps team quit last week and the pager is yours. \
            Customers reach the router through the public load balancer; it calls web, which calls \
            rentals, profiles and basket; rentals calls inventory and payments; payments calls an \
            external payment provider; orders go through a queue to ordering. Expect a traffic spike, \
            a hung task, a bad deploy, a slow payment provider and a memory leak. New tasks take \
            about 3 minutes to get traffic: scale before you need to.
            """,
        difficulty: .tutorial,
        durationSeconds: 2 * 3_600,
        defaultSeed: 1,
        fleet: UnicornRentalsFleet.spec(),
        timeline: [
            Inject(tick: 10 * 60, fault: .trafficSpike(multiplier: 2.5, seconds: 12 * 60)),
            Inject(tick: 28 * 60, fault: .crashTasks(service: "rentals", count: 1)),
            Inject(tick: 40 * 60, fault: .badDeploy(service: "rentals", version: "v2")),
            Inject(tick: 60 * 60, fault: .dependencyLatency(service: "payment-provider", addedMs: 1_500, seconds: 10 * 60)),
            Inject(tick: 75 * 60, fault: .memoryLeak(service: "basket", mibPerMinute: 30)),
            Inject(tick: 95 * 60, fault: .trafficSpike(multiplier: 3, seconds: 15 * 60)),
        ],
        par: 9_000)
}
