import FleetSim
import ScreenKit

/// The parts of a score, each with its points and what stands behind them, in
/// the order the score pane, the end screen and the README's scoring table give them.
public struct ScoreParts: Sendable {
    public var label: String
    public var points: Double
    public var note: String

    /// "$0.40", "$12", "$1,204": cents while they matter.
    static func dollars(_ x: Double) -> String { "$" + Format.fixed(x, x < 10 ? 2 : 0) }

    public static func of(_ s: Scoreboard, rules: ScoringRules) -> [ScoreParts] {
        [
            ScoreParts(label: "requests", points: s.requestPoints, note: "\(Format.compact(s.served)) served"),
            ScoreParts(label: "orders", points: s.orderPoints, note: "\(Format.compact(s.ordersOnTime)) on time"),
            ScoreParts(label: "failures", points: -s.failurePoints,
                       note: "\(Format.compact(s.failed)) failed" + (s.abandoned > 0 ? ", \(Format.compact(s.abandoned)) gave up" : "")),
            ScoreParts(label: "late orders", points: -s.backlogPoints, note: "\(Format.compact(s.ordersLate)) done late"),
            ScoreParts(label: "cost", points: -s.costPoints, note: "\(dollars(s.spendDollars)) of \(dollars(rules.budgetDollars))"),
            ScoreParts(label: "incidents", points: -s.incidentPoints, note: "\(s.unacknowledgedMinutes) min unacked"),
            ScoreParts(label: "quests", points: s.questPoints, note: ""),
            ScoreParts(label: "over budget", points: -s.budgetPoints, note: s.overBudgetMinutes > 0 ? "\(s.overBudgetMinutes) min" : ""),
            ScoreParts(label: "edge down", points: -s.edgeDownPoints, note: "\(s.edgeDownSeconds)s"),
        ]
    }
}
