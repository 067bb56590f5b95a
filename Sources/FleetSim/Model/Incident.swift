/// What an alarm watches. Each maps to a CloudWatch alarm an ops team would set.
public enum AlarmKind: UInt8, Sendable, CaseIterable {
    /// The edge has no healthy target: customers get 503 from the load balancer.
    case noHealthyTargets
    /// 5xx above 5 % for 2 consecutive minutes.
    case errorRate
    /// p99 above 1 s for 3 consecutive minutes.
    case latency
    /// Fewer tasks in service than desired for 5 consecutive minutes.
    case unhealthyTargets
    /// Queue backlog above 1,000 messages for 3 consecutive minutes.
    case queueBacklog

    public var severity: Int {
        switch self {
        case .noHealthyTargets: 1
        case .errorRate, .latency: 2
        case .unhealthyTargets, .queueBacklog: 3
        }
    }

    /// Consecutive breaching minutes before the alarm fires.
    public var datapointsToAlarm: Int {
        switch self {
        case .noHealthyTargets: 1
        case .errorRate: 2
        case .latency, .queueBacklog: 3
        case .unhealthyTargets: 5
        }
    }

    public var label: String {
        switch self {
        case .noHealthyTargets: "no healthy targets"
        case .errorRate: "5xx rate above 5%"
        case .latency: "p99 latency above 1 s"
        case .unhealthyTargets: "tasks in service below desired"
        case .queueBacklog: "queue backlog above 1,000"
        }
    }
}

/// A CloudWatch-style alarm on one service (or queue) and its state.
public struct Alarm: Sendable, Hashable {
    public var kind: AlarmKind
    /// The service, or for `.queueBacklog` the queue, it watches.
    public var subject: String
    public var isFiring: Bool = false
    public var breachingMinutes: Int = 0
    /// The incident this alarm opened, while that incident is not resolved.
    public var openIncident: Int? = nil
}

/// An alarm as an incident lists it: what it watches and on what.
public struct AlarmRef: Sendable, Hashable {
    public var kind: AlarmKind
    public var subject: String

    public var title: String { "\(subject): \(kind.label)" }
}

/// An incident opened by an alarm, worked by the player: acknowledged,
/// mitigated (all its alarms back to OK) and resolved, each stamped with its
/// tick. Alarms that fire within a few minutes of an incident that is still
/// firing join it instead of opening their own, as PagerDuty and Opsgenie
/// group alerts: one spike is one incident with its alarms listed.
public struct Incident: Sendable, Hashable, Identifiable {
    public enum State: String, Sendable {
        case open, acknowledged, mitigated, resolved
    }

    public var id: Int
    public var kind: AlarmKind
    public var subject: String
    public var openedAt: Int
    public var acknowledgedAt: Int?
    public var mitigatedAt: Int?
    public var resolvedAt: Int?
    /// Every alarm grouped into the incident, the first one first.
    public var alarms: [AlarmRef] = []

    /// The most severe of its alarms (1 is the worst).
    public var severity: Int { alarms.map(\.kind.severity).min() ?? kind.severity }
    /// The first alarm's title, and how many related alarms joined it.
    public var title: String { "\(subject): \(kind.label)" + (alarms.count > 1 ? " +\(alarms.count - 1) related" : "") }

    public var state: State {
        if resolvedAt != nil { return .resolved }
        if mitigatedAt != nil { return .mitigated }
        if acknowledgedAt != nil { return .acknowledged }
        return .open
    }
}

extension Alarm: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(Int(kind.rawValue)); h.combine(subject); h.combine(isFiring); h.combine(breachingMinutes); h.combine(openIncident)
    }
}

extension Incident: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(id); h.combine(Int(kind.rawValue)); h.combine(subject); h.combine(openedAt)
        h.combine(acknowledgedAt); h.combine(mitigatedAt); h.combine(resolvedAt)
        h.combine(alarms.count)
        for alarm in alarms { h.combine(Int(alarm.kind.rawValue)); h.combine(alarm.subject) }
    }
}
