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

    @Test func cooldownBlocksScaleOutWhileMetricStaysHigh() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(requestsPerSecond: 180, autoscaling: Self.policy))
        world.step { $0.api.desiredCount > 4 }
        // Hold the load on the old tasks only: nothing new gets in service during the cooldown.
        world.services[1].spec.lifecycle.pendingSeconds = 10_000
        let desired = world.api.desiredCount
        for _ in 0..<299 {
            world.step()
            #expect(world.api.desiredCount == desired)
            if world.api.desiredCount != desired { break }
        }
        #expect(world.scaleOutCooldownLeft(service: 1) == 0 || world.scaleOutCooldownLeft(service: 1) <= 1)
        world.step { $0.api.desiredCount > desired }
        #expect(world.api.desiredCount > desired, "after the cooldown target tracking scales out again")
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
