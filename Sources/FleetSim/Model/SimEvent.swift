/// Something that happened in a tick, worded the way ECS, ELB and
/// CloudWatch word it, for the event feed, logs and debriefs.
public struct SimEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case tasksStarted(count: Int, version: String)
        case taskStopped(taskID: Int, reason: StopReason, exitCode: Int?)
        case targetsRegistered(count: Int)
        case targetHealthy(taskID: Int)
        case targetUnhealthy(taskID: Int, reason: String)
        case targetsDeregistered(count: Int)
        case steadyState
        case deploymentStarted(version: String, rollback: Bool)
        case deploymentCompleted(version: String)
        case deploymentFailed(version: String, failedTasks: Int, threshold: Int)
        case launchBackoff(seconds: Int)
        case scaled(from: Int, to: Int, cause: String)
        case alarmFired(AlarmKind)
        case alarmCleared(AlarmKind)
        case incidentOpened(id: Int, title: String)
        case incidentMitigated(id: Int)
        /// A related alarm joined an open incident.
        case incidentGrew(id: Int, alarm: String)
        /// A fault took effect. Hidden truth: the debrief shows it, the team's feed does not.
        case faultInjected(String)
        /// A scheduled fault could not apply (e.g. no running task to hang). Hidden truth too.
        case faultRefused(fault: String, reason: String)
        case command(String)
        case commandRejected(command: String, reason: String)
        case edgeDown
        case edgeRestored
        case autoscaling(String)
        case timeoutChanged(milliseconds: Double)
        case questMet(title: String, bonus: Double)
        case questFailed(title: String)
    }

    public var tick: Int
    /// The service (or queue) concerned, if any.
    public var subject: String?
    public var kind: Kind

    public init(tick: Int, subject: String?, kind: Kind) {
        self.tick = tick
        self.subject = subject
        self.kind = kind
    }

    /// Whether the event tells what was injected: shown in debriefs and headless runs,
    /// never in a team's feed (players diagnose from symptoms).
    public var isHiddenTruth: Bool {
        switch kind {
        case .faultInjected, .faultRefused: true
        default: false
        }
    }

    /// The event in the words AWS consoles use, e.g. "service rentals has started 2 tasks".
    public var message: String {
        let s = subject ?? "fleet"
        switch kind {
        case let .tasksStarted(count, version):
            return "service \(s) has started \(count) task\(count == 1 ? "" : "s") (\(version))"
        case let .taskStopped(id, reason, exitCode):
            let code = exitCode.map { " (exit code \($0))" } ?? ""
            return "service \(s) task \(TaskID.format(id)) stopped: \(reason.text)\(code)"
        case let .targetsRegistered(count):
            return "service \(s) registered \(count) target\(count == 1 ? "" : "s") in target-group \(s)-tg"
        case let .targetHealthy(id):
            return "target \(TaskID.format(id)) in \(s)-tg is healthy: in service"
        case let .targetUnhealthy(id, reason):
            return "target \(TaskID.format(id)) in \(s)-tg is unhealthy: \(reason)"
        case let .targetsDeregistered(count):
            return "service \(s) deregistered \(count) target\(count == 1 ? "" : "s") in target-group \(s)-tg (draining)"
        case .steadyState:
            return "service \(s) has reached a steady state"
        case let .deploymentStarted(version, rollback):
            return rollback
                ? "service \(s) is rolling back to \(version)"
                : "service \(s) has begun a deployment of \(version)"
        case let .deploymentCompleted(version):
            return "service \(s) deployment of \(version) completed"
        case let .deploymentFailed(version, failed, threshold):
            return "service \(s) deployment of \(version) failed: tasks failed to start (\(failed) of threshold \(threshold)); circuit breaker tripped"
        case let .launchBackoff(seconds):
            return "service \(s) is unable to consistently start tasks successfully; retrying in \(seconds) s"
        case let .scaled(from, to, cause):
            return "service \(s) desired count \(from) → \(to): \(cause)"
        case let .alarmFired(kind):
            return "ALARM \(s): \(kind.label)"
        case let .alarmCleared(kind):
            return "OK \(s): \(kind.label)"
        case let .incidentOpened(id, title):
            return "incident #\(id) opened: \(title)"
        case let .incidentMitigated(id):
            return "incident #\(id) mitigated: its alarms are back to OK"
        case let .incidentGrew(id, alarm):
            return "incident #\(id) also: \(alarm)"
        case let .faultInjected(text):
            return "inject: \(text)"
        case let .faultRefused(fault, reason):
            return "inject refused '\(fault)': \(reason)"
        case let .command(text):
            return "> \(text)"
        case let .commandRejected(command, reason):
            return "rejected '\(command)': \(reason)"
        case .edgeDown:
            return "load balancer \(s): no healthy targets, customers get 503"
        case .edgeRestored:
            return "load balancer \(s): healthy targets again"
        case let .autoscaling(text):
            return "service \(s) \(text)"
        case let .timeoutChanged(ms):
            return "callers of \(s) now give up after \(NumberText.format(ms)) ms"
        case let .questMet(title, bonus):
            return "quest met: \(title) (+\(NumberText.format(bonus)))"
        case let .questFailed(title):
            return "quest missed: \(title)"
        }
    }
}

/// Task ids are shown as short hex, like the tail of an ECS task ARN.
public enum TaskID {
    public static func format(_ id: Int) -> String {
        HexText.padded(UInt64(max(0, id)), digits: 4)
    }
}
