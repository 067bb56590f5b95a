/// One tick of the simulation: the only way time moves the world (a command
/// given between ticks changes it too, through `give`).
extension World {
    /// Applies `commands` (as if given just before) and `injects`, then advances one simulated second:
    /// traffic arrives, tasks move through their lifecycle, health checks run,
    /// requests flow, the scheduler and circuit breaker act, money is spent,
    /// and at each minute's end metrics roll up into autoscaling and alarms.
    public mutating func step(commands: [Command] = [], injects: [Fault] = []) {
        events.removeFirst(eventsOfLastStep)
        for command in commands { apply(command) }
        for fault in injects {
            inject(fault)
            armRollbackQuests(after: fault)
        }

        let arrivals = customerArrivals()
        score.arrived += arrivals
        for i in services.indices where services[i].spec.runsTasks {
            advanceTasks(service: i)
            runHealthChecks(service: i)
        }
        flowRequests(arrivals: arrivals)
        for i in services.indices where services[i].spec.runsTasks {
            evaluateCircuitBreaker(service: i)
            reconcile(service: i)
        }
        chargeAndWatchEdge()
        if !quests.isEmpty { evaluateQuests() }
        if (tick + 1) % 60 == 0 { endMinute() }
        injectedSpikes.removeAll { $0.endTick <= tick }
        tick += 1
        eventsOfLastStep = events.count
    }

    /// Runs `seconds` ticks with no input.
    public mutating func run(seconds: Int) {
        for _ in 0..<max(0, seconds) { step() }
    }

    private mutating func customerArrivals() -> Int {
        let traffic = fleet.traffic
        let rate = traffic.expectedRate(at: tick, extraSpikes: injectedSpikes)
        // Triangular noise in ±noise around the expected rate.
        let jitter = 1 + traffic.noise * (rng.nextUnit() + rng.nextUnit() - 1)
        return rng.roundStochastically(max(0, rate * jitter))
    }

    private mutating func chargeAndWatchEdge() {
        var perSecond = 0.0
        for service in services { perSecond += Double(service.billedTaskCount) * service.spec.costPerTaskMinute / 60 }
        score.spendDollars += perSecond
        score.costPoints = score.spendDollars * fleet.scoring.pointsPerDollar
        let down = edge.inServiceCount == 0
        if down {
            score.edgeDownSeconds += 1
            score.edgeDownPoints += fleet.scoring.edgeDownPenaltyPerSecond
            edgeDownThisMinute = true
        }
        if down != edgeIsDown { record(edge.name, down ? .edgeDown : .edgeRestored) }
        edgeIsDown = down
    }

    private mutating func endMinute() {
        for i in services.indices {
            let service = services[i]
            let m = service.minute
            let seconds = Double(max(1, m.seconds))
            let inService = service.inServiceCount
            let sample = MinuteSample(
                minute: minute, requestsPerSecond: m.requests / seconds,
                errorRate: m.offered > 0 ? m.errors / m.offered : 0, p99LatencyMs: m.maxP99,
                cpuPercent: m.cpuSum / seconds, requestsPerTarget: inService > 0 ? m.requests / Double(inService) : 0,
                desired: service.desiredCount, running: service.runningCount, inService: inService)
            services[i].history.append(sample)
            services[i].minute = MinuteAccumulator()
            evaluateAutoscaling(service: i, sample: sample)
        }
        evaluateAlarms(edgeDownThisMinute: edgeDownThisMinute)
        edgeDownThisMinute = false
        chargeIncidentsAndLateOrders()
        if score.spendDollars > fleet.scoring.budgetDollars {
            score.overBudgetMinutes += 1
            score.budgetPoints += fleet.scoring.overBudgetPenaltyPerMinute
        }
        score.history.append(score.total)
    }

    /// A minute's price of incidents left unacknowledged or firing, and of orders waiting past their SLA.
    private mutating func chargeIncidentsAndLateOrders() {
        let rules = fleet.scoring
        for incident in incidents where incident.resolvedAt == nil {
            let acknowledged = incident.acknowledgedAt != nil
            if !acknowledged { score.unacknowledgedMinutes += 1 }
            score.incidentPoints += rules.incidentCost(severity: incident.severity, acknowledged: acknowledged, firing: incident.mitigatedAt == nil)
        }
        for q in queues.indices { queues[q].endMinute() }
        for queue in queues {
            score.backlogPoints += Double(queue.messages(sentBefore: tick + 1 - rules.orderSLASeconds)) * rules.pointsPerLateOrderMinute
        }
    }
}
