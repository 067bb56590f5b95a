import Testing
@testable import FleetSim

/// ALB health-check timing against FIDELITY.md: interval 30 s, healthy
/// threshold 5, unhealthy threshold 2, fail-open, deregistration delay 300 s.
@Suite struct HealthCheckTests {
    @Test func newTaskGetsTrafficOnlyAfterHealthyThresholdTimesInterval() {
        var world = TestFleets.world()
        world.step(commands: [.scale(service: "api", count: 5)])
        let newID = world.api.tasks.map(\.id).max()!
        world.step { $0.api.tasks.first { $0.id == newID }?.phase == .running }
        let runningAt = world.tick
        var routedEarly = false
        world.step {
            if $0.routing(service: 1).routable == 5 && !($0.api.tasks.first { $0.id == newID }!.isInService) { routedEarly = true }
            return $0.api.tasks.first { $0.id == newID }!.isInService
        }
        let settings = HealthCheckSettings.awsDefault
        #expect(world.tick - runningAt == settings.healthyThreshold * settings.intervalSeconds)
        #expect(world.tick - runningAt == 150)
        #expect(!routedEarly, "a target must get no traffic before it is healthy")
        #expect(world.routing(service: 1).routable == 5)
    }

    @Test func hungTaskGoesUnhealthyAfterTwoFailedChecks() {
        var world = TestFleets.world()
        world.step(injects: [.hangTasks(service: "api", count: 1)])
        let injectedAt = world.tick - 1
        let hung = world.api.tasks.first { $0.isHung }!
        #expect(world.api.inServiceCount == 4, "a hung task stays in service until checks catch it")
        world.step { $0.api.tasks.first { $0.id == hung.id }?.target != .healthy }
        let caught = world.tick - injectedAt
        #expect(caught > 30 && caught <= 60, "2 failed checks 30 s apart: caught after \(caught) s")
        #expect(world.messages.contains { $0.contains("is unhealthy: Request timed out") })
        #expect(world.api.tasks.first { $0.id == hung.id }?.phase == .draining)
    }

    @Test func hungTaskFailsItsShareOfRequestsUntilCaught() {
        var world = TestFleets.world()
        world.step(injects: [.hangTasks(service: "api", count: 1)])
        world.step()
        #expect(abs(world.api.metrics.errorRate - 0.25) < 0.01, "1 of 4 targets hung: a quarter of requests fail")
    }

    /// ELB completes deregistration as soon as a target has no in-flight requests, and waits
    /// at most the deregistration delay (300 s) for them.
    @Test func drainingEndsWhenInFlightRequestsAreDoneAtMostTheDelay() {
        var world = TestFleets.world()
        world.run(seconds: 60)
        world.step(commands: [.scale(service: "api", count: 3)])
        let draining = world.api.tasks.first { $0.phase == .draining }!
        #expect(draining.target == .draining)
        let delay = world.step { w in !w.api.tasks.contains { $0.id == draining.id } }
        #expect(delay == 1, "20 ms requests are done within a second")
        #expect(world.api.recentStops.last?.reason == .scaledIn)
        #expect(world.api.recentStops.last?.exitCode == 0)

        // A hung target's requests end only when its callers give up (api: 3 s timeout).
        world.step(injects: [.hangTasks(service: "api", count: 1)])
        let hung = world.api.tasks.first { $0.isHung }!
        world.step { w in w.api.tasks.contains { $0.id == hung.id && $0.phase == .draining } }
        #expect(world.step { w in !w.api.tasks.contains { $0.id == hung.id } } == 3)

        // Requests that would outlast the delay: the delay wins (callers wait 60 s, the delay is 20 s).
        var slow = TestFleets.world()
        slow.services[1].spec.timeoutMs = 60_000
        slow.services[1].spec.healthCheck.deregistrationDelaySeconds = 20
        slow.step(injects: [.hangTasks(service: "api", count: 1)])
        let stuck = slow.api.tasks.first { $0.isHung }!
        slow.step { w in w.api.tasks.contains { $0.id == stuck.id && $0.phase == .draining } }
        #expect(slow.step { w in !w.api.tasks.contains { $0.id == stuck.id } } == 20)
    }

    @Test func loadBalancerFailsOpenWhenNoTargetIsHealthy() {
        let fleet = TestFleets.edgeAndAPI(apiVersions: [ServiceVersion(name: "v1"), ServiceVersion(name: "bad", failsHealthChecks: true)])
        var world = TestFleets.world(fleet)
        // Replace every task with one whose health check fails; minimum healthy 0 lets all old go.
        world.services[1].spec.deployment.minimumHealthyPercent = 0
        world.services[1].spec.deployment.circuitBreakerEnabled = false
        world.step(commands: [.deploy(service: "api", version: "bad")])
        world.step { $0.api.inServiceCount == 0 && $0.api.runningCount > 0 && $0.api.tasks.contains { $0.target == .initial } }
        let r = world.routing(service: 1)
        #expect(r.routable > 0, "with no healthy target the load balancer sends to all registered ones")
        #expect(r.capacity > 0)
    }

    /// The health check's timeout matters: a busy target answers its check as slowly as any
    /// request, and one slower than the timeout counts as a failure (ELB target-group health checks).
    @Test func aTightHealthCheckTimeoutTakesBusyTargetsOut() {
        func unhealthyEvents(load: Double, timeout: Int) -> Int {
            var fleet = TestFleets.edgeAndAPI(requestsPerSecond: load)
            fleet.services[1].baseLatencyMs = 200
            fleet.services[1].healthCheck.timeoutSeconds = timeout
            var world = TestFleets.world(fleet)
            var count = 0
            for _ in 0..<600 {
                world.step()
                count += world.events.filter { if case .targetUnhealthy = $0.kind { true } else { false } }.count
            }
            return count
        }
        #expect(unhealthyEvents(load: 170, timeout: 5) == 0, "85 % busy: checks answer within the 5 s default")
        #expect(unhealthyEvents(load: 170, timeout: 1) > 0, "85 % busy: a 1 s timeout fails some checks")
        #expect(unhealthyEvents(load: 60, timeout: 1) == 0, "30 % busy: answers well within a second")
    }
}
