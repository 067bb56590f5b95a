import Testing
@testable import FleetSim

/// The score models the business: customers who give up, orders within their
/// SLA, the price of capacity, and incidents left waiting. Each rule is checked
/// by playing the fleet, not by reading the rule back.
@Suite struct ScoringTests {
    static let baseLoads: [String: Double] = ["router": 150, "web": 150, "rentals": 90, "inventory": 90, "payments": 9,
                                              "profiles": 45, "basket": 60, "ordering": 7.5, "notifications": 7.5]

    /// An hour of steady traffic with a daily swing, every service sized so its base load is `u` of its capacity.
    static func staticFleet(utilisation u: Double) throws -> World {
        var fleet = UnicornRentalsFleet.spec(traffic: TrafficProfile(baseRequestsPerSecond: 150, diurnalAmplitude: 0.25,
                                                                       diurnalPeriodSeconds: 3_600, noise: 0.05))
        for i in fleet.services.indices where fleet.services[i].runsTasks {
            let load = baseLoads[fleet.services[i].name]!
            fleet.services[i].initialDesiredCount = max(1, Int((load / (u * fleet.services[i].capacityPerTask)).rounded(.up)))
        }
        var world = try World(fleet: fleet, seed: 3)
        world.run(seconds: 3_600)
        return world
    }

    /// Idle capacity loses, running hot loses more: about 60 % is the sweet spot.
    @Test func runningAtAboutSixtyPercentScoresBest() throws {
        let idle = try Self.staticFleet(utilisation: 0.3).score.total
        let sweet = try Self.staticFleet(utilisation: 0.6).score.total
        let hot = try Self.staticFleet(utilisation: 0.9).score.total
        #expect(sweet > idle * 1.05, "twice the tasks for the same customers costs more than it earns (\(Int(idle)) vs \(Int(sweet)))")
        #expect(sweet > hot * 1.1, "at 90 % requests slow down and fail (\(Int(hot)) vs \(Int(sweet)))")
    }

    /// Customers abandon a request slower than their patience (3 s): it counts as failed, not slow.
    @Test func customersAbandonRequestsSlowerThanTheirPatience() throws {
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 50))
        world.step(injects: [.dependencyLatency(service: "api", addedMs: 2_000, seconds: 600)])
        world.run(seconds: 120)
        let patient = world.score
        #expect(patient.abandoned == 0 && patient.failed == 0, "2 s answers: slow, but customers wait")
        var slow = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 50))
        slow.services[0].spec.timeoutMs = 60_000
        slow.services[1].spec.timeoutMs = 60_000
        slow.step(injects: [.dependencyLatency(service: "api", addedMs: 4_000, seconds: 600)])
        slow.run(seconds: 120)
        #expect(slow.score.abandoned > 5_000, "4 s answers: customers leave")
        #expect(slow.score.failed >= slow.score.abandoned && slow.score.served < 100)
        #expect(slow.score.arrived == slow.score.served + slow.score.failed + slow.score.waiting)
    }

    /// Orders completed within 5 minutes earn points; orders left waiting past it cost every minute.
    @Test func ordersEarnWithinTheirSLAAndAnAgeingBacklogCosts() throws {
        var running = try World(fleet: UnicornRentalsFleet.spec(), seed: 5)
        running.run(seconds: 1_200)
        var stopped = try World(fleet: UnicornRentalsFleet.spec(), seed: 5)
        stopped.step(commands: [.scale(service: "ordering", count: 0)])
        stopped.run(seconds: 1_199)
        #expect(running.score.ordersOnTime > 7_000 && running.score.orderPoints > 700)
        #expect(running.score.backlogPoints == 0)
        #expect(stopped.score.ordersOnTime < 100, "nobody consumes the queue")
        #expect(stopped.score.backlogPoints > 100, "orders older than the SLA cost every minute")
        #expect(stopped.score.total < running.score.total - 800, "switching the order pipeline off loses far more than its tasks cost")
        #expect(stopped.queues[0].oldestMessageAge(at: stopped.tick) > 1_000)
    }

    /// Every minute an incident waits unacknowledged costs; acknowledging stops that part.
    @Test func unacknowledgedIncidentsCostEveryMinute() throws {
        func incidentPoints(acknowledge: Bool) -> Double {
            var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 100))
            world.step(injects: [.dependencyOutage(service: "api", seconds: 1_200)])
            for _ in 0..<1_200 {
                let waiting = world.incidents.filter { $0.acknowledgedAt == nil && $0.resolvedAt == nil }.map(\.id)
                world.step(commands: acknowledge ? waiting.map { .acknowledge(incident: $0) } : [])
            }
            return world.score.incidentPoints
        }
        let ignored = incidentPoints(acknowledge: false), worked = incidentPoints(acknowledge: true)
        #expect(ignored > worked + 30, "\(ignored) vs \(worked)")
        #expect(worked > 0, "a firing incident still costs while it is not mitigated")
    }
}
