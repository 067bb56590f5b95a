/// How points are earned and lost, after AWS GameDay: points per request by
/// latency tier, negative points for failures, cost, an over-budget penalty
/// and a heavy penalty while the front door is down.
public struct ScoringRules: Sendable, Hashable {
    public var fastThresholdMs: Double
    public var okThresholdMs: Double
    public var pointsPerFastRequest: Double
    public var pointsPerOkRequest: Double
    public var pointsPerSlowRequest: Double
    /// Subtracted for each failed request (5xx, timeout, rejected).
    public var pointsPerFailedRequest: Double
    /// Points lost per dollar spent on tasks.
    public var pointsPerDollar: Double
    public var budgetDollars: Double
    /// Points lost every minute spend is over budget.
    public var overBudgetPenaltyPerMinute: Double
    /// Points lost every second the edge has no healthy target.
    public var edgeDownPenaltyPerSecond: Double

    public static let gameDay = ScoringRules(
        fastThresholdMs: 250, okThresholdMs: 1_000, pointsPerFastRequest: 0.01, pointsPerOkRequest: 0.005,
        pointsPerSlowRequest: 0.001, pointsPerFailedRequest: 0.02, pointsPerDollar: 10, budgetDollars: 120,
        overBudgetPenaltyPerMinute: 50, edgeDownPenaltyPerSecond: 10)

    public init(
        fastThresholdMs: Double, okThresholdMs: Double, pointsPerFastRequest: Double, pointsPerOkRequest: Double,
        pointsPerSlowRequest: Double, pointsPerFailedRequest: Double, pointsPerDollar: Double, budgetDollars: Double,
        overBudgetPenaltyPerMinute: Double, edgeDownPenaltyPerSecond: Double
    ) {
        self.fastThresholdMs = fastThresholdMs
        self.okThresholdMs = okThresholdMs
        self.pointsPerFastRequest = pointsPerFastRequest
        self.pointsPerOkRequest = pointsPerOkRequest
        self.pointsPerSlowRequest = pointsPerSlowRequest
        self.pointsPerFailedRequest = pointsPerFailedRequest
        self.pointsPerDollar = pointsPerDollar
        self.budgetDollars = budgetDollars
        self.overBudgetPenaltyPerMinute = overBudgetPenaltyPerMinute
        self.edgeDownPenaltyPerSecond = edgeDownPenaltyPerSecond
    }
}

/// The team's running score and the request counts behind it.
/// Conservation: `arrived == served + failed + waiting` at every tick.
public struct Scoreboard: Sendable, Hashable {
    public var arrived = 0
    public var servedFast = 0
    public var servedOk = 0
    public var servedSlow = 0
    public var failed = 0
    /// Customer requests waiting at the edge for a free task.
    public var waiting = 0
    public var spendDollars: Double = 0
    public var edgeDownSeconds = 0
    public var overBudgetMinutes = 0

    public var requestPoints: Double = 0
    public var failurePoints: Double = 0
    public var costPoints: Double = 0
    public var budgetPoints: Double = 0
    public var edgeDownPoints: Double = 0
    /// Bonuses for quests met.
    public var questPoints: Double = 0
    /// Total at the end of each simulated minute, oldest first.
    public var history: [Double] = []

    public var served: Int { servedFast + servedOk + servedSlow }
    /// The score: earned minus every penalty.
    public var total: Double { requestPoints + questPoints - failurePoints - costPoints - budgetPoints - edgeDownPoints }
    public var availability: Double { arrived == 0 ? 1 : Double(served) / Double(max(1, served + failed)) }
}

extension Scoreboard: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(arrived); h.combine(servedFast); h.combine(servedOk); h.combine(servedSlow); h.combine(failed)
        h.combine(waiting); h.combine(spendDollars); h.combine(edgeDownSeconds); h.combine(overBudgetMinutes)
        h.combine(requestPoints); h.combine(failurePoints); h.combine(costPoints); h.combine(budgetPoints)
        h.combine(edgeDownPoints); h.combine(questPoints); h.combine(history.count)
        for value in history { h.combine(value) }
    }
}
