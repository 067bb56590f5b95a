import FleetSim
import Scenarios

/// A command scheduled for a tick, as given to `gameday simulate --command`.
public struct ScheduledCommand: Sendable, Hashable {
    public var tick: Int
    public var command: Command
    public init(tick: Int, command: Command) {
        self.tick = tick
        self.command = command
    }
}

/// Plays a scenario to the end without a screen: a bot and/or scripted
/// commands act, and the result is summarised.
public enum HeadlessRun {
    public static func play(
        scenario: Scenario, seed: UInt64, durationSeconds: Int, bot: BotKind = .idle, script: [ScheduledCommand] = [],
        onEvent: ((SimEvent) -> Void)? = nil, onTick: ((GameSession) -> Void)? = nil
    ) throws(FleetSpecError) -> RunSummary {
        var session = try GameSession(scenario: scenario, seed: seed, durationSeconds: durationSeconds)
        var player = bot.make()
        var rejected: [String] = []
        var next = script.sorted { $0.tick < $1.tick }[...]
        while !session.isFinished {
            while let scheduled = next.first, scheduled.tick <= session.world.tick {
                next = next.dropFirst()
                do throws(CommandError) { try session.submit(scheduled.command) } catch {
                    rejected.append("\(GameTime.format(session.world.tick)) \(scheduled.command.text): \(error.message)")
                }
            }
            session.advance(with: &player)
            if let onEvent { for event in session.world.events { onEvent(event) } }
            onTick?(session)
        }
        return RunSummary(session: session, bot: bot, scripted: !script.isEmpty, rejectedCommands: rejected)
    }
}

/// What a finished game came to: the score and its parts, the requests
/// behind it, the incidents and the world hash that proves the run.
public struct RunSummary: Sendable {
    public var scenarioID: String
    public var seed: UInt64
    public var bot: String
    /// Who played, in words: "bot expert", "scripted commands", or both.
    public var player: String
    public var durationSeconds: Int
    public var score: Scoreboard
    public var par: Double
    /// The rules the score was kept by (budget, prices).
    public var rules: ScoringRules
    /// p99 latency at the edge: the median minute and the worst minute.
    public var typicalP99Ms: Double
    public var worstP99Ms: Double
    public var incidents: [Incident]
    public var commandCount: Int
    public var rejectedCommands: [String]
    public var worldHash: String

    init(session: GameSession, bot: BotKind, scripted: Bool, rejectedCommands: [String]) {
        let world = session.world
        scenarioID = session.scenario.id
        seed = world.seed
        self.bot = bot.rawValue
        switch (bot, scripted) {
        case (.idle, true): player = "scripted commands"
        case (_, true): player = "bot \(bot.rawValue) and scripted commands"
        default: player = "bot \(bot.rawValue)"
        }
        durationSeconds = world.tick
        score = world.score
        par = session.scenario.par(forSeconds: session.durationSeconds)
        rules = world.fleet.scoring
        let p99s = world.edge.history.map(\.p99LatencyMs).sorted()
        typicalP99Ms = p99s.isEmpty ? 0 : p99s[p99s.count / 2]
        worstP99Ms = p99s.last ?? 0
        incidents = world.incidents
        commandCount = session.commandLog.count
        self.rejectedCommands = rejectedCommands
        worldHash = world.stableHashHex
    }

    public var madePar: Bool { score.total >= par }
}
