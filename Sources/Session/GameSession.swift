import FleetSim
import Scenarios

/// A command as it was given: the tick it took effect at (given between ticks, before that tick's step).
public struct LoggedCommand: Sendable, Hashable {
    public var tick: Int
    public var command: Command
}

/// One game of a scenario: the world, the scenario's timeline, the log of
/// every command, and the clock that advances them together. Player input,
/// bots and facilitator injects all come in here, stamped with a tick.
public struct GameSession: Sendable {
    public let scenario: Scenario
    public private(set) var world: World
    public private(set) var commandLog: [LoggedCommand] = []
    /// Injects given during play (the scenario's own timeline is not repeated here).
    public private(set) var injectLog: [Inject] = []
    private var pendingInjects: [Fault] = []
    public let durationSeconds: Int
    /// The scenario's injects for this seed and length (timeline and deck), in tick order;
    /// empty when a host fires them instead.
    public let schedule: [Inject]
    /// For each scheduled inject, whether the briefing announced it.
    public let scheduleAnnounced: [Bool]
    /// False when a host fires the scenario's timeline (a facilitated game): then
    /// every inject comes through `submit(_:)` and is in `injectLog`.
    public let followsTimeline: Bool
    private var nextScheduled = 0

    public init(scenario: Scenario, seed: UInt64? = nil, durationSeconds: Int? = nil, followsTimeline: Bool = true) throws(FleetSpecError) {
        self.scenario = scenario
        self.durationSeconds = durationSeconds ?? scenario.durationSeconds
        self.followsTimeline = followsTimeline
        let seed = seed ?? scenario.defaultSeed
        let plan = scenario.plan(seed: seed, durationSeconds: self.durationSeconds)
        var fleet = scenario.fleet
        fleet.traffic.spikes = plan.spikes
        world = try World(fleet: fleet, seed: seed)
        schedule = followsTimeline ? plan.injects : []
        scheduleAnnounced = followsTimeline ? plan.announced : []
    }

    public var isFinished: Bool { world.tick >= durationSeconds }
    public var secondsLeft: Int { max(0, durationSeconds - world.tick) }

    /// Gives a command now, at the current tick, checked against the world as
    /// it is (so a player sees its effect at once, paused or not). A refused
    /// command changes nothing and is not logged.
    public mutating func submit(_ command: Command) throws(CommandError) {
        guard !isFinished else { throw CommandError("the game is over") }
        try world.give(command)
        commandLog.append(LoggedCommand(tick: world.tick, command: command))
    }

    /// Gives a command from a recording of format 1 or 2, already checked against
    /// the world before its tick (see `World.applyCheckedEarlier`); logged if applied.
    public mutating func submitCheckedEarlier(_ command: Command) {
        guard !isFinished, world.applyCheckedEarlier(command) else { return }
        commandLog.append(LoggedCommand(tick: world.tick, command: command))
    }

    /// Queues an inject (practice, a facilitator's, or the host's timeline) for the next tick.
    public mutating func submit(_ fault: Fault) throws(CommandError) {
        try world.check(fault)
        pendingInjects.append(fault)
    }

    /// Advances one tick with the injects queued and due.
    public mutating func advance() {
        guard !isFinished else { return }
        let tick = world.tick
        for fault in pendingInjects { injectLog.append(Inject(tick: tick, fault: fault)) }
        var due: [Fault] = []
        while nextScheduled < schedule.count && schedule[nextScheduled].tick <= tick {
            due.append(schedule[nextScheduled].fault)
            nextScheduled += 1
        }
        world.step(injects: due + pendingInjects)
        if isFinished { world.settleQuests() }
        pendingInjects.removeAll(keepingCapacity: true)
    }

    /// Lets `bot` act (at its own cadence), then advances one tick.
    public mutating func advance(with bot: inout some Bot) {
        if world.tick % bot.decisionIntervalSeconds == 0 {
            for command in bot.commands(observing: FleetView(world: world, scenario: scenario, durationSeconds: durationSeconds)) {
                // A bot's refused command is simply dropped, as a player's would be.
                try? submit(command)
            }
        }
        advance()
    }
}
