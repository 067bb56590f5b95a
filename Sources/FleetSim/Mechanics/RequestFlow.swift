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
        /// What the tasks (or the third party) can process a second.
        var capacity: Double = 0
        /// A throttle's limit: requests above it are answered 429 at once,
        /// without waiting in line or taking a thread.
        var throttle: Double = .infinity
        var routable = 0
        var running = 0
        var hungFraction: Double = 0
        /// Mean share of the running tasks' CPU taken by runaway processes.
        var hogFraction: Double = 0
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
            r.throttle = service.faults.throttle(at: tick) ?? .infinity
            r.routable = 1
            return r
        }
        var inService = 0, registered = 0
        for task in service.tasks where task.phase == .running {
            r.running += 1
            r.hogFraction += task.cpuHog(at: tick)
            r.memoryFraction += task.memoryUsedMiB / Double(spec.memoryMiB)
            if task.target == .healthy { inService += 1 } else if task.target == .initial { registered += 1 }
        }
        if r.running > 0 {
            r.memoryFraction /= Double(r.running)
            r.hogFraction /= Double(r.running)
        }
        // ALB fails open: with no healthy target it sends to every registered one.
        let failOpen = inService == 0 && spec.isLoadBalanced
        guard inService > 0 || (failOpen && registered > 0) else { return r }
        var hung = 0, errors = 0.0, extra = 0.0, cpu = 0.0
        for task in service.tasks where task.phase == .running
            && (task.target == .healthy || (failOpen && task.target == .initial)) {
            r.routable += 1
            cpu += (tick < zoneSlowdownUntil[task.zone] ? zoneSlowdown[task.zone] : 1) * (1 - task.cpuHog(at: tick))
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
        let perTask = min(spec.capacityPerTask, spec.concurrencyPerTask / heldSeconds)
        r.capacity = cpu * perTask
        r.throttle = service.faults.throttle(at: tick) ?? .infinity
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
            let admitted = min(r.capacity, r.throttle)
            if s == edge {
                work[s] = Double(edgeWork)
                edgeProcessed = min(edgeWork, rng.roundStochastically(admitted))
                processed[s] = Double(edgeProcessed)
            } else if let q = topology.consumedQueue[s] {
                queues[q].releaseInvisible(at: tick)
                let depth = queues[q].depth
                work[s] = Double(depth)
                pulled[q] = min(depth, Int(admitted))
                processed[s] = Double(pulled[q])
            } else {
                processed[s] = min(work[s], admitted)
            }
            let outage = services[s].faults.isOutage(at: tick)
            ownSuccess[s] = outage ? 0 : (1 - r.hungFraction) * (1 - r.errorFraction)
            let forwarded = processed[s] * ownSuccess[s]
            for call in topology.syncCalls[s] { work[call.callee] += forwarded * call.callsPerRequest }
            for send in topology.asyncSends[s] {
                queues[send.queue].send(rng.roundStochastically(forwarded * send.messagesPerRequest), at: tick)
            }
        }

        // Backward: success and latency climb back up the synchronous calls.
        var success = [Double](repeating: 1, count: n)
        var latency = [LatencyDistribution](repeating: LatencyDistribution(fixedMs: 0, queueingMeanMs: 0), count: n)
        // How long a request holds one of the service's threads (Little's law): its own work
        // and the wait for each call, at most the call's timeout; time spent queueing for a
        // thread of its own does not hold one. A call to a hung task waits the whole timeout,
        // which is what a long timeout costs. `ownQueue` is a service's own queueing delay.
        var heldMs = [Double](repeating: 0, count: n)
        var ownQueue = [Double](repeating: 0, count: n)
        for s in topology.order.reversed() {
            let spec = services[s].spec
            let r = routings[s]
            // Requests a throttle turns away never wait for a thread.
            let demand = min(s == edge ? Double(arrivals) : work[s], r.throttle)
            let utilisation = r.capacity > 0 ? demand / r.capacity : (demand > 0 ? 1 : 0)
            let serviceMs = spec.baseLatencyMs + r.extraLatencyMs
            var fixed = serviceMs + services[s].faults.addedLatency(at: tick)
            var queueing = LatencyDistribution.queueingDelay(serviceMs: serviceMs, utilisation: utilisation)
            ownQueue[s] = queueing
            heldMs[s] = fixed
            var ok = ownSuccess[s]
            for call in topology.syncCalls[s] {
                let c = call.callee
                let timeout = services[c].spec.timeoutMs
                let lost = services[c].faults.callFailureRate(at: tick)
                let answered = success[c] * latency[c].fraction(within: timeout) * (1 - lost)
                ok *= Self.allCallsSucceed(callsPerRequest: call.callsPerRequest, eachSucceeds: answered)
                fixed += call.callsPerRequest * (min(latency[c].fixedMs, timeout) + lost * Self.retransmitMs)
                // Calls that timed out failed; the answered ones are the faster part of the tail.
                queueing += call.callsPerRequest * latency[c].queueingMean(within: timeout)
                let hung = routings[c].hungFraction
                heldMs[s] += call.callsPerRequest * (hung * timeout + (1 - hung) * min(ownQueue[c] + heldMs[c], timeout) + lost * Self.retransmitMs)
            }
            latency[s] = LatencyDistribution(fixedMs: fixed, queueingMeanMs: queueing)
            // What callers see: requests this service never processed fail too. Not so at the
            // edge (they wait in line, counted whole below) or for a queue worker (they stay queued).
            let waits = s == edge || spec.role == .worker
            let shed = work[s] > 0 && !waits ? processed[s] / work[s] : 1
            success[s] = ok * shed
            recordMetrics(service: s, routing: r, work: work[s], processed: processed[s], utilisation: utilisation,
                          throttled: max(0, (s == edge ? Double(edgeWork) : work[s]) - r.throttle),
                          errorRate: work[s] > 0 ? 1 - ok * shed : 0, latency: latency[s], heldMs: heldMs[s])
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
        // The router gives up at its own timeout (504); customers give up sooner, at their patience.
        let answered = success[edge] * customerLatency.fraction(within: services[edge].spec.timeoutMs)
        let patience = min(fleet.scoring.customerPatienceMs, services[edge].spec.timeoutMs)
        settleEdge(work: edgeWork, processed: edgeProcessed, capacity: routings[edge].capacity, throttle: routings[edge].throttle,
                   answered: answered, kept: customerLatency.fraction(within: patience) / max(1e-12, customerLatency.fraction(within: services[edge].spec.timeoutMs)),
                   latency: customerLatency)
    }

    /// Probability that a request's calls all succeed, for a fractional number
    /// of calls per request (0.3 means 30 % of requests make one call).
    static func allCallsSucceed(callsPerRequest calls: Double, eachSucceeds p: Double) -> Double {
        calls <= 1 ? 1 - calls * (1 - p) : DeterministicMath.pow(p, calls)
    }

    mutating func recordMetrics(service s: Int, routing r: Routing, work: Double, processed: Double,
                                utilisation: Double, throttled: Double, errorRate: Double, latency: LatencyDistribution, heldMs: Double) {
        let spec = services[s].spec
        var m = ServiceMetrics()
        m.offered = work
        m.processed = processed
        m.errorRate = min(1, max(0, errorRate))
        m.meanLatencyMs = latency.meanMs
        m.p99LatencyMs = latency.quantile(0.99)
        m.capacity = r.capacity
        m.utilisation = utilisation
        m.throttled = throttled
        m.heldLatencyMs = heldMs
        if spec.runsTasks && r.running > 0 {
            // A runaway process's share of the CPU shows in the task's CPU, on top of the work.
            m.cpuPercent = min(100, (processed / (Double(r.running) * spec.capacityPerTask) + r.hogFraction) * 100)
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
    /// failed (errors, timeouts, shed, or abandoned by a customer out of patience),
    /// or left waiting. Keeps `arrived == served + failed + waiting`.
    /// `answered` is the share that got an answer in time for the router, `kept` the
    /// share of those the customer was still waiting for.
    mutating func settleEdge(work: Int, processed: Int, capacity: Double, throttle: Double, answered: Double, kept: Double, latency: LatencyDistribution) {
        let edge = topology.edge
        let remaining = work - processed
        // Requests over a throttle are refused (429) at once; only a busy edge keeps a line.
        let waiting = throttle < capacity ? 0 : min(remaining, Int(capacity * Self.edgeQueueSeconds))
        let delivered = min(processed, rng.roundStochastically(Double(processed) * answered))
        let served = min(delivered, rng.roundStochastically(Double(delivered) * min(1, kept)))
        let rules = fleet.scoring
        let fastShare = latency.fraction(within: rules.fastThresholdMs)
        let okShare = latency.fraction(within: rules.okThresholdMs)
        let keptShare = max(1e-12, latency.fraction(within: min(rules.customerPatienceMs, services[edge].spec.timeoutMs)))
        // Tiers among the requests customers waited for.
        let fast = min(served, rng.roundStochastically(Double(served) * min(1, fastShare / keptShare)))
        let ok = min(served - fast, rng.roundStochastically(Double(served) * max(0, min(1, okShare / keptShare) - min(1, fastShare / keptShare))))
        let failed = processed - served + (remaining - waiting)
        services[edge].backlog = waiting
        // What customers met is the edge's 5xx figure: every request that failed this
        // second (errors, timeouts, shed, given up), not only the ones its tasks answered.
        let customerErrorRate = work > 0 ? Double(failed) / Double(work) : 0
        services[edge].minute.errors += (customerErrorRate - services[edge].metrics.errorRate) * Double(work)
        services[edge].metrics.errorRate = customerErrorRate
        score.servedFast += fast
        score.servedOk += ok
        score.servedSlow += served - fast - ok
        score.failed += failed
        score.abandoned += delivered - served
        score.waiting = waiting
        score.requestPoints += Double(fast) * rules.pointsPerFastRequest + Double(ok) * rules.pointsPerOkRequest
            + Double(served - fast - ok) * rules.pointsPerSlowRequest
        score.failurePoints += Double(failed) * rules.pointsPerFailedRequest
    }

    /// The worker took `pulled` messages; the share that succeeded is consumed (an order
    /// completed: points when within the SLA), the rest reappear after the visibility timeout.
    mutating func consume(queue q: Int, pulled: Int, success: Double) {
        let done = min(pulled, rng.roundStochastically(Double(pulled) * success))
        let sla = fleet.scoring.orderSLASeconds
        var completed = done
        for batch in queues[q].receive(pulled) {
            let ok = min(completed, batch.count)
            completed -= ok
            if ok > 0 {
                queues[q].consumedTotal += ok
                if tick - batch.enqueuedAt <= sla {
                    score.ordersOnTime += ok
                    score.orderPoints += Double(ok) * fleet.scoring.pointsPerOrder
                } else {
                    score.ordersLate += ok
                    queues[q].consumedLate += ok
                }
            }
            if batch.count > ok {
                let failed = MessageQueue.Batch(enqueuedAt: batch.enqueuedAt, count: batch.count - ok)
                queues[q].invisible.append(.init(visibleAt: tick + queues[q].spec.visibilityTimeoutSeconds, batch: failed))
            }
        }
    }
}
