import Testing
@testable import FleetSim

@Suite struct CommandTests {
    @Test(arguments: [
        "scale rentals 6", "autoscale web on metric cpu target 50 min 2 max 12", "autoscale web off",
        "deploy rentals v3", "rollback rentals", "restart basket", "ack 3", "resolve 12",
    ])
    func commandTextRoundTrips(text: String) throws {
        #expect(try Command.parse(text).text == text)
    }

    @Test(arguments: [
        "hang rentals 2", "kill web", "zone-outage b 600", "latency payment-provider 2000 300",
        "outage payment-provider 120", "spike 8 600", "bad-deploy rentals v2", "leak basket 30",
        "cpu-hog web 50 480", "noisy-neighbour a 40 600", "packet-loss inventory 10 180", "throttle payment-provider 20 600",
        "dns-failure notifications 120", "cert-expiry payments 300", "stop router", "disk-full profiles",
    ])
    func faultTextRoundTrips(text: String) throws {
        #expect(try Fault.parse(text).text == text)
    }

    @Test func everyFaultKindParsesItsOwnUsageAndOldNamesStillRead() throws {
        #expect(FaultKinds.all.count == 16)
        for kind in FaultKinds.all {
            #expect(!kind.summary.isEmpty && !kind.effect.isEmpty && !kind.symptoms.isEmpty && !kind.fixes.isEmpty, "\(kind.name)")
            // A sample value of every parameter, written and read back through the text form.
            let words = kind.parameters.map { p -> String in
                switch p.kind {
                case .service: "web"
                case .version: "v2"
                case .zone: "b"
                case .count, .number: NumberText.format(p.range.lowerBound)
                case .duration: "10m"
                }
            }
            let fault = try Fault.parse(([kind.name] + words).joined(separator: " "))
            #expect(fault.kind.name == kind.name)
            #expect(try Fault.parse(fault.text) == fault)
            // The hidden truth tells the facilitator the fault's own values, never a placeholder.
            for placeholder in kind.parameters.map(\.placeholder) {
                #expect(!fault.effect.contains(placeholder), "\(kind.name): \(fault.effect)")
            }
        }
        #expect(try Fault.parse("latency payment-provider 2000 10m").effect.hasPrefix("Every call to the service takes 2000 ms longer."))
        #expect(try Fault.parse("hang web 2").effect.hasPrefix("Hung tasks (2 tasks) stop answering"))
        #expect(try Fault.parse("bad-deploy rentals v2").effect.hasPrefix("A teammate deploys v2."))
        #expect(try Fault.parse("crash rentals 2") == .hangTasks(service: "rentals", count: 2), "recordings from before the rename")
        #expect(try Fault.parse("spike 4 10m") == .trafficSpike(multiplier: 4, seconds: 600))
    }

    @Test(arguments: [
        ("spike 0 600", "MULTIPLIER must be 0.1…100, got 0"),
        ("hang web 0", "COUNT must be 1…1000, got 0"),
        ("cpu-hog web 150 60", "PERCENT must be 1…100, got 150"),
        ("zone-outage 7 60", "zone must be a letter"),
        ("latency web soon 60", "MS must be a number, got 'soon'"),
        ("spike 4 later", "DURATION must be a duration such as 600, 10m or 00:10:00, got 'later'"),
        ("fly web", "unknown fault 'fly'"),
        ("latency web 100", "missing DURATION"),
    ])
    func badInjectsSayWhy(text: String, message: String) {
        #expect(throws: CommandError.self) { try Fault.parse(text) }
        do { _ = try Fault.parse(text) } catch { #expect(error.message.contains(message), "\(error.message)") }
    }

    @Test(arguments: [
        ("", "missing a command"),
        ("fly rentals", "unknown command 'fly'"),
        ("scale rentals", "missing COUNT"),
        ("scale rentals six", "COUNT must be a whole number, got 'six'"),
        ("scale rentals 6 now", "unexpected 'now' after scale"),
        ("autoscale web", "autoscale needs on, off or a setting"),
        ("autoscale web on metric disk", "unknown metric 'disk'"),
        ("ack three", "INCIDENT must be a number"),
    ])
    func parseErrorsSayWhatIsWrong(text: String, message: String) {
        #expect(throws: CommandError.self) { try Command.parse(text) }
        do { _ = try Command.parse(text) } catch { #expect(error.message.contains(message), "\(error.message)") }
    }

    @Test(arguments: [
        (Command.scale(service: "rentalz", count: 2), "unknown service 'rentalz' (services: router, web, rentals"),
        (.scale(service: "rentals", count: -1), "count must be 0…1000, got -1"),
        (.scale(service: "rentals", count: 5_000), "count must be 0…1000, got 5000"),
        (.scale(service: "payment-provider", count: 2), "payment-provider is an external dependency"),
        (.deploy(service: "rentals", version: "v9"), "unknown version 'v9' of rentals (versions: v1, v2, v3)"),
        (.deploy(service: "rentals", version: "v1"), "rentals is already on v1"),
        (.rollback(service: "rentals"), "rentals has no earlier version to roll back to"),
        (.autoscale(service: "web", change: AutoscaleChange(minCapacity: 9, maxCapacity: 3)), "min (9) must not exceed max (3)"),
        (.autoscale(service: "web", change: AutoscaleChange(target: 150)), "target for cpu must be 1…100, got 150"),
        (.acknowledge(incident: 4), "no incident #4 (open: none)"),
    ])
    func invalidCommandsAreRefusedWithAReason(command: Command, message: String) {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: 1)
        let before = world.stableHash
        #expect(throws: CommandError.self) { try world.check(command) }
        do { try world.check(command) } catch { #expect(error.message.contains(message), "\(error.message)") }
        #expect(world.apply(command) != nil)
        #expect(world.messages.last?.hasPrefix("rejected") == true)
        #expect(world.stableHash == before, "a refused command changes nothing")
    }

    @Test func incidentsAreAcknowledgedAndResolvedOnlyOnceMitigated() {
        var world = TestFleets.world()
        world.step(injects: [.hangTasks(service: "api", count: 4)])
        world.step { !$0.incidents.isEmpty }
        let id = world.incidents[0].id
        #expect(throws: CommandError.self) { try world.check(.resolve(incident: id)) }
        world.step(commands: [.acknowledge(incident: id)])
        #expect(world.incidents[0].acknowledgedAt == world.tick - 1)
        #expect(throws: CommandError.self) { try world.check(.acknowledge(incident: id)) }
        world.step { $0.incidents[0].mitigatedAt != nil }
        world.step(commands: [.resolve(incident: id)])
        #expect(world.incidents[0].state == .resolved)
    }
}
