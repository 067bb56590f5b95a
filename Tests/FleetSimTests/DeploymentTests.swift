import Testing
@testable import FleetSim

/// Rolling deployments and the deployment circuit breaker (ECS API reference).
@Suite struct DeploymentTests {
    static let versions = [
        ServiceVersion(name: "v1"), ServiceVersion(name: "v2"),
        ServiceVersion(name: "crash", crashesOnStart: true),
        ServiceVersion(name: "unhealthy", failsHealthChecks: true),
        ServiceVersion(name: "errors", errorRate: 0.3),
    ]

    @Test(arguments: [(1, 3), (4, 3), (6, 3), (7, 4), (10, 5), (11, 6), (400, 200), (1_000, 200)])
    func circuitBreakerThresholdIsHalfDesiredBetween3And200(desired: Int, threshold: Int) {
        #expect(DeploymentCircuitBreaker.failureThreshold(desiredCount: desired) == threshold)
    }

    @Test func circuitBreakerTripsAtThresholdOnTasksThatNeverStart() {
        // maximumPercent 110 launches one new task at a time, so failures arrive one by one.
        let oneAtATime = DeploymentSettings(minimumHealthyPercent: 100, maximumPercent: 110, circuitBreakerEnabled: true, rollbackOnFailure: false)
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiTasks: 10, apiCapacity: 20, apiVersions: Self.versions, deployment: oneAtATime))
        world.step(commands: [.deploy(service: "api", version: "crash")])
        world.step { $0.events.contains { if case .deploymentFailed = $0.kind { true } else { false } } }
        let failed = world.events.first { if case .deploymentFailed = $0.kind { true } else { false } }!
        guard case let .deploymentFailed(_, failedTasks, threshold) = failed.kind else { Issue.record(); return }
        #expect(threshold == 5)
        #expect(failedTasks == 5)
        #expect(world.api.primary?.rollout == .failed)
        #expect(world.api.inServiceCount == 10, "minimum healthy 100 %: the old tasks never stopped")
    }

    /// ECS fixes the threshold when the deployment starts: scaling the service during the
    /// deployment does not move it (the inspector once read "4 of 3 failures").
    @Test func circuitBreakerThresholdIsFixedWhenTheDeploymentStarts() {
        let breaker = DeploymentSettings(minimumHealthyPercent: 100, maximumPercent: 200, circuitBreakerEnabled: true, rollbackOnFailure: false)
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiTasks: 10, apiCapacity: 20, apiVersions: Self.versions, deployment: breaker))
        world.step(commands: [.deploy(service: "api", version: "crash")])
        #expect(world.api.primary?.failureThreshold == 5)
        world.step(commands: [.scale(service: "api", count: 4)])
        var keptGoingPastThree = false
        #expect(world.step(until: {
            if let d = $0.api.primary, d.failedTasks >= 3, d.failedTasks < 5, d.rollout == .inProgress { keptGoingPastThree = true }
            return $0.api.primary?.rollout == .failed
        }, limit: 3_600) != nil)
        #expect(keptGoingPastThree, "3 or 4 failures do not trip a threshold of 5 (of 10 desired at the start, not 3 of the 4 now)")
        #expect(world.api.primary!.failedTasks >= 5)
    }

    /// After the breaker fails a deployment with rollback off, the tasks still run the old
    /// version: the running version and the failed deployment are two different things.
    @Test func aFailedDeploymentIsNotTheRunningVersion() {
        let noRollback = DeploymentSettings(minimumHealthyPercent: 100, maximumPercent: 200, circuitBreakerEnabled: true, rollbackOnFailure: false)
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiVersions: Self.versions, deployment: noRollback))
        world.step(commands: [.deploy(service: "api", version: "crash")])
        world.step { $0.api.primary?.rollout == .failed }
        #expect(world.api.currentVersion.name == "crash", "PRIMARY is the failed deployment")
        #expect(world.api.failedDeployment != nil)
        #expect(world.api.runningVersion.name == "v1")
    }

    @Test func circuitBreakerCountsFailedHealthChecksAndRollsBackWhenEnabled() {
        let deployment = DeploymentSettings(minimumHealthyPercent: 100, maximumPercent: 200, circuitBreakerEnabled: true, rollbackOnFailure: true)
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiVersions: Self.versions, deployment: deployment))
        world.step(commands: [.deploy(service: "api", version: "unhealthy")])
        world.step { $0.events.contains { if case .deploymentStarted(_, true) = $0.kind { true } else { false } } }
        #expect(world.api.deployments.first?.isRollback == true)
        #expect(world.api.spec.versions[world.api.primary!.versionIndex].name == "v1")
        #expect(world.messages.contains { $0.contains("is rolling back to v1") })
    }

    @Test func healthyButErroringVersionIsNotCaughtByTheCircuitBreaker() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiVersions: Self.versions))
        world.step(commands: [.deploy(service: "api", version: "errors")])
        world.step { $0.api.primary?.rollout != .inProgress }
        #expect(world.api.primary?.rollout == .completed)
        world.run(seconds: 60)
        #expect(abs(world.api.metrics.errorRate - 0.3) < 0.01)
        #expect(world.api.inServiceCount == 4)
    }

    @Test func rollingDeployKeepsMinimumHealthyAndNeverExceedsMaximum() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiVersions: Self.versions))
        world.step(commands: [.deploy(service: "api", version: "v2")])
        var minInService = Int.max, maxActive = 0
        world.step {
            minInService = min(minInService, $0.api.inServiceCount)
            maxActive = max(maxActive, $0.api.activeTaskCount)
            return $0.api.primary?.rollout == .completed
        }
        #expect(minInService >= 4, "minimumHealthyPercent 100: never below 4 in service")
        #expect(maxActive <= 8, "maximumPercent 200: never above 8 tasks")
        #expect(world.api.tasks.filter { $0.phase != .draining }.allSatisfy { world.api.spec.versions[$0.versionIndex].name == "v2" })
        #expect(world.messages.contains("service api deployment of v2 completed"))
    }

    @Test func rollbackReturnsToLastCompletedVersion() {
        var world = TestFleets.world(TestFleets.edgeAndAPI(apiVersions: Self.versions))
        world.step(commands: [.deploy(service: "api", version: "errors")])
        world.step { $0.api.primary?.rollout == .completed }
        world.step(commands: [.rollback(service: "api")])
        world.step { $0.api.primary?.rollout == .completed }
        #expect(world.api.currentVersion.name == "v1")
        world.run(seconds: 400)
        #expect(world.api.metrics.errorRate < 0.001)
    }

    @Test func restartReplacesEveryTaskAndClearsALeak() {
        var world = TestFleets.world()
        world.step(injects: [.memoryLeak(service: "api", mibPerMinute: 10)])
        let before = Set(world.api.tasks.map(\.id))
        world.step(commands: [.restart(service: "api")])
        world.step { $0.api.primary?.rollout == .completed }
        #expect(Set(world.api.tasks.filter { $0.phase != .draining }.map(\.id)).isDisjoint(with: before))
        #expect(world.api.tasks.filter { $0.phase != .draining }.allSatisfy { $0.leakMiBPerMinute == 0 })
    }
}
