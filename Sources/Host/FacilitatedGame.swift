import FleetSim
import Scenarios
import Session

/// Why a team could not join.
public struct JoinError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

/// Who is at a team's consoles, and when the team last gave a command.
public struct TeamPresence: Sendable, Hashable {
    /// Consoles open on the team now.
    public var people = 0
    public var lastCommandTick: Int?
}

/// The settings a facilitated game starts with.
public struct GameSettings: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    public var durationSeconds: Int
    public var difficulty: Difficulty
    /// The most teams of people that may join.
    public var maxTeams: Int
    public var bots: [BotKind]

    public init(scenario: Scenario, seed: UInt64, durationSeconds: Int, difficulty: Difficulty, maxTeams: Int, bots: [BotKind]) {
        self.scenario = scenario
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.difficulty = difficulty
        self.maxTeams = maxTeams
        self.bots = bots
    }
}

/// A game day run by a facilitator: every team on the same scenario, seed
/// and difficulty, in lock-step on one clock the facilitator controls; the
/// scenario's timeline fired by the host (so it can be fired early, delayed
/// or skipped); targeted injects, broadcasts and hints; and the session log.
/// Pure and deterministic: the edges pass in time and connections.
public struct FacilitatedGame: Sendable {
    public let settings: GameSettings
    public internal(set) var match: Match
    /// The facilitator's clock: paused until the game starts.
    public internal(set) var clock: GameClock
    public internal(set) var hasStarted = false
    public internal(set) var timeline: InjectTimeline
    /// Everything that happened, in order (the session file).
    public internal(set) var log: [SessionEvent] = []
    /// Broadcasts and hints, in order.
    public internal(set) var notices: [Notice] = []
    /// Per team of the match (bots too), in the match's order.
    public internal(set) var presence: [TeamPresence]
    /// Injects every team got, for teams that join later.
    private var givenToAll: [Inject] = []
    /// Set when replaying a session file: teams, commands, injects and messages come from the files.
    var script: SessionScript?
    /// A session replay: only the clock answers the facilitator's keys.
    public var isReplay: Bool { script != nil }

    public init(_ settings: GameSettings, speed: Int = 1) throws(FleetSpecError) {
        self.settings = settings
        match = try Match(scenario: settings.scenario, seed: settings.seed, durationSeconds: settings.durationSeconds,
                          people: [], bots: settings.bots, followsTimeline: false)
        clock = GameClock(speed: speed)
        clock.setPaused(true)
        timeline = InjectTimeline(schedule: settings.scenario.plan(seed: settings.seed, durationSeconds: settings.durationSeconds).injects)
        presence = Array(repeating: TeamPresence(), count: match.teams.count)
    }

    public var tick: Int { match.tick }
    public var isFinished: Bool { match.isFinished }
    /// Whether time passes: started, not paused, not over.
    public var isClockRunning: Bool { hasStarted && !clock.isPaused && !isFinished }
    /// Indices of the teams of people, in joining order.
    public var peopleTeams: [Int] { match.teams.indices.filter { !match.teams[$0].isBot } }

    /// The index of a team of people with this name, joining it to the game
    /// if it is new. A team that joins late starts from the game as it would
    /// be had it been idle since the start.
    public mutating func join(team name: String) throws(JoinError) -> Int {
        if let problem = TeamName.problem(name, allowingSpaces: false) { throw JoinError(message: problem) }
        if let index = match.team(named: name) {
            guard !match.teams[index].isBot else { throw JoinError(message: "'\(name)' is a bot team's name: choose another") }
            return index
        }
        guard peopleTeams.count < settings.maxTeams else {
            let names = peopleTeams.map { match.teams[$0].name }.joined(separator: ", ")
            throw JoinError(message: "the game is full (\(settings.maxTeams) teams): join one of \(names)")
        }
        let index: Int
        do { index = try match.addTeam(named: name, injects: givenToAll) } catch { throw JoinError(message: "cannot start the team's game: \(error.description)") }
        presence.append(TeamPresence())
        record(.teamJoined(team: name, recording: SessionFile.recordingName(team: name, number: peopleTeams.count)))
        return index
    }

    /// A console opened on a team.
    public mutating func connected(team: Int) {
        presence[team].people += 1
        record(.connected(team: match.teams[team].name, people: presence[team].people))
    }

    /// A console on a team closed (or its connection dropped).
    public mutating func disconnected(team: Int) {
        presence[team].people = max(0, presence[team].people - 1)
        record(.disconnected(team: match.teams[team].name, people: presence[team].people))
    }

    /// A team's command, checked and given as in solo play, at once.
    public mutating func give(_ command: Command, team: Int) throws(CommandError) {
        guard !isFinished else { throw CommandError("the game is over") }
        try match.submit(command, team: team)
        presence[team].lastCommandTick = tick
    }

    /// Stops the clock without a word in the session log (the game day is ending).
    public mutating func stopClock() { clock.setPaused(true) }

    /// Real time passed: the number of ticks now due (call `advance` that many times).
    public mutating func ticksDue(nanoseconds: UInt64) -> Int {
        guard isClockRunning else { return 0 }
        return min(clock.elapse(nanoseconds: nanoseconds), match.durationSeconds - tick)
    }

    /// One tick for every team: the timeline's injects due now, then the simulation.
    /// A replay follows its files before the tick and again after it, so what they
    /// gave at the new tick (the last one's commands too) shows at once.
    public mutating func advance() {
        guard !isFinished else { return }
        if !followFiles() {
            for entry in timeline.takeDue(at: tick) { give(entry) }
        }
        match.advance()
        followFiles()
        if isFinished { record(.ended) }
    }

    /// In a session replay, applies what the files gave up to now; false when not replaying.
    @discardableResult
    private mutating func followFiles() -> Bool {
        guard var replay = script else { return false }
        script = nil
        replay.apply(to: &self)
        script = replay
        return true
    }

    /// Does what the facilitator asked; returns what to tell them.
    @discardableResult
    public mutating func perform(_ command: FacilitatorCommand) throws(CommandError) -> String {
        switch command {
        case .resume, .pause, .speed: break
        default: if isReplay { throw CommandError("a session replay is read-only: space pauses, + and - change speed") }
        }
        switch command {
        case .resume:
            guard !isFinished else { throw CommandError("the game is over") }
            clock.setPaused(false)
            if !hasStarted {
                hasStarted = true
                record(.started)
                return "the game has started: the clock runs for every team"
            }
            record(.resumed)
            return "resumed for every team"
        case .pause:
            guard hasStarted else { throw CommandError("the game has not started: space starts it") }
            clock.setPaused(true)
            record(.paused)
            return "paused for every team"
        case let .speed(speed):
            guard GameClock.speeds.contains(speed) else {
                throw CommandError("speed must be one of \(GameClock.speeds.map(String.init).joined(separator: ", "))")
            }
            clock.setSpeed(speed)
            record(.speed(speed))
            return "speed \(speed)× for every team"
        case let .inject(fault, target, at):
            return try inject(fault, target: target, at: at)
        case let .fire(id):
            let entry = try timeline.fire(id, at: tick)
            give(entry)
            return "fired #\(id) \(entry.fault.readable) → \(entry.target.text)"
        case let .delay(id, seconds):
            let entry = try timeline.delay(id, by: seconds, now: tick)
            record(.delayed(entry: id, fault: entry.fault, to: entry.tick))
            return "#\(id) \(entry.fault.readable) now at \(GameTime.format(entry.tick))"
        case let .skip(id):
            let entry = try timeline.toggleSkip(id)
            let skipped = entry.state == .skipped
            record(skipped ? .skipped(entry: id, fault: entry.fault) : .restored(entry: id, fault: entry.fault))
            return skipped ? "skipped #\(id) \(entry.fault.readable)" : "put back #\(id) \(entry.fault.readable) at \(GameTime.format(entry.tick))"
        case let .broadcast(text):
            let text = try message(text)
            notices.append(Notice(tick: tick, text: text, team: nil))
            for team in peopleTeams { match.note("facilitator: \(text)", team: team) }
            record(.broadcast(text: text))
            return "broadcast to \(peopleTeams.count) team\(peopleTeams.count == 1 ? "" : "s")"
        case let .hint(name, text):
            let text = try message(text)
            guard let team = match.team(named: name), !match.teams[team].isBot else { throw unknownTeam(name) }
            notices.append(Notice(tick: tick, text: text, team: name))
            match.note("hint from the facilitator: \(text)", team: team)
            record(.hint(team: name, text: text))
            return "hint sent to \(name) only"
        }
    }

    /// Longest broadcast or hint.
    public static let maxMessageLength = 300

    func message(_ text: String) throws(CommandError) -> String {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !trimmed.isEmpty else { throw CommandError("the message is empty") }
        guard trimmed.count <= Self.maxMessageLength else { throw CommandError("a message is at most \(Self.maxMessageLength) characters") }
        return TeamName.printable(trimmed, limit: Self.maxMessageLength)
    }

    private func unknownTeam(_ name: String) -> CommandError {
        let names = peopleTeams.map { match.teams[$0].name }
        return CommandError("no team '\(name)'" + (names.isEmpty ? " (no team has joined yet)" : " (teams: \(names.joined(separator: ", ")))"))
    }

    /// The match indices of a target, or why it names no team.
    public func teams(_ target: InjectTarget) throws(CommandError) -> [Int] {
        switch target {
        case .all: return Array(match.teams.indices)
        case let .teams(names):
            guard !names.isEmpty else { throw CommandError("name a team, several (red,blue) or all") }
            var found: [Int] = []
            for name in names {
                guard let team = match.team(named: name) else { throw unknownTeam(name) }
                if !found.contains(team) { found.append(team) }
            }
            return found
        }
    }

    private mutating func inject(_ fault: Fault, target: InjectTarget, at: Int?) throws(CommandError) -> String {
        guard !isFinished else { throw CommandError("the game is over") }
        let targets = try teams(target)
        guard let first = targets.first ?? match.teams.indices.first else { throw CommandError("no team has joined yet") }
        try match.teams[first].world.check(fault)
        if let at, at > tick {
            guard at < match.durationSeconds else { throw CommandError("\(GameTime.format(at)) is after the game ends (\(GameTime.format(match.durationSeconds)))") }
            let id = timeline.add(fault, target: target, at: at, origin: .facilitator)
            record(.planned(entry: id, fault: fault, target: target, at: at))
            return "planned #\(id) \(fault.readable) → \(target.text) at \(GameTime.format(at))"
        }
        let id = timeline.add(fault, target: target, at: tick, origin: .facilitator)
        let entry = try timeline.fire(id, at: tick)
        give(entry)
        return "injected #\(id) \(fault.readable) → \(target == .all ? "every team" : target.text)"
    }

    /// Gives a timeline entry's fault to its teams, for this tick.
    private mutating func give(_ entry: TimelineEntry) {
        let targets = (try? teams(entry.target)) ?? []
        try? match.submit(entry.fault, to: targets)
        if entry.target == .all { givenToAll.append(Inject(tick: tick, fault: entry.fault)) }
        record(.inject(entry: entry.id, fault: entry.fault, teams: targets.map { match.teams[$0].name }, origin: entry.origin))
    }

    mutating func record(_ kind: SessionEvent.Kind) { log.append(SessionEvent(tick: tick, kind: kind)) }
}
