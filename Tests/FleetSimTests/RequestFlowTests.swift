import Testing
@testable import FleetSim

/// Traffic through the call graph: conservation, saturation, coupling and queues.
@Suite struct RequestFlowTests {
    @Test func latencyClimbsSteeplyNearSaturation() {
        let d50 = LatencyDistribution.queueingDelay(serviceMs: 20, utilisation: 0.5)
        let d90 = LatencyDistribution.queueingDelay(serviceMs: 20, utilisation: 0.9)
        let d97 = LatencyDistribution.queueingDelay(serviceMs: 20, utilisation: 0.97)
        #expect(d50 == 20)
        #expect(abs(d90 - 180) < 1e-9)
        #expect(d97 > 3 * d90)
        let latency = LatencyDistribution(fixedMs: 100, queueingMeanMs: 50)
        #expect(abs(latency.quantile(0.5) - (100 + 50 * 0.6931471805599453)) < 1e-9)
        #expect(latency.fraction(within: 99) == 0)
        #expect(abs(latency.fraction(within: latency.quantile(0.99)) - 0.99) < 1e-9)
    }

    @Test func overloadShedsRequestsAsFailures() {
        // 4 × 50 = 200 req/s of capacity against 300 req/s.
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 300))
        world.run(seconds: 30)
        #expect(abs(world.api.metrics.errorRate - 1.0 / 3) < 0.02)
        #expect(world.api.metrics.p99LatencyMs > 1_000)
    }

    @Test func customerRequestsAreConservedEveryTick() {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: 42)
        let faults: [Int: Fault] = [
            100: .trafficSpike(multiplier: 6, seconds: 900), 300: .hangTasks(service: "web", count: 2),
            500: .dependencyOutage(service: "payment-provider", seconds: 300), 700: .zoneOutage(zone: 1, seconds: 600),
            900: .killTask(service: "router"),
        ]
        for tick in 0..<1_800 {
            world.step(injects: faults[tick].map { [$0] } ?? [])
            let s = world.score
            #expect(s.arrived == s.served + s.failed + s.waiting, "tick \(tick)")
            for q in world.queues { #expect(q.enqueuedTotal == q.consumedTotal + q.backlog, "queue at tick \(tick)") }
            if s.arrived != s.served + s.failed + s.waiting { break }
        }
        #expect(world.score.failed > 0, "the faults must have hurt")
        #expect(world.score.waiting >= 0)
    }

    @Test func slowPaymentProviderCascadesIntoRentalsErrors() {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: 3)
        world.run(seconds: 120)
        let healthy = world.service(named: "payments")!.metrics
        world.step(injects: [.dependencyLatency(service: "payment-provider", addedMs: 6_000, seconds: 600)])
        world.run(seconds: 60)
        let payments = world.service(named: "payments")!.metrics
        #expect(healthy.errorRate < 0.01)
        #expect(payments.errorRate > 0.9, "calls slower than the 4 s timeout fail")
        #expect(world.service(named: "rentals")!.metrics.errorRate > 0.05, "rentals calls payments synchronously")
    }

    @Test func brokenConsumerTurnsIntoQueueBacklogNotErrors() {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: 3)
        world.step(commands: [.scale(service: "ordering", count: 0)])
        world.run(seconds: 600)
        let orders = world.queues.first { $0.spec.name == "orders" }!
        #expect(orders.backlog > 3_000)
        #expect(world.service(named: "web")!.metrics.errorRate < 0.01, "web only sends to the queue")
        #expect(world.edge.inServiceCount == 3)
    }

    @Test func edgeWithNoHealthyTargetIsDownAndPenalised() {
        var world = TestFleets.world()
        world.step(injects: [.hangTasks(service: "edge", count: 2)])
        world.step { $0.edgeIsDown }
        world.run(seconds: 10)
        #expect(world.score.edgeDownSeconds >= 10)
        #expect(world.score.edgeDownPoints == Double(world.score.edgeDownSeconds) * ScoringRules.gameDay.edgeDownPenaltyPerSecond)
    }

    @Test func cpuHogAndNoisyNeighbourCutCapacity() {
        var world = TestFleets.world()
        world.step()
        #expect(world.api.metrics.capacity == 200, "4 tasks × 50 req/s")
        world.step(injects: [.cpuHog(service: "api", percent: 50, seconds: 60)])
        #expect(abs(world.api.metrics.capacity - 100) < 1)
        world.run(seconds: 70)
        #expect(abs(world.api.metrics.capacity - 200) < 1, "the hog ends")
        let inZoneA = world.api.tasks.filter { $0.zone == 0 && $0.isInService }.count
        world.step(injects: [.noisyNeighbour(zone: 0, percent: 40, seconds: 60)])
        #expect(abs(world.api.metrics.capacity - (200 - Double(inZoneA) * 50 * 0.4)) < 1)
    }

    @Test func callFailuresAndThrottlingHitCallers() {
        var world = TestFleets.world()
        world.step(injects: [.packetLoss(service: "api", percent: 30, seconds: 60)])
        world.step()
        #expect(abs(world.edge.metrics.errorRate - 0.3) < 0.02)
        world.run(seconds: 70)
        world.step(injects: [.dnsFailure(service: "api", seconds: 60)])
        world.step()
        #expect(world.edge.metrics.errorRate > 0.99)
        world.run(seconds: 70)
        world.step(injects: [.throttle(service: "api", requestsPerSecond: 50, seconds: 60)])
        world.step()
        #expect(abs(world.api.metrics.errorRate - 0.5) < 0.05, "100 req/s against a quota of 50")
        #expect(abs(world.api.metrics.throttled - 50) < 1, "50 req/s answered 429")
    }

    /// A throttle answers 429 at once: requests over the quota fail fast instead of queueing,
    /// so the service's latency stays near normal and callers with a tight timeout stay quick
    /// (payments once showed a 6.1 s p99 behind a 1 s timeout to a throttled provider).
    @Test func throttledRequestsFailFastWithoutQueueing() {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: 3)
        world.run(seconds: 120)
        let provider = world.service(named: "payment-provider")!
        let normal = provider.metrics.p99LatencyMs
        world.step(commands: [.timeout(service: "payment-provider", milliseconds: 1_000)],
                   injects: [.throttle(service: "payment-provider", requestsPerSecond: provider.metrics.offered / 2, seconds: 600)])
        world.run(seconds: 60)
        let throttled = world.service(named: "payment-provider")!.metrics
        #expect(throttled.throttled > 0)
        #expect(throttled.p99LatencyMs < normal * 2, "the admitted half is served at normal speed")
        let payments = world.service(named: "payments")!.metrics
        #expect(payments.errorRate > 0.3, "callers see the 429s as errors")
        #expect(payments.p99LatencyMs < 1_500, "and stay fast: nothing waits behind the quota")
    }

    @Test func diskFullTasksFailWritesAndAreReplaced() {
        var world = TestFleets.world()
        world.step(injects: [.diskFull(service: "api")])
        world.step()
        #expect(abs(world.api.metrics.errorRate - World.diskFullErrorRate) < 0.01)
        world.step { w in w.api.tasks.filter { $0.isDiskFull && $0.phase == .running }.isEmpty }
        #expect(world.tick <= 70, "two failed checks take every full task out")
    }

    @Test func trafficSpikeRampsAndEnds() {
        let spike = TrafficSpike(startTick: 100, durationSeconds: 600, multiplier: 5, rampSeconds: 60)
        #expect(spike.multiplier(at: 99) == 1)
        #expect(spike.multiplier(at: 130) == 3)
        #expect(spike.multiplier(at: 400) == 5)
        #expect(spike.multiplier(at: 700) == 1)
    }
}
