import FleetSim
import Scenarios
import Testing
@testable import Session

/// What the debrief credits to each command.
@Suite struct DebriefTests {
    /// Two commands in one tick: each is credited with what it changed, never the other's
    /// effect (an `ack` was once credited with "callers of payment-provider now give up").
    @Test func commandsInOneTickKeepTheirOwnEffects() throws {
        var world = try World(fleet: UnicornRentalsFleet.spec(), seed: 2)
        world.run(seconds: 30)
        world.step(commands: [.timeout(service: "payment-provider", milliseconds: 800), .scale(service: "web", count: 5),
                              .scale(service: "payment-provider", count: 2)])
        let lines = Debrief.commandLines(in: world.events)
        #expect(lines.map(\.text) == ["timeout payment-provider 800", "scale web 5"], "a refused command is no line")
        #expect(lines[0].effect.contains("800 ms"))
        #expect(lines[1].effect.contains("5"), "\(lines[1].effect)")
        #expect(!lines[1].effect.contains("payment-provider"))
    }

    /// A command that changed nothing is "accepted", not credited with what the next
    /// command on the same service did.
    @Test func aCommandThatChangedNothingIsNotCreditedWithTheNextOne() throws {
        var world = try World(fleet: UnicornRentalsFleet.spec(), seed: 2)
        world.run(seconds: 30)
        let web = world.service(named: "web")!.desiredCount
        world.step(commands: [.scale(service: "web", count: web), .timeout(service: "web", milliseconds: 900)])
        let lines = Debrief.commandLines(in: world.events)
        #expect(lines.count == 2)
        #expect(lines[0].effect == "accepted", "\(lines[0].effect)")
        #expect(lines[1].effect.contains("900 ms"))
    }

    @Test func anIncidentCommandIsAcceptedNotCreditedWithTheNextCommandsEffect() throws {
        var world = try World(fleet: UnicornRentalsFleet.spec(), seed: 2)
        world.step(injects: [.hangTasks(service: "web", count: 3)])
        while world.incidents.isEmpty && world.tick < 1_800 { world.step() }
        let id = world.incidents[0].id
        world.step(commands: [.acknowledge(incident: id), .timeout(service: "payment-provider", milliseconds: 800)])
        let lines = Debrief.commandLines(in: world.events)
        #expect(lines.count == 2)
        #expect(lines[0].effect == "accepted")
        #expect(lines[1].effect.contains("800 ms"))
    }
}

/// Logs that tell the truth: a healthy service logs its traffic, so one that
/// recovered reads as recovered.
@Suite struct LogTests {
    @Test func everyHealthyServiceLogsItsTrafficEveryFifteenSeconds() throws {
        var session = try GameSession(scenario: BuiltInScenarios.firstDay, seed: 1)
        var feed = EventFeed()
        for _ in 0..<60 {
            session.advance()
            feed.absorb(session.world)
        }
        for service in session.world.services where service.spec.runsTasks {
            let info = feed.logs(of: service.name).filter { $0.severity == .info }
            #expect(info.count >= 3, "\(service.name) logged \(info.count) INFO lines in a minute")
        }
    }
}
