import Console
import FleetSim
import Host
import ScreenKit
import Session

/// A team console the host runs for one connection (or kept for it while it
/// is away, so that it resumes where it was).
public struct ConsoleID: Sendable, Hashable, CustomStringConvertible {
    public let value: Int
    public var description: String { "console \(value)" }
}

/// What a room asks the network to do for a console.
public enum RoomEffect: Sendable, Hashable {
    case bell(ConsoleID)
    case theme(ConsoleID, String)
    /// Close the console's connection with a last message.
    case close(ConsoleID, String)
    /// A command changed the team's game: every console on the team redraws now
    /// (a teammate sees it at once, even while the clock stands).
    case teamChanged(Int)
}

/// A facilitated game and everyone looking at it: each team console's state
/// (one per connection: several people may share a team), and the
/// facilitator's console. Pure: the network passes in keys, sizes and time,
/// and renders the frames this returns. Tests drive it tick by tick.
public struct Room: Sendable {
    struct TeamConsole: Sendable {
        var team: Int
        var state: ConsoleState
        var width: Int
        var height: Int
        var glyphs: Glyphs
        /// What the client presents to resume this console after a drop.
        let resume: String
        /// The last key applied.
        var lastSeq = 0
        var isConnected = true
        /// Real time (ms) the connection dropped, while it is away.
        var awaySince: UInt64?
    }

    public private(set) var game: FacilitatedGame
    public var facilitator: FacilitatorApp
    private var consoles: [ConsoleID: TeamConsole] = [:]
    private var nextID = 1
    /// Teams that have had a console: a team's later consoles skip the briefing.
    private var briefed: Set<Int> = []

    /// How long a dropped console is kept for its client to come back (real ms).
    public static let resumeMilliseconds: UInt64 = 15 * 60 * 1_000

    public init(game: FacilitatedGame, facilitator: FacilitatorApp = FacilitatorApp()) {
        self.game = game
        self.facilitator = facilitator
    }

    /// A hello with the right token: joins the team (or resumes the console the
    /// client had). Returns the console and the last key it applied.
    public mutating func open(_ hello: ClientMessage.Hello, newResume: String, now: UInt64) throws(JoinError) -> (ConsoleID, lastSeq: Int, resume: String) {
        guard WireProtocol.widths.contains(hello.width), WireProtocol.heights.contains(hello.height) else {
            throw JoinError(message: "a console must be \(WireProtocol.widths.lowerBound)…\(WireProtocol.widths.upperBound) wide and "
                            + "\(WireProtocol.heights.lowerBound)…\(WireProtocol.heights.upperBound) high, got \(hello.width)×\(hello.height)")
        }
        let team = try game.join(team: hello.team)
        // A console still connected is another person's (SSH sessions of a team share a
        // resume), unless its own client says its link dropped and the host has not noticed.
        if let wanted = hello.resume,
           let (id, console) = consoles.first(where: { $0.value.resume == wanted && $0.value.team == team && (!$0.value.isConnected || hello.reconnecting) }) {
            var resumed = console
            resumed.isConnected = true
            resumed.awaySince = nil
            resumed.width = hello.width
            resumed.height = hello.height
            resumed.glyphs = hello.ascii ? .ascii : .unicode
            consoles[id] = resumed
            // Taken over from a dead link: the same person, counted once.
            if !console.isConnected { game.connected(team: team) }
            return (id, resumed.lastSeq, resumed.resume)
        }
        let id = ConsoleID(value: nextID)
        nextID += 1
        var state = ConsoleApp.initialState(match: game.match, team: team, role: .team)
        // The briefing is for a team's first console; after that (a new terminal, a second
        // person) the game as it stands, or its end.
        if game.isFinished {
            state.screen = .ended
        } else if briefed.contains(team) {
            state.screen = .playing
        }
        briefed.insert(team)
        state.themeNames = hello.themes
        state.noticesSeen = game.notices.count
        consoles[id] = TeamConsole(team: team, state: state, width: hello.width, height: hello.height,
                                   glyphs: hello.ascii ? .ascii : .unicode, resume: newResume)
        game.connected(team: team)
        return (id, 0, newResume)
    }

    /// The game day is ending: the clock stops for good (no tick between the last records
    /// and the final standings).
    public mutating func stopClock() { game.stopClock() }

    /// The connection dropped: the console is kept for a while to be resumed.
    public mutating func drop(_ id: ConsoleID, now: UInt64) {
        guard var console = consoles[id], console.isConnected else { return }
        console.isConnected = false
        console.awaySince = now
        consoles[id] = console
        game.disconnected(team: console.team)
    }

    /// The console is gone for good (its player quit).
    public mutating func remove(_ id: ConsoleID) {
        guard let console = consoles.removeValue(forKey: id) else { return }
        if console.isConnected { game.disconnected(team: console.team) }
    }

    /// Forgets consoles away longer than `resumeMilliseconds`.
    public mutating func forgetAway(now: UInt64) {
        for (id, console) in consoles where !console.isConnected && now - (console.awaySince ?? now) > Self.resumeMilliseconds {
            consoles[id] = nil
        }
    }

    public func team(of id: ConsoleID) -> Int? { consoles[id]?.team }
    public func lastSeq(of id: ConsoleID) -> Int { consoles[id]?.lastSeq ?? 0 }
    public var connectedConsoles: [ConsoleID] { consoles.filter(\.value.isConnected).map(\.key).sorted { $0.value < $1.value } }

    /// A console as it stands: its team's match with its own state, the
    /// facilitator's clock on its header.
    func app(_ console: TeamConsole) -> ConsoleApp {
        var app = ConsoleApp(match: game.match, team: console.team, state: console.state, width: console.width, height: console.height)
        app.state.clock = game.clock
        app.state.pausedText = game.hasStarted ? "PAUSED" : "WAITING FOR THE FACILITATOR"
        return app
    }

    /// Runs `body` on a console's app and keeps its state. The app is gone
    /// before the game changes, so the match is never copied.
    private mutating func withApp(_ id: ConsoleID, _ body: (inout ConsoleApp) -> [ConsoleEffect]) -> [ConsoleEffect] {
        guard var console = consoles[id] else { return [] }
        let (state, effects) = { () -> (ConsoleState, [ConsoleEffect]) in
            var app = app(console)
            let effects = body(&app)
            return (app.state, effects)
        }()
        console.state = state
        consoles[id] = console
        return effects
    }

    /// A key from a console, numbered by its client. A number already applied
    /// (a key resent after a reconnection) is ignored. A command it gives takes effect at once.
    public mutating func key(_ key: Key, seq: Int, console id: ConsoleID, now: UInt64) -> [RoomEffect] {
        guard let console = consoles[id], seq > console.lastSeq else { return [] }
        consoles[id]?.lastSeq = seq
        let effects = withApp(id) { $0.handle(key, now: now) }
        return apply(effects, console: id, team: console.team, now: now)
    }

    public mutating func resize(_ id: ConsoleID, width: Int, height: Int) throws(WireError) {
        guard WireProtocol.widths.contains(width), WireProtocol.heights.contains(height) else {
            throw WireError("a console must be \(WireProtocol.widths.lowerBound)…\(WireProtocol.widths.upperBound) wide and "
                            + "\(WireProtocol.heights.lowerBound)…\(WireProtocol.heights.upperBound) high")
        }
        guard var console = consoles[id] else { return }
        console.width = width
        console.height = height
        consoles[id] = console
        _ = withApp(id) { app in
            app.resize(width: width, height: height)
            return []
        }
    }

    private mutating func apply(_ effects: [ConsoleEffect], console id: ConsoleID, team: Int, now: UInt64) -> [RoomEffect] {
        var out: [RoomEffect] = []
        for effect in effects {
            switch effect {
            case let .give(command):
                do throws(CommandError) {
                    try game.give(command, team: team)
                    out.append(.teamChanged(team))
                } catch {
                    _ = withApp(id) { app in
                        app.notify(error.message, isError: true, now: now)
                        return []
                    }
                }
            case .bell: out.append(.bell(id))
            case let .switchTheme(name): out.append(.theme(id, name))
            case .quit:
                out.append(.close(id, game.isFinished ? "you left: the game is over (the facilitator has every team's results)"
                                                      : "you left the game; it goes on without you: join again to come back"))
            case .tookOver: break
            }
        }
        return out
    }

    /// Real time passed: advances the game by the ticks due, then lets every
    /// console catch up (flashes, bells, the end screen, the facilitator's
    /// messages). `onTick` sees the game after each tick (recordings).
    public mutating func elapse(nanoseconds: UInt64, now: UInt64, onTick: (FacilitatedGame) -> Void = { _ in }) -> (ticks: Int, effects: [RoomEffect]) {
        let ticks = game.ticksDue(nanoseconds: nanoseconds)
        for _ in 0..<ticks {
            game.advance()
            onTick(game)
        }
        return (ticks, ticks > 0 ? catchUp(now: now) : [])
    }

    /// Advances exactly `ticks` ticks whatever the clock says (tests, and the benchmark's driver).
    public mutating func advance(ticks: Int, now: UInt64, onTick: (FacilitatedGame) -> Void = { _ in }) -> [RoomEffect] {
        for _ in 0..<ticks where !game.isFinished {
            game.advance()
            onTick(game)
        }
        return catchUp(now: now)
    }

    /// Every connected console notices what changed: new incidents, the game's end, new broadcasts and hints.
    public mutating func catchUp(now: UInt64) -> [RoomEffect] {
        var out: [RoomEffect] = []
        let notices = game.notices
        for id in connectedConsoles {
            guard let console = consoles[id] else { continue }
            let name = game.match.teams[console.team].name
            let effects = withApp(id) { app in
                var effects = app.observe(now: now)
                while app.state.noticesSeen < notices.count {
                    let notice = notices[app.state.noticesSeen]
                    if notice.team == nil || notice.team == name {
                        app.show(notice: notice.text, heading: notice.team == nil ? "Facilitator to every team" : "Hint for \(name) only",
                                 tick: notice.tick, now: now)
                        if !app.state.muted { effects.append(.bell) }
                    } else {
                        app.state.noticesSeen += 1
                    }
                }
                return effects
            }
            out += apply(effects, console: id, team: console.team, now: now)
        }
        return out
    }

    /// The keys that type pasted text on a console: into the command line or
    /// the filter when one is open, else into a command line opened for it (on
    /// the panes, with nothing over them); none elsewhere. Line breaks and other
    /// controls become spaces, so a paste never runs a command by itself.
    public func keys(pasting text: String, console id: ConsoleID) -> [Key] {
        guard let state = consoles[id]?.state else { return [] }
        let characters = text.map { character -> Key in
            character.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }) ? .char(character) : .char(" ")
        }
        switch state.mode {
        case .command, .filter: return characters
        case .normal:
            guard state.screen == .playing, state.overlay == .none, state.notice == nil, !characters.isEmpty else { return [] }
            return [.char(":")] + characters
        }
    }

    /// A line on a console's status bar (news from the network: a theme that could not be loaded).
    public mutating func notify(_ id: ConsoleID, _ text: String, isError: Bool, now: UInt64) {
        _ = withApp(id) { app in
            app.notify(text, isError: isError, now: now)
            return []
        }
    }

    /// The console's frame now.
    public func frame(_ id: ConsoleID, now: UInt64) -> CellBuffer? {
        guard let console = consoles[id] else { return nil }
        return app(console).render(glyphs: console.glyphs, now: now)
    }

    /// When a console's frame next changes by itself (a message expiring).
    public func nextTimedChange(_ id: ConsoleID, after now: UInt64) -> UInt64? {
        consoles[id].flatMap { app($0).nextTimedChange(after: now) }
    }

    /// A key on the facilitator's console; afterwards every team console catches up (pauses, messages).
    public mutating func facilitatorKey(_ key: Key, now: UInt64) -> (console: [FacilitatorEffect], room: [RoomEffect]) {
        let effects = facilitator.handle(key, game: &game, now: now)
        return (effects, catchUp(now: now))
    }

    public func facilitatorFrame(glyphs: Glyphs, now: UInt64) -> CellBuffer { facilitator.render(game: game, glyphs: glyphs, now: now) }
}
