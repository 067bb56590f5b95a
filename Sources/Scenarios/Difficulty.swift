import FleetSim

/// How hard to play a scenario: `normal` is the scenario as written; `easy`
/// softens every inject and spike and loosens the budget; `hard` does the
/// opposite. Each difficulty has its own par.
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
    /// resource faults scaled by the intensity (each parameter as its fault
    /// kind says), random injects more or less frequent, the budget loosened
    /// or tightened, and par the difficulty's own.
    public func adjusted(for difficulty: Difficulty) -> Scenario {
        var copy = self
        copy.difficulty = difficulty
        guard difficulty != .normal else { return copy }
        let k = difficulty.intensity
        func excess(_ m: Double) -> Double { 1 + (m - 1) * k }
        copy.plannedSpikes = plannedSpikes.map { spike in
            var s = spike
            s.multiplier = excess(spike.multiplier.lowerBound)...excess(spike.multiplier.upperBound)
            return s
        }
        copy.timeline = timeline.map { planned in
            var p = planned
            p.template = planned.template.scaled(by: k)
            return p
        }
        if var deck {
            deck.meanIntervalSeconds = max(60, Int(Double(deck.meanIntervalSeconds) / k))
            deck.cards = deck.cards.map { .init(template: $0.template.scaled(by: k), weight: $0.weight) }
            copy.deck = deck
        }
        copy.fleet.scoring.budgetDollars = fleet.scoring.budgetDollars / k
        return copy
    }
}
