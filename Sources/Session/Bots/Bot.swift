import FleetSim
import Scenarios

/// A rival team: it looks at what a player would see and answers with
/// commands, through the same command API a player uses. Bots are
/// deterministic and never see the hidden truth (`FleetView`).
public protocol Bot: Sendable {
    /// How often the bot looks at the screen (a human's reaction time, not every tick).
    var decisionIntervalSeconds: Int { get }
    mutating func commands(observing view: FleetView) -> [Command]
}

/// The bots `--bot` accepts.
public enum BotKind: String, Sendable, CaseIterable {
    case idle, overprovision, autoscaler, expert

    public func make() -> any Bot {
        switch self {
        case .idle: IdleBot()
        case .overprovision: OverprovisionBot()
        case .autoscaler: AutoscalerBot()
        case .expert: ExpertBot()
        }
    }
}

/// Does nothing: the fleet left as it was found. The floor every team should beat.
public struct IdleBot: Bot {
    public let decisionIntervalSeconds = 60
    public init() {}
    public mutating func commands(observing view: FleetView) -> [Command] { [] }
}

/// Triples every service at the start and never looks again: survives spikes,
/// pays for it, and ignores bad deploys and incidents.
public struct OverprovisionBot: Bot {
    public let decisionIntervalSeconds = 60
    public var factor = 3
    private var done = false
    public init() {}

    public mutating func commands(observing view: FleetView) -> [Command] {
        guard !done else { return [] }
        done = true
        return view.services.filter(\.runsTasks).map {
            .scale(service: $0.name, count: min(World.maxTasksPerService, $0.desired * factor))
        }
    }
}

/// Turns on CPU target tracking everywhere at the start, then acknowledges
/// and resolves incidents as they come: what a team that read the autoscaling
/// docs but nothing else would do.
public struct AutoscalerBot: Bot {
    public let decisionIntervalSeconds = 30
    public var targetCPU = 55.0
    private var enabled = false
    public init() {}

    public mutating func commands(observing view: FleetView) -> [Command] {
        var commands: [Command] = []
        if !enabled {
            enabled = true
            for service in view.services where service.runsTasks {
                let min = max(1, service.desired)
                commands.append(.autoscale(service: service.name, change: AutoscaleChange(
                    enabled: true, metric: .cpu, target: targetCPU, minCapacity: min, maxCapacity: min * 6)))
            }
        }
        return commands + IncidentDuty.commands(view)
    }
}

/// What every on-call does with the incident list: acknowledge what is new,
/// resolve what is back to OK.
enum IncidentDuty {
    static func commands(_ view: FleetView) -> [Command] {
        var commands: [Command] = []
        for incident in view.incidents where incident.resolvedAt == nil {
            if incident.acknowledgedAt == nil { commands.append(.acknowledge(incident: incident.id)) }
            if incident.mitigatedAt != nil { commands.append(.resolve(incident: incident.id)) }
        }
        return commands
    }
}
