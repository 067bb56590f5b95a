/// How points are earned and lost, as AWS GameDay scores and as a business
/// would: points per customer request by latency tier, nothing for one the
/// customer gave up on; points for orders completed within their SLA and a
/// cost for orders left waiting past it; the price of every task-minute;
/// a penalty over budget, a heavy one while the front door is down, and a
/// cost for every minute an incident waits unacknowledged or keeps firing.
/// The README's "Score" table explains each figure.
public struct ScoringRules: Sendable, Hashable {
    public var fastThresholdMs: Double
    public var okThresholdMs: Double
    /// Customers abandon a request slower than this: it counts as failed.
    public var customerPatienceMs: Double
    public var pointsPerFastRequest: Double
    public var pointsPerOkRequest: Double
    public var pointsPerSlowRequest: Double
    /// Subtracted for each failed request (5xx, timeout, shed, abandoned).
    public var pointsPerFailedRequest: Double
    /// An order completed within this long of being placed earns `pointsPerOrder`.
    public var orderSLASeconds: Int
    public var pointsPerOrder: Double
    /// Lost every minute for each order still waiting past its SLA.
    public var pointsPerLateOrderMinute: Double
    /// Points lost per dollar spent on tasks.
    public var pointsPerDollar: Double
    public var budgetDollars: Double
    /// Points lost every minute spend is over budget.
    public var overBudgetPenaltyPerMinute: Double
    /// Points lost every second the edge has no healthy target.
    public var edgeDownPenaltyPerSecond: Double
    /// Points lost per minute an incident waits unacknowledged, by severity (SEV1, SEV2, SEV3).
    public var unacknowledgedPerMinute: [Double]
    /// Points lost per minute an incident's alarm keeps firing, by severity.
    public var firingPerMinute: [Double]

    public static let gameDay = ScoringRules(
        fastThresholdMs: 250, okThresholdMs: 1_000, customerPatienceMs: 3_000,
        pointsPerFastRequest: 0.01, pointsPerOkRequest: 0.005, pointsPerSlowRequest: 0.001, pointsPerFailedRequest: 0.02,
        orderSLASeconds: 300, pointsPerOrder: 0.1, pointsPerLateOrderMinute: 0.005,
        pointsPerDollar: 90, budgetDollars: 120, overBudgetPenaltyPerMinute: 50, edgeDownPenaltyPerSecond: 10,
        unacknowledgedPerMinute: [10, 3, 1], firingPerMinute: [0, 2, 1])

    public init(
        fastThresholdMs: Double, okThresholdMs: Double, customerPatienceMs: Double,
        pointsPerFastRequest: Double, pointsPerOkRequest: Double, pointsPerSlowRequest: Double, pointsPerFailedRequest: Double,
        orderSLASeconds: Int, pointsPerOrder: Double, pointsPerLateOrderMinute: Double,
        pointsPerDollar: Double, budgetDollars: Double, overBudgetPenaltyPerMinute: Double, edgeDownPenaltyPerSecond: Double,
        unacknowledgedPerMinute: [Double], firingPerMinute: [Double]
    ) {
        self.fastThresholdMs = fastThresholdMs
        self.okThresholdMs = okThresholdMs
        self.customerPatienceMs = customerPatienceMs
        self.pointsPerFastRequest = pointsPerFastRequest
        self.pointsPerOkRequest = pointsPerOkRequest
        self.pointsPerSlowRequest = pointsPerSlowRequest
        self.pointsPerFailedRequest = pointsPerFailedRequest
        self.orderSLASeconds = orderSLASeconds
        self.pointsPerOrder = pointsPerOrder
        self.pointsPerLateOrderMinute = pointsPerLateOrderMinute
        self.pointsPerDollar = pointsPerDollar
        self.budgetDollars = budgetDollars
        self.overBudgetPenaltyPerMinute = overBudgetPenaltyPerMinute
        self.edgeDownPenaltyPerSecond = edgeDownPenaltyPerSecond
        self.unacknowledgedPerMinute = unacknowledgedPerMinute
        self.firingPerMinute = firingPerMinute
    }

    /// The per-minute cost of an incident of severity `sev` (1…3) in each state.
    func incidentCost(severity sev: Int, acknowledged: Bool, firing: Bool) -> Double {
        let k = max(0, min(2, sev - 1))
        return (acknowledged ? 0 : unacknowledgedPerMinute[k]) + (firing ? firingPerMinute[k] : 0)
    }
}

/// The team's running score and the counts behind it.
/// Conservation: `arrived == served + failed + waiting` at every tick.
public struct Scoreboard: Sendable, Hashable {
    public var arrived = 0
    public var servedFast = 0
    public var servedOk = 0
    public var servedSlow = 0
    /// Failed requests, the abandoned ones among them.
    public var failed = 0
    /// Requests the customer gave up on (slower than their patience); part of `failed`.
    public var abandoned = 0
    /// Customer requests waiting at the edge for a free task.
    public var waiting = 0
    public var ordersOnTime = 0
    public var ordersLate = 0
    public var spendDollars: Double = 0
    public var edgeDownSeconds = 0
    public var overBudgetMinutes = 0
    /// Minutes incidents spent unacknowledged, summed over incidents.
    public var unacknowledgedMinutes = 0

    public var requestPoints: Double = 0
    public var orderPoints: Double = 0
    public var failurePoints: Double = 0
    public var backlogPoints: Double = 0
    public var costPoints: Double = 0
    public var budgetPoints: Double = 0
    public var edgeDownPoints: Double = 0
    public var incidentPoints: Double = 0
    /// Bonuses for quests met.
    public var questPoints: Double = 0
    /// Total at the end of each simulated minute, oldest first.
    public var history: [Double] = []

    public var served: Int { servedFast + servedOk + servedSlow }
    /// The score: earned minus every penalty.
    public var total: Double {
        requestPoints + orderPoints + questPoints - failurePoints - backlogPoints - costPoints - budgetPoints - edgeDownPoints - incidentPoints
    }
    public var availability: Double { arrived == 0 ? 1 : Double(served) / Double(max(1, served + failed)) }

    /// Points gained (or lost) over the last five simulated minutes: since the end of the
    /// minute five whole minutes before this one (`history[k]` is the score at minute k + 1).
    /// Every place that shows a team's trend (its console, the facilitator, the projector) reads this.
    public var fiveMinuteChange: Double {
        total - (history.count >= 6 ? history[history.count - 6] : 0)
    }
}

extension Scoreboard: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(arrived); h.combine(servedFast); h.combine(servedOk); h.combine(servedSlow); h.combine(failed); h.combine(abandoned)
        h.combine(waiting); h.combine(ordersOnTime); h.combine(ordersLate); h.combine(spendDollars); h.combine(edgeDownSeconds)
        h.combine(overBudgetMinutes); h.combine(unacknowledgedMinutes)
        for points in [requestPoints, orderPoints, failurePoints, backlogPoints, costPoints, budgetPoints, edgeDownPoints, incidentPoints, questPoints] {
            h.combine(points)
        }
        h.combine(history.count)
        for value in history { h.combine(value) }
    }
}
