/// Request flow for one tick. A forward pass, callers first, spreads load
/// down the call graph and into queues; a backward pass, callees first,
/// carries success and latency back up the synchronous edges, so a slow or
/// failing dependency becomes its callers' latency, timeouts and 5xx.
/// Only the edge counts whole customer requests; inside the fleet rates are real numbers.
extension World {
    /// Customer requests that wait at the edge at most this long before timing out.
    static let edgeQueueSeconds = 2.0
    /// Share of requests that write to disk, and so fail on a task whose disk is full.
    static let diskFullErrorRate = 0.4
    /// Retransmission delay a lost packet adds to a call that still gets through.
    static let retransmitMs = 200.0

    struct Routing {
        var capacity: Double = 0
        var routable = 0
        var running = 0
        var hungFraction: Double = 0
        var errorFraction: Double = 0
        var extraLatencyMs: Double = 0
        var memoryFraction: Double = 0
    }

    /// Which tasks the load balancer (or queue poller) sends work to, and what they can do.
    func routing(service s: Int) -> Routing {
        let service = services[s]
        let spec = service.spec
        var r = Routing()
        if spec.role == .external {
            r.capacity = service.faults.isOutage(at: tick) ? 0 : spec.externalCapacity
            if let limit = service.faults.throttle(at: tick) { r.capacity = min(r.capacity, limit) }
            r.routable = 1
            return r
        }
        var inService = 0, registered = 0
        for task in service.tasks where task.phase == .running {
            r.running += 1
            r.memoryFraction += task.memoryUsedMiB / Double(spec.memoryMiB)
            if task.target == .healthy { inService += 1 } else if task.target == .initial { registered += 1 }
        }
        if r.running > 0 { r.memoryFraction /= Double(r.running) }
        // ALB fails open: with no healthy target it sends to every registered one.
        let failOpen = inService == 0 && spec.isLoadBalanced
        guard inService > 0 || (failOpen && registered > 0) else { return r }
        var hung = 0, errors = 0.0, extra = 0.0, cpu = 0.0
        for task in service.tasks where task.phase == .running
            && (task.target == .healthy || (failOpen && task.target == .initial)) {
            r.routable += 1
            cpu += tick < zoneSlowdownUntil[task.zone] ? zoneSlowdown[task.zone] : 1
            if task.isHung { hung += 1; continue }
            let version = spec.versions[task.versionIndex]
            errors += task.isDiskFull ? max(version.errorRate, Self.diskFullErrorRate) : version.errorRate
            extra += version.extraLatencyMs
        }
        let n = Double(r.routable)
        r.hungFraction = Double(hung) / n
        r.errorFraction = errors / n
        r.extraLatencyMs = extra / n
        // Little's law: threads blocked on slow calls cap what a task can take.
        let heldSeconds = max(spec.baseLatencyMs, min(service.metrics.heldLatencyMs, spec.timeoutMs)) / 1000
        let perTask = min(spec.capacityPerTask * service.faults.capacity(at: tick), spec.concurrencyPerTask / heldSeconds)
        r.capacity = cpu * perTask
        if let limit = service.faults.throttle(at: tick) { r.capacity = min(r.capacity, limit) }
        return r
    }

    mutating func flowRequests(arrivals: Int) {
        let n = services.count
        var routings = [Routing](repeating: Routing(), count: n)
        var work = [Double](repeating: 0, count: n)
        var processed = [Double](repeating: 0, count: n)
        var ownSuccess = [Double](repeating: 1, count: n)
        let edge = topology.edge
        let edgeWork = arrivals + services[edge].backlog
        var edgeProcessed = 0
        var pulled = [Int](repeating: 0, count: queues.count)

        // Forward: load flows from callers to callees and into queues.
        for s in topology.order {
            let r = routing(service: s)
            routings[s] = r
            if s == edge {
                work[s] = Double(edgeWork)
                edgeProcessed = min(edgeWork, rng.roundStochastically(r.capacity))
                processed[s] = Double(edgeProcessed)
            } else if let q = topology.consumedQueue[s] {
                releaseInvisibleMessages(queue: q)
                work[s] = Double(queues[q].depth)
                pulled[q] = min(queues[q].depth, Int(r.capacity))
                processed[s] = Double(pulled[q])
            } else {
                processed[s] = min(work[s], r.capacity)
            }
            let outage = services[s].faults.isOutage(at: tick)
            ownSuccess[s] = outage ? 0 : (1 - r.hungFraction) * (1 - r.errorFraction)
            let forwarded = processed[s] * ownSuccess[s]
            for call in topology.syncCalls[s] { work[call.callee] += forwarded * call.callsPerRequest }
            for send in topology.asyncSends[s] {
                let messages = rng.roundStochastically(forwarded * send.messagesPerRequest)
                queues[send.queue].depth += messages
                queues[send.queue].enqueuedTotal += messages
            }
        }

        // Backward: success and latency climb back up the synchronous calls.
        var success = [Double](repeating: 1, count: n)
        var latency = [LatencyDistribution](repeating: LatencyDistribution(fixedMs: 0, queueingMeanMs: 0), count: n)
        for s in topology.order.reversed() {
            let spec = services[s].spec
            let r = routings[s]
            let demand = s == edge ? Double(arrivals) : work[s]
            let utilisation = r.capacity > 0 ? demand / r.capacity : (demand > 0 ? 1 : 0)
            let serviceMs = spec.baseLatencyMs + r.extraLatencyMs
            var fixed = serviceMs + services[s].faults.addedLatency(at: tick)
            var queueing = LatencyDistribution.queueingDelay(serviceMs: serviceMs, utilisation: utilisation)
            var ok = ownSuccess[s]
            for call in topology.syncCalls[s] {
                let c = call.callee
                let timeout = services[c].spec.timeoutMs
                let lost = services[c].faults.callFailureRate(at: tick)
                let answered = success[c] * latency[c].fraction(within: timeout) * (1 - lost)
                ok *= Self.allCallsSucceed(callsPerRequest: call.callsPerRequest, eachSucceeds: answered)
                fixed += call.callsPerRequest * (min(latency[c].fixedMs, timeout) + lost * Self.retransmitMs)
                queueing += call.callsPerRequest * latency[c].queueingMeanMs
            }
            latency[s] = LatencyDistribution(fixedMs: fixed, queueingMeanMs: queueing)
            // What callers see: requests this service never processed fail too. Not so at the
            // edge (they wait in line, counted whole below) or for a queue worker (they stay queued).
            let waits = s == edge || spec.role == .worker
            let shed = work[s] > 0 && !waits ? processed[s] / work[s] : 1
            success[s] = ok * shed
            recordMetrics(service: s, routing: r, work: work[s], processed: processed[s], utilisation: utilisation,
                          errorRate: work[s] > 0 ? 1 - ok * shed : 0, latency: latency[s])
        }

        for q in queues.indices {
            guard let worker = topology.queueConsumer[q] else { continue }
            consume(queue: q, pulled: pulled[q], success: success[worker])
        }
        // Customers also wait in line at the edge when it is behind.
        var customerLatency = latency[edge]
        if routings[edge].capacity > 0 {
            customerLatency.fixedMs += Double(services[edge].backlog) / routings[edge].capacity * 1000
        }
        settleEdge(work: edgeWork, processed: edgeProcessed, capacity: routings[edge].capacity,
                   success: success[edge] * customerLatency.fraction(within: services[edge].spec.timeoutMs),
                   latency: customerLatency)
    }

    /// Probability that a request's calls all succeed, for a fractional number
    /// of calls per request (0.3 means 30 % of requests make one call).
    static func allCallsSucceed(callsPerRequest calls: Double, eachSucceeds p: Double) -> Double {
        calls <= 1 ? 1 - calls * (1 - p) : DeterministicMath.pow(p, calls)
    }

    mutating func recordMetrics(service s: Int, routing r: Routing, work: Double, processed: Double,
                                utilisation: Double, errorRate: Double, latency: LatencyDistribution) {
        let spec = services[s].spec
        var m = ServiceMetrics()
        m.offered = work
        m.processed = processed
        m.errorRate = min(1, max(0, errorRate))
        m.meanLatencyMs = latency.meanMs
        m.p99LatencyMs = latency.quantile(0.99)
        m.capacity = r.capacity
        m.utilisation = utilisation
        m.heldLatencyMs = latency.meanMs
        if spec.runsTasks && r.running > 0 {
            m.cpuPercent = min(100, processed / (Double(r.running) * spec.capacityPerTask) * 100)
        }
        m.memoryPercent = r.memoryFraction * 100
        services[s].metrics = m
        services[s].minute.seconds += 1
        services[s].minute.offered += work
        services[s].minute.requests += processed
        services[s].minute.errors += work * m.errorRate
        services[s].minute.cpuSum += m.cpuPercent
        services[s].minute.maxP99 = max(services[s].minute.maxP99, processed > 0 ? m.p99LatencyMs : 0)
    }

    /// Customer requests at the edge, counted whole: served by latency tier,
    /// failed, or left waiting. Keeps `arrived == served + failed + waiting`.
    mutating func settleEdge(work: Int, processed: Int, capacity: Double, success: Double, latency: LatencyDistribution) {
        let edge = topology.edge
        let remaining = work - processed
        let waiting = min(remaining, Int(capacity * Self.edgeQueueSeconds))
        let served = min(processed, rng.roundStochastically(Double(processed) * success))
        let rules = fleet.scoring
        let fastShare = latency.fraction(within: rules.fastThresholdMs)
        let okShare = latency.fraction(within: rules.okThresholdMs)
        let fast = min(served, rng.roundStochastically(Double(served) * fastShare))
        let ok = min(served - fast, rng.roundStochastically(Double(served) * max(0, okShare - fastShare)))
        let failed = processed - served + (remaining - waiting)
        services[edge].backlog = waiting
        score.servedFast += fast
        score.servedOk += ok
        score.servedSlow += served - fast - ok
        score.failed += failed
        score.waiting = waiting
        score.requestPoints += Double(fast) * rules.pointsPerFastRequest + Double(ok) * rules.pointsPerOkRequest
            + Double(served - fast - ok) * rules.pointsPerSlowRequest
        score.failurePoints += Double(failed) * rules.pointsPerFailedRequest
    }

    /// Messages a consumer failed come back after the visibility timeout.
    mutating func releaseInvisibleMessages(queue q: Int) {
        while let first = queues[q].invisible.first, first.visibleAt <= tick {
            queues[q].depth += first.count
            queues[q].invisible.removeFirst()
        }
    }

    mutating func consume(queue q: Int, pulled: Int, success: Double) {
        let done = min(pulled, rng.roundStochastically(Double(pulled) * success))
        queues[q].depth -= pulled
        queues[q].consumedTotal += done
        if pulled > done {
            queues[q].invisible.append(.init(visibleAt: tick + queues[q].spec.visibilityTimeoutSeconds, count: pulled - done))
        }
        let backlog = queues[q].backlog
        queues[q].oldestMessageAgeSeconds = backlog == 0 ? 0 : min(1_209_600, queues[q].oldestMessageAgeSeconds + (done >= backlog ? 0 : 1))
    }
}
