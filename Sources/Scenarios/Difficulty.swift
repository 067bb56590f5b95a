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

    static func scale(_ fault: Fault, by k: Double) -> Fault { fault.kind.scaled(fault, by: k) }
}
