import Testing
@testable import FleetSim

/// Same fleet, seed and inputs → same world hash; the replay guarantee.
@Suite struct DeterminismTests {
    /// A random but reproducible stream of commands and injects.
    static func inputs(seed: UInt64, ticks: Int) -> [Int: ([Command], [Fault])] {
        var rng = Xoshiro256StarStar(seed: seed ^ 0xABCD)
        let services = ["router", "web", "rentals", "inventory", "payments", "profiles", "basket", "ordering", "notifications"]
        var plan: [Int: ([Command], [Fault])] = [:]
        for _ in 0..<40 {
            let tick = rng.nextInt(below: ticks)
            let service = services[rng.nextInt(below: services.count)]
            var entry = plan[tick] ?? ([], [])
            switch rng.nextInt(below: 15) {
            case 0: entry.0.append(.scale(service: service, count: rng.nextInt(below: 8)))
            case 1: entry.0.append(.autoscale(service: service, change: AutoscaleChange(enabled: true, target: 40 + Double(rng.nextInt(below: 40)))))
            case 2: entry.0.append(.restart(service: service))
            case 3: entry.0.append(.deploy(service: "rentals", version: ["v1", "v2", "v3"][rng.nextInt(below: 3)]))
            case 4: entry.0.append(.acknowledge(incident: 1 + rng.nextInt(below: 5)))
            case 5: entry.1.append(.hangTasks(service: service, count: 1 + rng.nextInt(below: 2)))
            case 6: entry.1.append(.trafficSpike(multiplier: 2 + Double(rng.nextInt(below: 4)), seconds: 300))
            case 7: entry.1.append(.zoneOutage(zone: rng.nextInt(below: 3), seconds: 300))
            case 8: entry.1.append(.cpuHog(service: service, percent: 50, seconds: 300))
            case 9: entry.1.append(.packetLoss(service: "payment-provider", percent: 20, seconds: 300))
            case 10: entry.1.append(.throttle(service: "inventory", requestsPerSecond: 40, seconds: 300))
            case 11: entry.1.append(.diskFull(service: service))
            case 12: entry.1.append(.noisyNeighbour(zone: rng.nextInt(below: 3), percent: 40, seconds: 300))
            case 13: entry.0.append(.timeout(service: "payments", milliseconds: Double(500 + rng.nextInt(below: 3_000))))
            default: entry.1.append(.memoryLeak(service: service, mibPerMinute: 50))
            }
            plan[tick] = entry
        }
        return plan
    }

    static func play(seed: UInt64, ticks: Int = 1_800, inputSeed: UInt64? = nil) -> World {
        var world = try! World(fleet: UnicornRentalsFleet.spec(), seed: seed)
        let plan = inputs(seed: inputSeed ?? seed, ticks: ticks)
        for tick in 0..<ticks {
            let (commands, injects) = plan[tick] ?? ([], [])
            world.step(commands: commands, injects: injects)
        }
        return world
    }

    @Test(arguments: [0, 1, 2, 7, 42, 1_000, 123_456_789, UInt64.max] as [UInt64])
    func sameSeedAndInputsGiveSameHash(seed: UInt64) {
        let a = Self.play(seed: seed)
        let b = Self.play(seed: seed)
        #expect(a.stableHash == b.stableHash)
        #expect(a.score == b.score)
        #expect(a.events == b.events)
    }

    @Test func differentSeedsGiveDifferentHashes() {
        let hashes = (0..<20 as Range<UInt64>).map { Self.play(seed: $0, ticks: 300, inputSeed: 99).stableHash }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func differentCommandsGiveDifferentHashes() {
        var a = try! World(fleet: UnicornRentalsFleet.spec(), seed: 5)
        var b = a
        a.step(commands: [.scale(service: "web", count: 4)])
        b.step()
        #expect(a.stableHash != b.stableHash)
    }

    @Test func copyingAWorldSnapshotsIt() {
        var world = Self.play(seed: 9, ticks: 200)
        let snapshot = world
        let hash = snapshot.stableHash
        world.run(seconds: 100)
        #expect(snapshot.stableHash == hash)
        var resumed = snapshot
        resumed.run(seconds: 100)
        #expect(resumed.stableHash == world.stableHash)
    }

    @Test func stableHasherIsFNV1a() {
        // FNV-1a 64 of the single byte "a" is 0xaf63dc4c8601ec8c; ours feeds strings length-first.
        var h = StableHasher()
        h.combine(UInt64(0x61))
        var reference: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in [0x61, 0, 0, 0, 0, 0, 0, 0] as [UInt64] { reference ^= byte; reference &*= 0x100_0000_01B3 }
        #expect(h.value == reference)
    }

    @Test func generatorIsReproducibleAndSeedSensitive() {
        var a = Xoshiro256StarStar(seed: 1), b = Xoshiro256StarStar(seed: 1), c = Xoshiro256StarStar(seed: 2)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
        var u = Xoshiro256StarStar(seed: 3)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(u.nextUnit()) })
    }
}
