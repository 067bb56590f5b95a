import FleetSim

/// A timeline entry: a fault at a time, which each seed may move by up to
/// `jitter` seconds either way. `announced` entries are what the team is
/// told in the briefing (a planned deploy); the rest are surprises, hidden
/// until `gameday scenarios show --spoilers` and revealed in the debrief.
public struct PlannedInject: Sendable, Hashable {
    public var at: Int
    public var jitter: Int
    public var template: FaultTemplate
    public var announced: Bool

    public init(at: Int, jitter: Int = 0, template: FaultTemplate, announced: Bool = false) {
        self.at = at
        self.jitter = jitter
        self.template = template
        self.announced = announced
    }
}

/// A traffic spike of the scenario: when (with jitter), how long and how big
/// (each possibly a range), and whether the team was told (a marketing event).
public struct PlannedSpike: Sendable, Hashable {
    public var at: Int
    public var jitter: Int
    public var seconds: ClosedRange<Int>
    public var multiplier: ClosedRange<Double>
    public var rampSeconds: Int
    public var announced: Bool

    public init(at: Int, jitter: Int = 0, seconds: ClosedRange<Int>, multiplier: ClosedRange<Double>, rampSeconds: Int = 60, announced: Bool = false) {
        self.at = at
        self.jitter = jitter
        self.seconds = seconds
        self.multiplier = multiplier
        self.rampSeconds = rampSeconds
        self.announced = announced
    }
}

/// Something the briefing tells the team, which they (and the expert bot) may act on:
/// its nominal time and, for a spike, its expected size. Never the resolved values.
public struct Announcement: Sendable, Hashable {
    public enum Event: Sendable, Hashable {
        /// Traffic × multiplier (a range when uncertain) for about `seconds`.
        case spike(multiplier: ClosedRange<Double>, seconds: ClosedRange<Int>)
        /// A planned change or known fault, e.g. a deploy of rentals v2.
        case fault(FaultTemplate)
    }

    public var at: Int
    /// How far the real time may be from `at`, either way.
    public var give: Int
    public var event: Event

    /// How the briefing lists it: "about 12 min in (± 2 min): traffic ×3–4 for 10 min–15 min".
    public var summary: String {
        let when = "about \(GameTime.phrase(at)) in" + (give > 0 ? " (± \(GameTime.phrase(give)))" : "")
        switch event {
        case let .spike(multiplier, seconds):
            let size = multiplier.lowerBound == multiplier.upperBound ? NumberText.format(multiplier.lowerBound)
                : "\(NumberText.format(multiplier.lowerBound))–\(NumberText.format(multiplier.upperBound))"
            let length = seconds.lowerBound == seconds.upperBound ? GameTime.phrase(seconds.lowerBound)
                : "\(GameTime.phrase(seconds.lowerBound))–\(GameTime.phrase(seconds.upperBound))"
            return "\(when): traffic ×\(size) for \(length)"
        case let .fault(template):
            return "\(when): \(template.text)"
        }
    }
}

/// One game's resolved scenario: the spikes and injects this seed drew.
public struct ResolvedPlan: Sendable {
    public var spikes: [TrafficSpike]
    /// Every inject of the game in tick order: the timeline and the deck's draws.
    public var injects: [Inject]
    /// For each inject, whether the briefing announced it (the rest are surprises).
    public var announced: [Bool]
}

extension Scenario {
    /// What the briefing announces, in time order.
    public var announcements: [Announcement] {
        let spikes = plannedSpikes.filter(\.announced).map {
            Announcement(at: $0.at, give: $0.jitter, event: .spike(multiplier: $0.multiplier, seconds: $0.seconds))
        }
        let faults = timeline.filter(\.announced).map { Announcement(at: $0.at, give: $0.jitter, event: .fault($0.template)) }
        return (spikes + faults).sorted { $0.at < $1.at }
    }

    /// The spikes and injects of a game with this seed and length. The same seed
    /// always gives the same plan; another seed moves times and sizes within the
    /// windows the scenario declares, and draws another deck.
    public func plan(seed: UInt64, durationSeconds: Int) -> ResolvedPlan {
        // Each entry draws from its own stream, named by what it is, so adding an entry to a
        // file (or moving one) never changes what the others draw.
        func stream(_ entry: String) -> Xoshiro256StarStar {
            var hasher = StableHasher()
            hasher.combine(entry)
            return Xoshiro256StarStar(seed: seed ^ 0x5CE2_A210_0F1A_7E11 ^ hasher.value)
        }
        func time(_ at: Int, _ jitter: Int, _ rng: inout Xoshiro256StarStar) -> Int {
            guard jitter > 0 else { return at }
            return max(0, min(self.durationSeconds - 1, at - jitter + rng.nextInt(below: 2 * jitter + 1)))
        }
        let spikes = plannedSpikes.enumerated().map { n, spike -> TrafficSpike in
            var rng = stream("spike \(n) at \(spike.at)")
            let start = time(spike.at, spike.jitter, &rng)
            let seconds = spike.seconds.lowerBound + rng.nextInt(below: spike.seconds.count)
            let m = spike.multiplier
            let multiplier = ((m.lowerBound + (m.upperBound - m.lowerBound) * rng.nextUnit()) * 100).rounded() / 100
            return TrafficSpike(startTick: start, durationSeconds: seconds, multiplier: multiplier, rampSeconds: spike.rampSeconds)
        }
        var injects = timeline.map { planned in
            var rng = stream("fault at \(planned.at): \(planned.template.text)")
            let tick = time(planned.at, planned.jitter, &rng)
            return (inject: Inject(tick: tick, fault: planned.template.resolve(using: &rng)), announced: planned.announced)
        }
        injects = injects.filter { $0.inject.tick < durationSeconds }
        if let deck { injects += deck.draw(seed: seed, durationSeconds: durationSeconds).map { ($0, false) } }
        let ordered = injects.enumerated().sorted { ($0.element.inject.tick, $0.offset) < ($1.element.inject.tick, $1.offset) }.map(\.element)
        return ResolvedPlan(spikes: spikes, injects: ordered.map(\.inject), announced: ordered.map(\.announced))
    }

    /// The fleet of a game with this seed: the scenario's fleet with this seed's spikes.
    public func fleet(seed: UInt64, durationSeconds: Int) -> FleetSpec {
        var fleet = self.fleet
        fleet.traffic.spikes = plan(seed: seed, durationSeconds: durationSeconds).spikes
        return fleet
    }
}
