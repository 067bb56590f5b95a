import Console
import FleetSim
import Foundation
import ScreenKit
import Session
import Terminal

/// The console's main loop: waits for input with a timeout (never spins),
/// handles the keys that arrived in a bounded batch, advances the game by the
/// real time that passed, and redraws. The clock is read here, at the edge; the
/// console itself stays pure.
struct ConsoleLoop {
    let screen: TerminalScreen
    var app: ConsoleApp
    /// The player's game being recorded; in a replay, the branch from take-over on.
    var recording: GameRecording?
    /// Starts the branch recording when the player takes over a replay at a tick.
    var startBranch: ((_ tick: Int, _ session: GameSession) throws(GamedayError) -> GameRecording)?

    /// Frames are drawn at most this often while the game runs.
    static let frameMilliseconds = 33
    /// While paused or waiting, wake this often to expire messages.
    static let idleMilliseconds = 500
    /// Keys handled between two frames at most: a paste of any length is taken
    /// in slices, and the game clock and the screen keep going in between.
    static let keysPerFrame = 512
    /// How long the news that the recording stopped stays on the status line.
    static let recordingNoticeMilliseconds: UInt64 = 30_000

    /// Runs until the player quits or a signal arrives; returns the exit status.
    /// The recording gets its end line however the loop ends, and is removed when
    /// the game never left the briefing (nothing was played, nothing is lost).
    mutating func run(exitAfterFirstFrame: Bool = false) -> Int32 {
        let status = loop(exitAfterFirstFrame: exitAfterFirstFrame)
        if app.state.screen == .briefing && app.session.world.tick == 0 {
            recording?.discard()
            recording = nil
        } else {
            recording?.finish(app.session)
        }
        return status
    }

    private mutating func loop(exitAfterFirstFrame: Bool) -> Int32 {
        var clock = LoopClock()
        func milliseconds() -> UInt64 { clock.milliseconds }
        let size = screen.size
        app.resize(width: size.width, height: size.height)
        screen.draw(app.render(glyphs: screen.glyphs, now: 0))
        if exitAfterFirstFrame { return 0 }
        while true {
            if let signal = screen.pendingSignal { return 128 + signal }
            var effects: [ConsoleEffect] = []
            // Wait for the first event, then take whatever else is already there, up to a batch.
            var event = screen.nextEvent(timeoutMilliseconds: waitMilliseconds())
            var handled = 0
            while let current = event {
                let now = milliseconds()
                switch current {
                case let .key(key):
                    let produced = app.handle(key, now: now)
                    perform(produced, now: now)
                    effects += produced
                case .resize:
                    let size = screen.size
                    app.resize(width: size.width, height: size.height)
                }
                handled += 1
                guard handled < Self.keysPerFrame, !effects.contains(.quit), screen.pendingSignal == nil else { break }
                event = screen.nextEvent(timeoutMilliseconds: 0)
            }
            let nanoseconds = clock.lap()
            let recording = self.recording
            var stopped: RecordingStop?
            let produced = app.elapse(nanoseconds: nanoseconds, now: milliseconds()) { session in
                if let stop = recording?.record(session) { stopped = stop }
            }
            perform(produced, now: milliseconds())
            effects += produced
            if let stopped { app.recordingStopped(stopped.message, now: milliseconds(), milliseconds: Self.recordingNoticeMilliseconds) }
            if effects.contains(.quit) { return 0 }
            if effects.contains(.bell) { screen.bell() }
            screen.draw(app.render(glyphs: screen.glyphs, now: milliseconds()))
        }
    }

    /// How long to wait for input: until the next tick is due while the game runs.
    private func waitMilliseconds() -> Int {
        guard app.isClockRunning else { return Self.idleMilliseconds }
        let untilTick = Int(app.state.clock.nanosecondsUntilNextTick / 1_000_000)
        return min(Self.idleMilliseconds, max(Self.frameMilliseconds, untilTick))
    }

    /// The effects the host carries out at once: a take-over starts the branch
    /// recording, a theme switch loads the theme.
    private mutating func perform(_ effects: [ConsoleEffect], now: UInt64) {
        for effect in effects {
            switch effect {
            case let .tookOver(tick): startBranchRecording(at: tick, now: now)
            case let .switchTheme(name): switchTheme(to: name, now: now)
            case .quit, .bell, .give: break  // .give is for a facilitated game's host, not a solo console
            }
        }
    }

    private mutating func startBranchRecording(at tick: Int, now: UInt64) {
        guard let startBranch else { return }
        do {
            recording = try startBranch(tick, app.session)
        } catch {
            app.recordingStopped("live play from \(GameTime.format(tick)) is not recorded: \(error.message)", now: now,
                                 milliseconds: Self.recordingNoticeMilliseconds)
        }
    }

    /// Loads a theme and recolours the screen; a bad theme leaves the current one in place.
    private mutating func switchTheme(to name: String, now: UInt64) {
        do {
            let (theme, warnings) = try ThemeLoader.load(name, environment: ProcessInfo.processInfo.environment)
            screen.configure(theme: theme, depth: screen.depth)
            app.notify("theme \(theme.name)" + (warnings.isEmpty ? "" : " (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"): \(warnings[0]))"),
                       isError: false, now: now)
        } catch {
            app.notify((error as? GamedayError)?.message ?? "cannot load the theme", isError: true, now: now)
        }
    }
}
