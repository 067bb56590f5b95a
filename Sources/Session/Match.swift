import FleetSim
import Scenarios

/// One team of a match: people at a console, or a bot. Each team plays its
/// own copy of the game; a team of people also keeps the feed of events and
/// logs its console shows.
public struct MatchTeam: Sendable {
    public let name: String
    public internal(set) var session: GameSession
    /// The bot that plays, nil for a team of people.
    public let botKind: BotKind?
    var bot: (any Bot)?
    /// Events and logs as the team's console shows them (kept for teams of people only).
    public private(set) var feed = EventFeed()

    init(name: String, session: GameSession, bot: BotKind?) {
        self.name = name
        self.session = session
        botKind = bot
        self.bot = bot?.make()
    }

    public var isBot: Bool { botKind != nil }
    public var world: World { session.world }

    mutating func advance() {
        if var player = bot {
            session.advance(with: &player)
            bot = player
        } else {
            session.advance()
            feed.absorb(session.world)
        }
    }

    mutating func submit(_ command: Command) throws(CommandError) {
        try session.submit(command)
        if !isBot { feed.absorbEvents(session.world) }
    }

    /// What a recording gave the team at this tick; its commands go straight to the feed.
    mutating func follow(_ script: inout ReplayScript) -> [Fault] {
        let injects = script.feed(&session)
        if !isBot { feed.absorbEvents(session.world) }
        return injects
    }

    mutating func submit(_ fault: Fault) throws(CommandError) { try session.submit(fault) }
    mutating func note(_ text: String, severity: Severity) { feed.note(tick: session.world.tick, text: text, severity: severity) }
}

/// One team's place on the scoreboard.
public struct Standing: Sendable, Hashable {
    public var name: String
    public var score: Double
    /// The team the view is about ("your team"), if any.
    public var isPlayer: Bool
    public var isBot: Bool
    /// The team's index in its match, when it comes from one.
    public var team: Int?
    /// Its place: 1 + the teams with more points; tied teams share a place.
    public var rank = 1

    public init(name: String, score: Double, isPlayer: Bool, isBot: Bool = false, team: Int? = nil) {
        self.name = name
        self.score = score
        self.isPlayer = isPlayer
        self.isBot = isBot
        self.team = team
    }

    /// Points as teams are ranked by them: whole points, as every screen shows them, so
    /// two teams that read the same score share a place everywhere.
    public static func rankingPoints(_ score: Double) -> Double { score.rounded() }

    /// The standings best first, each with its place; among tied teams the viewed one
    /// (`isPlayer`) first, then by name.
    public static func ranked(_ all: [Standing]) -> [Standing] {
        let sorted = all.sorted { a, b in
            let (x, y) = (rankingPoints(a.score), rankingPoints(b.score))
            if x != y { return x > y }
            if a.isPlayer != b.isPlayer { return a.isPlayer }
            return a.name < b.name
        }
        var ranked = sorted
        for n in ranked.indices.dropFirst() {
            let tied = rankingPoints(ranked[n].score) == rankingPoints(ranked[n - 1].score)
            ranked[n].rank = tied ? ranked[n - 1].rank : n + 1
        }
        return ranked
    }
}

/// Several teams on one scenario, seed and clock, advancing in lock-step:
/// solo play is one team of people and four rival bots; a facilitated game
/// is several teams of people, and bots if the facilitator wants them. A
/// console shows one team of the match; the standings rank them all.
public struct Match: Sendable {
    public private(set) var teams: [MatchTeam]
    public let scenario: Scenario
    public let seed: UInt64
    public let durationSeconds: Int
    /// True when each team's session runs the scenario's timeline itself (solo
    /// play); false when a host fires it (a facilitated game, where the
    /// facilitator can fire, delay or skip its injects).
    public let followsTimeline: Bool
    /// When replaying: the recording's commands, fed to the first team at their ticks.
    public private(set) var script: ReplayScript?
    /// Team indices, best score first (ties by name): kept up to date as scores change,
    /// so that ranking a team on every frame costs no sort.
    public private(set) var order: [Int] = []

    public static let defaultRivals: [BotKind] = [.expert, .autoscaler, .overprovision, .idle]

    /// A solo game: the player's team and rival bot teams.
    public init(scenario: Scenario, seed: UInt64? = nil, durationSeconds: Int? = nil,
                teamName: String = "you", rivals: [BotKind] = Match.defaultRivals) throws(FleetSpecError) {
        try self.init(scenario: scenario, seed: seed, durationSeconds: durationSeconds, people: [teamName], bots: rivals)
    }

    /// A game of several teams of people and bot teams.
    public init(scenario: Scenario, seed: UInt64? = nil, durationSeconds: Int? = nil, people: [String], bots: [BotKind],
                followsTimeline: Bool = true) throws(FleetSpecError) {
        self.scenario = scenario
        self.seed = seed ?? scenario.defaultSeed
        self.durationSeconds = durationSeconds ?? scenario.durationSeconds
        self.followsTimeline = followsTimeline
        teams = []
        for name in people { teams.append(MatchTeam(name: name, session: try newSession(), bot: nil)) }
        for kind in bots { teams.append(MatchTeam(name: kind.rawValue, session: try newSession(), bot: kind)) }
        reorder()
    }

    private func score(_ team: Int) -> Double { teams[team].session.world.score.total }

    private mutating func reorder() {
        order = teams.indices.sorted { a, b in
            let (x, y) = (Standing.rankingPoints(score(a)), Standing.rankingPoints(score(b)))
            return x != y ? x > y : teams[a].name < teams[b].name
        }
    }

    private func newSession() throws(FleetSpecError) -> GameSession {
        try GameSession(scenario: scenario, seed: seed, durationSeconds: durationSeconds, followsTimeline: followsTimeline)
    }

    /// A match that replays `recording`: the same scenario, seed and rivals,
    /// with the recorded commands and injects fed in at their ticks.
    public init(replaying recording: Recording, rivals: [BotKind] = Match.defaultRivals) throws(FleetSpecError) {
        try self.init(scenario: recording.scenario, seed: recording.header.seed, durationSeconds: recording.header.durationSeconds,
                      people: [recording.header.team], bots: rivals, followsTimeline: !recording.header.hostTimeline)
        script = ReplayScript(recording)
    }

    /// Adds a team of people that joins a game under way: its session is
    /// played from the start to now with the injects every team received
    /// (`injects`, in tick order) and no commands, so it is exactly the game a
    /// team present from the start and idle until now would have. Returns its index.
    public mutating func addTeam(named name: String, injects: [Inject]) throws(FleetSpecError) -> Int {
        var team = MatchTeam(name: name, session: try newSession(), bot: nil)
        let now = teams.first?.world.tick ?? 0
        var next = injects[...]
        while team.world.tick < now {
            while let inject = next.first, inject.tick <= team.world.tick {
                next = next.dropFirst()
                try? team.submit(inject.fault)
            }
            team.advance()
        }
        // Injects already given for this tick, applied with the others' at the next advance.
        for inject in next where inject.tick <= now { try? team.submit(inject.fault) }
        teams.append(team)
        reorder()
        return teams.count - 1
    }

    /// The first team: the player in solo play and in replays.
    public var player: GameSession { teams[0].session }
    public var world: World { teams[0].world }
    public var feed: EventFeed { teams[0].feed }
    public var teamName: String { teams[0].name }
    public var tick: Int { teams.first?.world.tick ?? 0 }
    public var isFinished: Bool { tick >= durationSeconds }

    /// Gives a command to a team (the player's, by default), at once.
    public mutating func submit(_ command: Command, team: Int = 0) throws(CommandError) { try teams[team].submit(command) }

    /// A practice inject hits every team of the match, rivals too, so the
    /// standings stay a comparison on equal terms.
    public mutating func submit(_ fault: Fault) throws(CommandError) {
        try submit(fault, to: Array(teams.indices))
    }

    /// An inject for some teams only (a facilitator's targeted inject).
    /// Throws when the fault does not fit the fleet (the same for every team).
    public mutating func submit(_ fault: Fault, to targets: [Int]) throws(CommandError) {
        guard let first = targets.first else { return }
        try teams[first].session.world.check(fault)
        for team in targets { try? teams[team].submit(fault) }
    }

    /// Adds a line to a team's event feed (a facilitator's broadcast or hint).
    public mutating func note(_ text: String, severity: Severity = .warning, team: Int) { teams[team].note(text, severity: severity) }

    /// Feeds a team what a recording gave it at this tick (a session replay); returns the injects it gave.
    @discardableResult
    public mutating func feed(_ script: inout ReplayScript, team: Int) -> [Fault] { teams[team].follow(&script) }

    /// Stops following the recording: from now on the player is in control.
    public mutating func takeOver() { script = nil }

    public var isReplaying: Bool { script != nil }

    /// Advances every team one tick and files the events and logs of teams of people.
    /// A replay follows its recording before the tick and again after it, so what
    /// was given at the new tick (the last one's commands too) shows at once.
    public mutating func advance() {
        guard !isFinished else { return }
        followRecording()
        for t in teams.indices { teams[t].advance() }
        followRecording()
        reorder()
    }

    private mutating func followRecording() {
        guard script != nil else { return }
        for fault in teams[0].follow(&script!) {
            for r in teams.indices.dropFirst() { try? teams[r].submit(fault) }
        }
    }

    /// Every team, best score first; ties put the viewed team first, then go by name.
    public func standings(viewing viewed: Int? = 0) -> [Standing] {
        // `order` is already by whole points, then name: places in one pass (every console's
        // frame asks), then the viewed team first among those it ties with.
        var all = order.map { index in
            Standing(name: teams[index].name, score: score(index), isPlayer: index == viewed, isBot: teams[index].isBot, team: index)
        }
        for n in all.indices.dropFirst() {
            let tied = Standing.rankingPoints(all[n].score) == Standing.rankingPoints(all[n - 1].score)
            all[n].rank = tied ? all[n - 1].rank : n + 1
        }
        if let viewed, let at = all.firstIndex(where: { $0.team == viewed }) {
            let first = all.firstIndex { $0.rank == all[at].rank } ?? at
            all.insert(all.remove(at: at), at: first)
        }
        return all
    }

    /// A team's place, 1 = first; tied teams (the same whole points) share it.
    public func rank(of team: Int) -> Int {
        let mine = Standing.rankingPoints(score(team))
        return 1 + teams.indices.reduce(0) { $0 + (Standing.rankingPoints(score($1)) > mine ? 1 : 0) }
    }

    /// The index of the team with this name.
    public func team(named name: String) -> Int? { teams.firstIndex { $0.name == name } }
}
