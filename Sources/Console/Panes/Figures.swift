import FleetSim

/// Every figure the console shows in a table column, declared once with what
/// it means: the panes take their headers from here, and the help overlay's
/// "Reading the screen" and the README's legend take the meanings, so a
/// number means the same thing wherever it appears.
enum Figure: String, CaseIterable, Sendable {
    // Services pane
    case service, status, version, tasks, inService, requests, p99, errors, cpu, memory, trend
    // Scaling pane
    case policy, datapoint, alarm, minMax, desired, cooldown, activity
    // Incidents pane
    case severity, incidentState, age

    var header: String {
        switch self {
        case .service: "SERVICE"
        case .status: "STATUS"
        case .version: "VER"
        case .tasks: "TASKS"
        case .inService: "INSVC"
        case .requests: "REQ/S"
        case .p99: "P99"
        case .errors: "5XX"
        case .cpu: "CPU"
        case .memory: "MEM"
        case .trend: "TREND"
        case .policy: "POLICY"
        case .datapoint: "LAST MIN"
        case .alarm: "ALARM"
        case .minMax: "MIN-MAX"
        case .desired: "DESIRED"
        case .cooldown: "COOLDOWN"
        case .activity: "LAST ACTIVITY"
        case .severity: "SEV"
        case .incidentState: "STATE"
        case .age: "AGE"
        }
    }

    /// Which pane shows it (the legend's grouping).
    var pane: Pane {
        switch self {
        case .service, .status, .version, .tasks, .inService, .requests, .p99, .errors, .cpu, .memory, .trend: .services
        case .policy, .datapoint, .alarm, .minMax, .desired, .cooldown, .activity: .scaling
        case .severity, .incidentState, .age: .incidents
        }
    }

    var meaning: String {
        switch self {
        case .service: "the ECS service (or third party) by name"
        case .status: "one word for its state: see STATUS WORDS"
        case .version: "the version its running tasks run; v1→v2 while a deployment rolls, v1 ✗v2 when the circuit breaker failed v2"
        case .tasks: "running/desired tasks, +N starting (PROVISIONING or PENDING)"
        case .inService: "tasks the load balancer sends traffic to (healthy targets)"
        case .requests: "requests processed in the last second"
        case .p99: "99th-percentile latency of the last second, calls to dependencies included"
        case .errors: "share of the last second's requests that failed (5xx, timeouts, shed)"
        case .cpu: "average CPU of the running tasks, the last second (as ECS averages it: tasks not yet in service count, idle)"
        case .memory: "memory of the fullest running task, % of its limit (OOM kill at 100 %)"
        case .trend: "requests per minute, scaled to what the tasks can serve"
        case .policy: "target tracking metric and target, or manual"
        case .datapoint: "the last one-minute datapoint the policy evaluated (CPU average or requests per target)"
        case .alarm: "consecutive datapoints above target (out 2/\(AutoscalingPolicy.off.scaleOutDatapoints)) or below 90 % of it (in 9/\(AutoscalingPolicy.off.scaleInDatapoints))"
        case .minMax: "the scalable target's minimum and maximum task count"
        case .desired: "the desired task count the policy or you set"
        case .cooldown: "time before the next scale-out (out) or scale-in (in) may happen"
        case .activity: "the last change of desired count and why"
        case .severity: "SEV1 front door down · SEV2 errors or latency · SEV3 capacity or backlog"
        case .incidentState: "OPEN · ACKED · MITIGATED (alarms back to OK) · RESOLVED"
        case .age: "time since it opened; a resolved incident keeps the time it took"
        }
    }
}
