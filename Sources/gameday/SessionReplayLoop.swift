import Console
import Foundation
import Host
import ScreenKit
import Terminal

/// `gameday replay SESSIONFILE`: the facilitator's console over a session
/// replayed from its files (leaderboard, hidden truth, each team's console
/// over its shoulder), on a clock of its own: space pauses, + and - change speed.
struct SessionReplayLoop {
    let screen: TerminalScreen
    var app: FacilitatorApp
    var game: FacilitatedGame
    let lastTick: Int

    static let frameMilliseconds = 33
    static let idleMilliseconds = 500

    mutating func run() -> Int32 {
        var clock = LoopClock()
        func milliseconds() -> UInt64 { clock.milliseconds }
        var size = screen.size
        app.resize(width: size.width, height: size.height)
        while true {
            if let signal = screen.pendingSignal { return 128 + signal }
            screen.draw(app.render(game: game, glyphs: screen.glyphs, now: milliseconds()))
            let wait = game.isClockRunning ? Self.frameMilliseconds : Self.idleMilliseconds
            switch screen.nextEvent(timeoutMilliseconds: wait) {
            case let .key(key)?:
                for effect in app.handle(key, game: &game, now: milliseconds()) {
                    switch effect {
                    case .quit: return 0
                    case .switchTheme: app.notify("themes: use --theme when starting a replay", isError: true, now: milliseconds())
                    }
                }
            case .resize?:
                size = screen.size
                app.resize(width: size.width, height: size.height)
            case nil: break
            }
            let nanoseconds = clock.lap()
            let due = min(game.ticksDue(nanoseconds: nanoseconds), max(0, lastTick - game.tick))
            for _ in 0..<due { game.advance() }
            if game.tick >= lastTick && game.isClockRunning {
                _ = try? game.perform(.pause)
                app.notify("end of the session file at its last line", isError: false, now: milliseconds())
            }
        }
    }
}
