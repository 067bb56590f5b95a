import FleetSim

/// How hard to play a scenario: `normal` is the scenario as written; `easy`
/// softens every inject and loosens the budget; `hard` does the opposite.
public enum Difficulty: String, Sendable, CaseIterable {
    case easy, normal, hard

    /// How strongly injects bite, relative to the file.
    public var intensity: Double {
        switch self {
        case .easy: 0.7
        case .normal: 1
        case .hard: 1.3
        }
    }
}

extension Scenario {
    /// The scenario at a difficulty: spike multipliers, added latency and
    /// resource faults scaled by the intensity, random injects more or less
    /// frequent, and the budget loosened or tightened.
    public func adjusted(for difficulty: Difficulty) -> Scenario {
        guard difficulty != .normal else { return self }
        let k = difficulty.intensity
        var copy = self
        copy.fleet.traffic.spikes = fleet.traffic.spikes.map { spike in
            var s = spike
            s.multiplier = 1 + (spike.multiplier - 1) * k
            return s
        }
        copy.timeline = timeline.map { Inject(tick: $0.tick, fault: Self.scale($0.fault, by: k)) }
        if var deck {
            deck.meanIntervalSeconds = max(60, Int(Double(deck.meanIntervalSeconds) / k))
            deck.cards = deck.cards.map { .init(fault: Self.scale($0.fault, by: k), weight: $0.weight) }
            copy.deck = deck
        }
        copy.fleet.scoring.budgetDollars = fleet.scoring.budgetDollars / k
        return copy
    }

    static func scale(_ fault: Fault, by k: Double) -> Fault {
        func percent(_ p: Double) -> Double { min(95, max(1, p * k)) }
        switch fault {
        case let .trafficSpike(m, s): return .trafficSpike(multiplier: 1 + (m - 1) * k, seconds: s)
        case let .dependencyLatency(service, ms, s): return .dependencyLatency(service: service, addedMs: ms * k, seconds: s)
        case let .cpuHog(service, p, s): return .cpuHog(service: service, percent: percent(p), seconds: s)
        case let .noisyNeighbour(zone, p, s): return .noisyNeighbour(zone: zone, percent: percent(p), seconds: s)
        case let .packetLoss(service, p, s): return .packetLoss(service: service, percent: percent(p), seconds: s)
        case let .memoryLeak(service, rate): return .memoryLeak(service: service, mibPerMinute: rate * k)
        case let .throttle(service, rate, s): return .throttle(service: service, requestsPerSecond: rate / k, seconds: s)
        default: return fault
        }
    }
}
