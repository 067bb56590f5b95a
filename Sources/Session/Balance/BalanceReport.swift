import Scenarios

/// The scores of many games of one scenario at one difficulty, by strategy,
/// and what they say about the scenario's balance: does the expert make par
/// on most seeds, does the idle bot miss it on all, does every degenerate
/// strategy stay below the expert. `gameday balance` prints it; the test suite
/// fails on any violation.
public struct BalanceReport: Sendable {
    public var scenario: String
    public var difficulty: Difficulty
    public var par: Double
    /// Scores by strategy name, one per seed, in seed order.
    public var scores: [(strategy: Strategy, scores: [Double])]

    public init(scenario: String, difficulty: Difficulty, par: Double, scores: [(strategy: Strategy, scores: [Double])]) {
        self.scenario = scenario
        self.difficulty = difficulty
        self.par = par
        self.scores = scores
    }

    public func scores(of strategy: Strategy) -> [Double] { scores.first { $0.strategy == strategy }?.scores ?? [] }

    public static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    /// The value at or above which `fraction` of `values` lie (e.g. 0.9: all but the lowest tenth).
    public static func lowerQuantile(_ values: [Double], keeping fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let drop = Int((Double(sorted.count) * (1 - fraction)).rounded(.down))
        return sorted[min(sorted.count - 1, drop)]
    }

    /// A par most of the way from the idle bot's best to what the expert reaches on 90 %
    /// of seeds, rounded down to 50: far out of reach for doing nothing or for a naive
    /// strategy, in reach for playing well.
    public var suggestedPar: Double? {
        let expert = scores(of: .bot(.expert)), idle = scores(of: .bot(.idle))
        guard !expert.isEmpty, !idle.isEmpty else { return nil }
        let reach = Self.lowerQuantile(expert, keeping: 0.9), floor = idle.max()!
        guard reach > floor else { return nil }
        return ((floor + 0.85 * (reach - floor)) / 50).rounded(.down) * 50
    }

    /// Every way the scenario's balance is broken, in words.
    public var violations: [String] {
        var found: [String] = []
        let expert = scores(of: .bot(.expert))
        let label = "\(scenario) (\(difficulty.rawValue))"
        if !expert.isEmpty {
            let made = expert.filter { $0 >= par }.count
            if Double(made) < 0.9 * Double(expert.count) { found.append("\(label): expert makes par on \(made) of \(expert.count) seeds (needs 90 %)") }
        }
        let idle = scores(of: .bot(.idle))
        if let best = idle.max(), best >= par { found.append("\(label): idle reaches par (\(Int(best)) ≥ \(Int(par)))") }
        guard !expert.isEmpty else { return found }
        let expertMean = Self.mean(expert)
        for (strategy, values) in scores where strategy != .bot(.expert) && !values.isEmpty {
            if Self.mean(values) >= expertMean {
                found.append("\(label): \(strategy.name) averages \(Int(Self.mean(values))), not below the expert's \(Int(expertMean))")
            }
        }
        return found
    }
}
