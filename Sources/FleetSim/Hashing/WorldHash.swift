/// The world's canonical hash: every piece of state that can influence a
/// later tick, fed in a fixed order. Recordings checkpoint it; replay
/// compares it to prove the simulation went the same way.
extension World {
    public var stableHash: UInt64 {
        var h = StableHasher()
        h.combine(tick)
        h.combine(seed)
        rng.hash(into: &h)
        h.combine(services.count)
        for service in services { hash(service, into: &h) }
        h.combine(queues)
        h.combine(zoneOutageUntil.count)
        for until in zoneOutageUntil { h.combine(until) }
        for (factor, until) in zip(zoneSlowdown, zoneSlowdownUntil) { h.combine(factor); h.combine(until) }
        h.combine(injectedSpikes)
        h.combine(alarms)
        h.combine(incidents)
        h.combine(score)
        h.combine(quests)
        h.combine(edgeIsDown); h.combine(edgeDownThisMinute)
        h.combine(nextTaskID); h.combine(nextDeploymentID); h.combine(nextIncidentID)
        return h.value
    }

    /// The hash as 16 hex digits, as shown to people and written to recordings.
    public var stableHashHex: String {
        StableHasher.hex(stableHash)
    }

    private func hash(_ s: Service, into h: inout StableHasher) {
        h.combine(s.name); h.combine(s.desiredCount); h.combine(s.spec.timeoutMs)
        h.combine(s.tasks)
        h.combine(s.deployments)
        h.combine(s.completedVersions.count)
        for v in s.completedVersions { h.combine(v) }
        let p = s.autoscaling
        h.combine(p.enabled); h.combine(p.metric.rawValue); h.combine(p.target); h.combine(p.minCapacity); h.combine(p.maxCapacity)
        let sc = s.scaling
        h.combine(sc.highDatapoints); h.combine(sc.lowDatapoints); h.combine(sc.lastScaleOutTick); h.combine(sc.lastScaleInTick)
        h.combine(sc.activities.count)
        for a in sc.activities { h.combine(a.tick); h.combine(a.from); h.combine(a.to) }
        h.combine(s.launchFailureStreak); h.combine(s.nextLaunchTick); h.combine(s.backlog); h.combine(s.isSteady)
        let f = s.faults
        h.combine(f.outageUntil); h.combine(f.addedLatencyMs); h.combine(f.latencyUntil)
        h.combine(f.callFailureRate); h.combine(Int(f.callFailure.rawValue)); h.combine(f.callFailureUntil)
        h.combine(f.throttleRequestsPerSecond); h.combine(f.throttleUntil)
        let m = s.metrics
        for value in [m.offered, m.processed, m.errorRate, m.meanLatencyMs, m.p99LatencyMs, m.cpuPercent, m.memoryPercent, m.capacity, m.utilisation, m.throttled, m.heldLatencyMs] {
            h.combine(value)
        }
        let acc = s.minute
        h.combine(acc.seconds); h.combine(acc.offered); h.combine(acc.requests); h.combine(acc.errors); h.combine(acc.cpuSum); h.combine(acc.maxP99)
        h.combine(s.history.count)
        if let last = s.history.last { h.combine(last.requestsPerSecond); h.combine(last.errorRate); h.combine(last.cpuPercent) }
        h.combine(s.recentStops)
    }
}
