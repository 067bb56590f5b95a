import FleetSim
import Scenarios

/// A way to play a scenario that the balance suite measures: the bots, and
/// the degenerate strategies a score must not reward (static over-provisioning,
/// switching the order pipeline off, waiting forever on every call, flapping
/// autoscaling, and a timed script tuned on one seed and replayed on others).
public enum Strategy: Sendable, Hashable {
    case bot(BotKind)
    /// Every service × factor at the start, nothing else.
    case staticFleet(factor: Int)
    /// The expert, plus ordering and notifications scaled to zero at the start.
    case expertWithoutOrders
    /// The expert, plus every service's callers waiting 60 s for it.
    case expertWithLongTimeouts
    /// Nothing but 60 s timeouts everywhere.
    case longTimeoutsOnly
    /// Target tracking switched on and off every minute on every service.
    case flappingAutoscaling
    /// The expert's commands on the scenario's own seed, replayed at the same times on this seed.
    case replayedExpertScript

    public var name: String {
        switch self {
        case let .bot(kind): kind.rawValue
        case let .staticFleet(factor): "static ×\(factor)"
        case .expertWithoutOrders: "expert, orders off"
        case .expertWithLongTimeouts: "expert, 60 s timeouts"
        case .longTimeoutsOnly: "60 s timeouts"
        case .flappingAutoscaling: "autoscaling on/off"
        case .replayedExpertScript: "expert's script replayed"
        }
    }

    /// The strategies every shipped scenario must keep below the expert.
    public static let degenerate: [Strategy] = [
        .staticFleet(factor: 2), .staticFleet(factor: 3), .expertWithoutOrders, .expertWithLongTimeouts,
        .longTimeoutsOnly, .flappingAutoscaling, .replayedExpertScript,
    ]

    /// Plays one game with this strategy and returns its final score.
    public func play(_ scenario: Scenario, seed: UInt64) throws(FleetSpecError) -> Double {
        let duration = scenario.durationSeconds
        let fleet = try World(fleet: scenario.fleet, seed: seed)
        let services = fleet.services.filter(\.spec.runsTasks).map { ($0.name, $0.desiredCount) }
        let everyService = fleet.services.map(\.name)
        func run(_ bot: BotKind, _ script: [ScheduledCommand]) throws(FleetSpecError) -> Double {
            try HeadlessRun.play(scenario: scenario, seed: seed, durationSeconds: duration, bot: bot, script: script).score.total
        }
        switch self {
        case let .bot(kind):
            return try run(kind, [])
        case let .staticFleet(factor):
            return try run(.idle, services.map { ScheduledCommand(tick: 0, command: .scale(service: $0.0, count: $0.1 * factor)) })
        case .expertWithoutOrders:
            return try playExpert(scenario, seed: seed, insisting: ["ordering", "notifications"].map { .scale(service: $0, count: 0) })
        case .expertWithLongTimeouts:
            return try playExpert(scenario, seed: seed, insisting: everyService.map { .timeout(service: $0, milliseconds: 60_000) })
        case .longTimeoutsOnly:
            return try run(.idle, everyService.map { ScheduledCommand(tick: 0, command: .timeout(service: $0, milliseconds: 60_000)) })
        case .flappingAutoscaling:
            var script: [ScheduledCommand] = []
            for minute in 0..<(duration / 60) {
                for (name, desired) in services {
                    let on = minute % 2 == 0
                    script.append(ScheduledCommand(tick: minute * 60, command: .autoscale(service: name, change: AutoscaleChange(
                        enabled: on, minCapacity: on ? max(1, desired) : nil, maxCapacity: on ? max(1, desired) * 6 : nil))))
                }
            }
            return try run(.idle, script)
        case .replayedExpertScript:
            var session = try GameSession(scenario: scenario, seed: scenario.defaultSeed, durationSeconds: duration)
            var expert: any Bot = ExpertBot()
            while !session.isFinished { session.advance(with: &expert) }
            return try run(.idle, session.commandLog.map { ScheduledCommand(tick: $0.tick, command: $0.command) })
        }
    }

    /// The expert, with `moves` made after each of its decisions and none of its own
    /// commands that would undo them (it never touches those services' counts or timeouts).
    private func playExpert(_ scenario: Scenario, seed: UInt64, insisting moves: [Command]) throws(FleetSpecError) -> Double {
        var session = try GameSession(scenario: scenario, seed: seed)
        var bot: any Bot = InsistingBot(inner: ExpertBot(), moves: moves)
        while !session.isFinished { session.advance(with: &bot) }
        return session.world.score.total
    }
}

/// A bot that plays like `inner` but keeps making `moves`, dropping the inner bot's
/// commands that would undo them: how the balance suite plays "the expert, but…".
struct InsistingBot: Bot {
    var inner: any Bot
    let moves: [Command]
    var decisionIntervalSeconds: Int { inner.decisionIntervalSeconds }

    mutating func commands(observing view: FleetView) -> [Command] {
        let touched = moves.compactMap(\.service)
        let own = inner.commands(observing: view).filter { command in
            guard let service = command.service, touched.contains(service) else { return true }
            switch (command, moves.first { $0.service == service }) {
            case (.timeout, .timeout?), (.scale, .scale?), (.autoscale, .scale?): return false
            default: return true
            }
        }
        // Scaling to zero also means no target tracking to bring the service back.
        let off = moves.compactMap { move -> Command? in
            guard case let .scale(service, 0) = move, view.service(named: service)?.autoscaling.enabled == true else { return nil }
            return .autoscale(service: service, change: AutoscaleChange(enabled: false))
        }
        let due = moves.filter { move in
            switch move {
            case let .scale(service, count): view.service(named: service)?.desired != count
            case let .timeout(service, ms): view.service(named: service)?.timeoutMs != ms
            default: true
            }
        }
        return own + off + due
    }
}
