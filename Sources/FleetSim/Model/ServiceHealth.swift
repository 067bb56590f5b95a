/// A service's state in one word, from what its operators can see: what the
/// services pane and the detail header say. The thresholds are the alarms'
/// (5xx above 5 %, p99 above 1 s), so a WARN row and a firing alarm agree.
public enum ServiceHealth: Sendable, Hashable {
    /// Serving within its alarms, with every desired task in service.
    case ok
    /// A deployment is rolling out.
    case deploying
    /// Fewer tasks in service than desired (catching up after a scale-out or a loss).
    case scaling
    /// Scaled to zero on purpose.
    case idle
    /// 5xx above the alarm threshold or p99 above a second.
    case warning
    /// A fifth or more of requests failing.
    case critical
    /// Nothing in service (or, for a third party, refusing calls).
    case down
    /// A third party answering slower than its callers wait, or with added latency.
    case slow

    /// 5xx share above which a service counts as critical.
    public static let criticalErrorRate = 0.2

    public static func of(_ service: Service, in world: World) -> ServiceHealth {
        let m = service.metrics
        // Calls that never reach it (lost packets, a name that does not resolve, an expired
        // certificate) fail as surely as its own errors.
        let failing = max(m.errorRate, service.faults.callFailureRate(at: world.tick))
        if service.spec.role == .external {
            if service.faults.isOutage(at: world.tick) { return .down }
            if failing > criticalErrorRate { return .critical }
            if failing > World.errorRateAlarmThreshold { return .warning }
            if m.p99LatencyMs > service.spec.timeoutMs || service.faults.addedLatency(at: world.tick) > 0 { return .slow }
            return .ok
        }
        if service.desiredCount == 0 && service.tasks.isEmpty { return .idle }
        if service.inServiceCount == 0 { return .down }
        if failing > criticalErrorRate { return .critical }
        if failing > World.errorRateAlarmThreshold || m.p99LatencyMs > World.latencyAlarmThresholdMs { return .warning }
        if service.isDeploying { return .deploying }
        if service.inServiceCount < service.desiredCount { return .scaling }
        return .ok
    }

    /// The word shown beside the glyph.
    public var label: String {
        switch self {
        case .ok: "OK"
        case .deploying: "DEPLOY"
        case .scaling: "SCALE"
        case .idle: "IDLE"
        case .warning: "WARN"
        case .critical: "CRIT"
        case .down: "DOWN"
        case .slow: "SLOW"
        }
    }
}
