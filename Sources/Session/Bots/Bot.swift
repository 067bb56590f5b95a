import FleetSim
import Scenarios

/// A rival team: it looks at the world and answers with commands, through
/// the same command API a player uses. Bots are deterministic.
public protocol Bot: Sendable {
    /// How often the bot looks at the world (a human's reaction time, not every tick).
    var decisionIntervalSeconds: Int { get }
    mutating func commands(observing world: World, scenario: Scenario) -> [Command]
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
    public mutating func commands(observing world: World, scenario: Scenario) -> [Command] { [] }
}

/// Triples every service at the start and never looks again: survives spikes,
/// pays for it, and ignores bad deploys and incidents.
public struct OverprovisionBot: Bot {
    public let decisionIntervalSeconds = 60
    public var factor = 3
    private var done = false
    public init() {}

    public mutating func commands(observing world: World, scenario: Scenario) -> [Command] {
        guard !done else { return [] }
        done = true
        return world.services.filter(\.spec.runsTasks).map {
            .scale(service: $0.name, count: min(World.maxTasksPerService, $0.desiredCount * factor))
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

    public mutating func commands(observing world: World, scenario: Scenario) -> [Command] {
        var commands: [Command] = []
        if !enabled {
            enabled = true
            for service in world.services where service.spec.runsTasks {
                let min = max(1, service.desiredCount)
                commands.append(.autoscale(service: service.name, change: AutoscaleChange(
                    enabled: true, metric: .cpu, target: targetCPU, minCapacity: min, maxCapacity: min * 6)))
            }
        }
        for incident in world.openIncidents {
            if incident.acknowledgedAt == nil { commands.append(.acknowledge(incident: incident.id)) }
            if incident.mitigatedAt != nil { commands.append(.resolve(incident: incident.id)) }
        }
        return commands
    }
}
