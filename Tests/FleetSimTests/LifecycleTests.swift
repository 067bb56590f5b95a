import Testing
@testable import FleetSim

@Suite struct LifecycleTests {
    @Test func taskGoesThroughProvisioningPendingRunningInService() {
        var world = TestFleets.world()
        world.step(commands: [.scale(service: "api", count: 5)])
        let id = world.api.tasks.map(\.id).max()!
        var phases: [TaskPhase] = []
        world.step {
            let task = $0.api.tasks.first { $0.id == id }!
            if phases.last != task.phase { phases.append(task.phase) }
            return task.isInService
        }
        #expect(phases == [.provisioning, .pending, .running])
        let timings = TaskLifecycleTimings.fargate
        #expect(world.tick == 1 + timings.provisioningSeconds + timings.pendingSeconds + 150)
    }

    @Test func memoryLeakEndsInOOMKillWithExitCode137() {
        var world = TestFleets.world()
        world.step(injects: [.memoryLeak(service: "api", mibPerMinute: 100)])
        world.step { $0.api.recentStops.contains { $0.reason == .outOfMemory } }
        let stop = world.api.recentStops.first { $0.reason == .outOfMemory }!
        #expect(stop.exitCode == 137)
        // 60 % of the limit left to fill at 100 MiB a minute.
        let expected = Double(world.api.spec.memoryMiB) * (1 - World.baselineMemoryFraction) / (100.0 / 60)
        #expect(abs(Double(world.tick) - expected) <= 2)
        #expect(world.messages.contains { $0.contains("OutOfMemoryError") })
    }

    @Test func killedTaskStopsAtOnceAndIsReplaced() {
        var world = TestFleets.world()
        world.step(injects: [.killTask(service: "api")])
        #expect(world.api.activeTaskCount == 4, "the scheduler launches a replacement in the same tick")
        #expect(world.api.recentStops.last?.exitCode == 137)
        #expect(world.api.startingCount == 1)
    }

    @Test func repeatedStartFailuresBackOff() {
        let fleet = TestFleets.edgeAndAPI(apiVersions: [ServiceVersion(name: "v1"), ServiceVersion(name: "crash", crashesOnStart: true)],
                                          deployment: DeploymentSettings(minimumHealthyPercent: 100, maximumPercent: 200, circuitBreakerEnabled: false, rollbackOnFailure: false))
        var world = TestFleets.world(fleet)
        world.step(commands: [.deploy(service: "api", version: "crash")])
        world.step { $0.api.launchFailureStreak >= 5 }
        #expect(world.api.nextLaunchTick > world.tick, "after repeated failures launches wait")
        #expect(world.api.inServiceCount == 4, "old tasks keep serving: minimum healthy 100 %")
    }

    @Test func zoneOutageStopsTasksAndPlacementAvoidsTheZone() {
        var world = TestFleets.world()
        let inZoneA = world.api.tasks.filter { $0.zone == 0 }.count
        #expect(inZoneA > 0)
        world.step(injects: [.zoneOutage(zone: 0, seconds: 600)])
        #expect(!world.api.tasks.contains { $0.zone == 0 })
        #expect(world.api.activeTaskCount == 4)
        world.run(seconds: 300)
        #expect(!world.api.tasks.contains { $0.zone == 0 })
    }
}
