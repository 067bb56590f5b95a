/// CloudWatch-style alarms, evaluated on one-minute datapoints, and the
/// incidents they open: an alarm that fires opens an incident, joins one still
/// firing that opened within the grouping window, or (flapping) fires its own
/// again if it recovered within that window; when all of an incident's alarms
/// are back to OK it is mitigated.
extension World {
    /// Thresholds the alarms use.
    public static let errorRateAlarmThreshold = 0.05
    public static let latencyAlarmThresholdMs = 1_000.0
    public static let queueBacklogAlarmThreshold = 1_000

    mutating func evaluateAlarms(edgeDownThisMinute: Bool) {
        for a in alarms.indices {
            let alarm = alarms[a]
            let breaching: Bool
            switch alarm.kind {
            case .noHealthyTargets:
                breaching = edgeDownThisMinute
            case .errorRate:
                breaching = lastSample(of: alarm.subject).map { $0.errorRate > Self.errorRateAlarmThreshold } ?? false
            case .latency:
                breaching = lastSample(of: alarm.subject).map { $0.p99LatencyMs > Self.latencyAlarmThresholdMs } ?? false
            case .unhealthyTargets:
                breaching = lastSample(of: alarm.subject).map { $0.inService < $0.desired } ?? false
            case .queueBacklog:
                breaching = (queues.first { $0.spec.name == alarm.subject }?.backlog ?? 0) > Self.queueBacklogAlarmThreshold
            }
            alarms[a].breachingMinutes = breaching ? alarm.breachingMinutes + 1 : 0
            if !alarm.isFiring && alarms[a].breachingMinutes >= alarm.kind.datapointsToAlarm {
                fire(alarm: a)
            } else if alarm.isFiring && !breaching {
                clear(alarm: a)
            }
        }
    }

    private func lastSample(of name: String) -> MinuteSample? {
        service(named: name)?.history.last
    }

    /// Alarms that fire this long after a still-firing incident opened join it.
    public static let groupingWindowSeconds = 300

    private mutating func fire(alarm a: Int) {
        alarms[a].isFiring = true
        let alarm = alarms[a]
        record(alarm.subject, .alarmFired(alarm.kind))
        if let id = alarm.openIncident, let k = incidents.firstIndex(where: { $0.id == id }) {
            // Flapping: back within the grouping window of its recovery, it fires its incident again.
            if let mitigated = incidents[k].mitigatedAt, tick - mitigated <= Self.groupingWindowSeconds {
                incidents[k].mitigatedAt = nil
                record(alarm.subject, .incidentReopened(id: id, alarm: AlarmRef(kind: alarm.kind, subject: alarm.subject).title))
                return
            }
            // Still firing (another of its alarms): it stays with it.
            if incidents[k].mitigatedAt == nil { return }
            // Long after its incident recovered: a new problem, not the old one.
            alarms[a].openIncident = nil
        }
        let ref = AlarmRef(kind: alarm.kind, subject: alarm.subject)
        // Related alarms from one cause: join the newest incident that is still firing.
        if let k = incidents.lastIndex(where: { $0.resolvedAt == nil && $0.mitigatedAt == nil && tick - $0.openedAt <= Self.groupingWindowSeconds }) {
            incidents[k].alarms.append(ref)
            alarms[a].openIncident = incidents[k].id
            record(alarm.subject, .incidentGrew(id: incidents[k].id, alarm: ref.title))
            return
        }
        var incident = Incident(id: nextIncidentID, kind: alarm.kind, subject: alarm.subject, openedAt: tick)
        incident.alarms = [ref]
        nextIncidentID += 1
        incidents.append(incident)
        alarms[a].openIncident = incident.id
        record(alarm.subject, .incidentOpened(id: incident.id, title: incident.title))
    }

    private mutating func clear(alarm a: Int) {
        alarms[a].isFiring = false
        let alarm = alarms[a]
        record(alarm.subject, .alarmCleared(alarm.kind))
        // Mitigated once every alarm of the incident is back to OK.
        guard let id = alarm.openIncident, let k = incidents.firstIndex(where: { $0.id == id }),
              !alarms.contains(where: { $0.openIncident == id && $0.isFiring }) else { return }
        incidents[k].mitigatedAt = tick
        record(alarm.subject, .incidentMitigated(id: id))
    }

    /// Incidents not yet resolved, oldest first.
    public var openIncidents: [Incident] { incidents.filter { $0.resolvedAt == nil } }
    /// Open incidents whose alarms still fire (not yet mitigated): the count a team's
    /// console, the facilitator's leaderboard and the projector all show.
    public var firingIncidents: [Incident] { incidents.filter { $0.resolvedAt == nil && $0.mitigatedAt == nil } }
}
