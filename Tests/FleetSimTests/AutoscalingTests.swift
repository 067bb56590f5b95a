import Testing
@testable import FleetSim

/// Target tracking (Application Auto Scaling): proportional scale-out,
/// 300 s cooldowns, scale-in paused during deployments, min/max.
@Suite struct AutoscalingTests {
    static let policy = AutoscalingPolicy(enabled: true, metric: .cpu, target: 50, minCapacity: 2, maxCapacity: 40)

    @Test func proportionalCapacity() {
        #expect(TargetTracking.proportionalCapacity(current: 4, metric: 90, target: 60) == 6)
        #expect(TargetTracking.proportionalCapacity(current: 4, metric: 30, target: 60) == 2)
    }

    @Test func scalesOutAfterThreeBreachingMinutesThenCooldownBlocksASecondScaleOut() {
        // 4 tasks × 50 req/s at 180 req/s: CPU 90 % against a 50 % target.
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 180, autoscaling: Self.policy))
        world.step { $0.api.desiredCount > 4 }
        #expect(world.tick == 180, "3 one-minute datapoints above target")
        #expect(world.api.desiredCount == 8, "ceil(4 × 90 / 50)")
        #expect(world.scaleOutCooldownLeft(service: 1) == 299, "300 s cooldown, one tick already gone")
    }

    /// Application Auto Scaling: during a scale-out cooldown the capacity the last action added
    /// counts toward the next one, and the policy scales out again when the metric still calls
    /// for more (new tasks that are not running yet do not lower the CPU of the running ones).
    @Test func withinTheScaleOutCooldownItStillScalesOutWhenTheMetricCallsForMore() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 180, autoscaling: Self.policy))
        world.step { $0.api.desiredCount > 4 }
        // Hold the load on the old tasks only: CPU stays at 90 % of the 4 running tasks.
        world.services[1].spec.lifecycle.pendingSeconds = 10_000
        #expect(world.api.desiredCount == 8)
        world.step { $0.api.desiredCount > 8 }
        #expect(world.scaleOutCooldownLeft(service: 1) > 0, "within the cooldown")
        #expect(world.api.desiredCount == 15, "ceil(8 × 90 / 50): the metric asks for more than the last action set")
        #expect(world.scaleInCooldownLeft(service: 1) > 0, "while scale-in still waits")
    }

    /// ECS CPU utilisation comes from running tasks, whatever the load balancer thinks of them:
    /// with no target in service the policy still scales out on CPU.
    @Test func cpuDatapointsDoNotNeedTargetsInService() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 180, autoscaling: Self.policy))
        world.services[1].spec.healthCheck.healthyThreshold = 1_000
        for j in world.services[1].tasks.indices { world.services[1].tasks[j].target = .initial }
        world.run(seconds: 240)
        #expect(world.api.inServiceCount == 0)
        #expect(world.api.desiredCount > 4, "three CPU datapoints above target, no target in service")
    }

    @Test func scaleInWaitsForDeploymentToFinish() {
        var policy = Self.policy
        policy.scaleInDatapoints = 3
        let fleet = TestFleets.edgeAndAPI(apiTasks: 8, requestsPerSecond: 40,
                                          apiVersions: [ServiceVersion(name: "v1"), ServiceVersion(name: "v2")], autoscaling: policy)
        var world = TestFleets.world(fleet)
        world.step(commands: [.deploy(service: "api", version: "v2")])
        // Make the deployment slow so it outlasts several datapoints.
        world.services[1].spec.lifecycle.pendingSeconds = 600
        var scaledInDuringDeploy = false
        world.step {
            if $0.api.isDeploying && $0.api.desiredCount < 8 { scaledInDuringDeploy = true }
            return !$0.api.isDeploying
        }
        #expect(!scaledInDuringDeploy)
        #expect(world.tick > 600)
        world.step { $0.api.desiredCount < 8 }
        #expect(world.api.desiredCount >= 2)
    }

    /// "Scales in slowly": a quarter of the tasks at most per step, another step after each
    /// scale-in cooldown while the metric stays low, and the datapoint count never runs past
    /// the alarm's (the inspector once read "30/15 low datapoints").
    @Test func scalesInAQuarterAtATimeOncePerCooldown() {
        var policy = Self.policy
        policy.minCapacity = 1
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiTasks: 12, requestsPerSecond: 30, autoscaling: policy))
        var steps: [(tick: Int, from: Int, to: Int)] = []
        for _ in 0..<3_600 {
            let before = world.api.desiredCount
            world.step()
            #expect(world.api.scaling.lowDatapoints <= policy.scaleInDatapoints)
            if world.api.desiredCount < before { steps.append((world.tick, before, world.api.desiredCount)) }
        }
        #expect(steps.first?.from == 12)
        #expect(steps.first?.to == 9, "12 → 9, not straight to what CPU alone asks for")
        #expect(steps.count >= 3)
        #expect(world.api.desiredCount == 2, "at 2 tasks the CPU asks for 2 (30 % of a 50 % target): no flapping to 1")
        for (earlier, later) in zip(steps, steps.dropFirst()) {
            #expect(later.from - later.to <= max(1, later.from / 4))
            #expect(later.tick - earlier.tick >= policy.scaleInCooldownSeconds, "one step per cooldown")
            #expect(later.tick - earlier.tick <= policy.scaleInCooldownSeconds + 60, "the alarm stays in ALARM: no new 15 datapoints")
        }
    }

    @Test func enablingAutoscalingClampsDesiredIntoMinMax() {
        var world = TestFleets.world()
        world.step(commands: [.autoscale(service: "api", change: AutoscaleChange(enabled: true, minCapacity: 6, maxCapacity: 10))])
        #expect(world.api.desiredCount == 6)
    }

    @Test func noDatapointNoAction() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 180, autoscaling: Self.policy))
        world.step(commands: [.scale(service: "api", count: 0)])
        world.run(seconds: 600)
        #expect(world.api.desiredCount == 0, "no tasks in service, no datapoint: target tracking does nothing")
    }
}
