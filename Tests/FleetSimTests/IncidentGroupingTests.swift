import Testing
@testable import FleetSim

/// Alert grouping (as PagerDuty and Opsgenie do it): alarms from one cause
/// that fire within a few minutes of a firing incident join it, so the
/// incident count means something.
@Suite struct IncidentGroupingTests {
    /// A spike that overwhelms the fleet: several alarms fire on several services.
    static func spikedWorld() -> World {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: 5)
        world.run(seconds: 120)
        world.step(injects: [.trafficSpike(multiplier: 4, seconds: 900)])
        world.run(seconds: 600)
        return world
    }

    @Test func oneSpikeIsOneIncidentWithItsAlarmsListed() {
        let world = Self.spikedWorld()
        let fired = world.alarms.filter { $0.openIncident != nil }
        #expect(fired.count >= 3, "the spike must trip several alarms for this test to mean anything")
        #expect(world.incidents.count == 1)
        let incident = world.incidents[0]
        #expect(incident.alarms.count == fired.count)
        #expect(incident.title.hasSuffix("+\(fired.count - 1) related"))
        #expect(incident.severity == fired.map(\.kind.severity).min(), "as severe as its worst alarm")
    }

    @Test func anIncidentIsMitigatedOnlyWhenEveryAlarmIsBackToOK() {
        var world = Self.spikedWorld()
        let id = world.incidents[0].id
        world.step { world in
            let incident = world.incidents[0]
            let firing = world.alarms.contains { $0.openIncident == id && $0.isFiring }
            #expect(incident.mitigatedAt == nil || !firing)
            return incident.mitigatedAt != nil
        }
        world.step(commands: [.resolve(incident: id)])
        #expect(world.incidents[0].state == .resolved)
        #expect(!world.alarms.contains { $0.openIncident == id }, "resolving releases every alarm it grouped")
    }

    @Test func anAlarmLongAfterTheIncidentOpenedStartsANewOne() {
        var world = TestFleets.world()
        world.step(injects: [.hangTasks(service: "api", count: 4)])
        world.step { !$0.incidents.isEmpty }
        world.run(seconds: World.groupingWindowSeconds + 60)
        world.step(injects: [.trafficSpike(multiplier: 5, seconds: 600)])
        world.run(seconds: 600)
        #expect(world.incidents.count >= 2, "outside the grouping window an alarm opens its own incident")
    }
}
