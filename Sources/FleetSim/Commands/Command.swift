/// A player's action on the fleet. The console, bots, recordings and remote
/// teams all change the world only through these values.
public enum Command: Sendable, Hashable {
    /// Set a service's desired count (ECS UpdateService desiredCount).
    case scale(service: String, count: Int)
    /// Turn target tracking on or off, or change its settings.
    case autoscale(service: String, change: AutoscaleChange)
    /// Start a rolling deployment of a version.
    case deploy(service: String, version: String)
    /// Deploy the last completed version again.
    case rollback(service: String)
    /// Replace every task with a fresh one of the same version (force new deployment).
    case restart(service: String)
    case acknowledge(incident: Int)
    case resolve(incident: Int)
    /// Set how long callers wait for the service before giving up (fail fast to protect threads).
    case timeout(service: String, milliseconds: Double)
}

/// Changes to a target-tracking policy; `nil` leaves a setting as it is.
public struct AutoscaleChange: Sendable, Hashable {
    public var enabled: Bool?
    public var metric: ScalingMetric?
    public var target: Double?
    public var minCapacity: Int?
    public var maxCapacity: Int?

    public init(enabled: Bool? = nil, metric: ScalingMetric? = nil, target: Double? = nil, minCapacity: Int? = nil, maxCapacity: Int? = nil) {
        self.enabled = enabled
        self.metric = metric
        self.target = target
        self.minCapacity = minCapacity
        self.maxCapacity = maxCapacity
    }
}

/// Why a command or inject was refused, in one line a player can act on.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Command {
    /// The command as a player types it; `Command.parse` reads it back.
    public var text: String {
        switch self {
        case let .scale(s, n): return "scale \(s) \(n)"
        case let .autoscale(s, change):
            var words = ["autoscale", s]
            if let enabled = change.enabled { words.append(enabled ? "on" : "off") }
            if let metric = change.metric { words += ["metric", metric.rawValue] }
            if let target = change.target { words += ["target", NumberText.format(target)] }
            if let min = change.minCapacity { words += ["min", "\(min)"] }
            if let max = change.maxCapacity { words += ["max", "\(max)"] }
            return words.joined(separator: " ")
        case let .deploy(s, v): return "deploy \(s) \(v)"
        case let .rollback(s): return "rollback \(s)"
        case let .restart(s): return "restart \(s)"
        case let .acknowledge(id): return "ack \(id)"
        case let .resolve(id): return "resolve \(id)"
        case let .timeout(s, ms): return "timeout \(s) \(NumberText.format(ms))"
        }
    }

    /// The service the command acts on, if any.
    public var service: String? {
        switch self {
        case let .scale(s, _), let .autoscale(s, _), let .deploy(s, _), let .rollback(s), let .restart(s), let .timeout(s, _): s
        case .acknowledge, .resolve: nil
        }
    }

}
