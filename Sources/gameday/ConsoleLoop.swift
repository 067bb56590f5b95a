import Console
import Foundation
import ScreenKit
import Session
import Terminal

/// The console's main loop: waits for input with a timeout (never spins),
/// advances the game by the real time that passed, and redraws. The clock is
/// read here, at the edge; the console itself stays pure.
struct ConsoleLoop {
    let screen: TerminalScreen
    var app: ConsoleApp
    /// Called after every tick with the player's session (recording).
    var onProgress: ((GameSession) -> Void)?
    /// Called once when the loop ends, however it ends.
    var onFinish: ((GameSession) -> Void)?
    /// Called when the player takes over a replay at a tick.
    var onTakeOver: ((Int, GameSession) -> Void)?

    /// Frames are drawn at most this often while the game runs.
    static let frameMilliseconds = 33
    /// While paused or waiting, wake this often to expire messages.
    static let idleMilliseconds = 500

    /// Runs until the player quits or a signal arrives; returns the exit status.
    mutating func run(exitAfterFirstFrame: Bool = false) -> Int32 {
        let status = loop(exitAfterFirstFrame: exitAfterFirstFrame)
        onFinish?(app.session)
        return status
    }

    /// Loads a theme and recolours the screen; a bad theme leaves the current one in place.
    private mutating func switchTheme(to name: String, now: UInt64) {
        do {
            let (theme, warnings) = try ThemeLoader.load(name, environment: ProcessInfo.processInfo.environment)
            screen.configure(theme: theme, depth: screen.depth)
            app.notify("theme \(theme.name)" + (warnings.isEmpty ? "" : " (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"): \(warnings[0]))"),
                       isError: false, now: now)
        } catch {
            app.notify("\(error)".split(separator: "\n").first.map(String.init) ?? "cannot load theme", isError: true, now: now)
        }
    }

    private mutating func loop(exitAfterFirstFrame: Bool) -> Int32 {
        let clock = ContinuousClock()
        let start = clock.now
        var last = start
        func milliseconds() -> UInt64 {
            let elapsed = clock.now - start
            return UInt64(elapsed.components.seconds) * 1_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        let size = screen.size
        app.resize(width: size.width, height: size.height)
        screen.draw(app.render(glyphs: screen.glyphs, now: 0))
        if exitAfterFirstFrame { return 0 }
        while true {
            if let signal = screen.pendingSignal { return 128 + signal }
            let wait: Int
            if app.isClockRunning {
                let untilTick = Int(app.state.clock.nanosecondsUntilNextTick / 1_000_000)
                wait = min(Self.idleMilliseconds, max(Self.frameMilliseconds, untilTick))
            } else {
                wait = Self.idleMilliseconds
            }
            var effects: [ConsoleEffect] = []
            switch screen.nextEvent(timeoutMilliseconds: wait) {
            case let .key(key)?:
                effects += app.handle(key, now: milliseconds())
            case .resize?:
                let size = screen.size
                app.resize(width: size.width, height: size.height)
            case nil:
                break
            }
            let now = clock.now
            let elapsed = now - last
            last = now
            let nanoseconds = UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000)
            let progress = onProgress
            effects += app.elapse(nanoseconds: nanoseconds, now: milliseconds()) { progress?($0) }
            for case let .tookOver(tick) in effects { onTakeOver?(tick, app.session) }
            for case let .switchTheme(name) in effects { switchTheme(to: name, now: milliseconds()) }
            if effects.contains(.quit) { return 0 }
            if effects.contains(.bell) { screen.bell() }
            screen.draw(app.render(glyphs: screen.glyphs, now: milliseconds()))
        }
    }
}
