import Console
import FleetSim
import Foundation
import Scenarios
import Session
import ScreenKit
import Terminal

/// Console measurements for `gameday bench`: frame composition, bytes sent
/// to the terminal per frame, start-up time to the first frame, and CPU use
/// while paused, the last two on a real pseudo-terminal.
public struct ConsoleBenchmarks {
    let stopwatch: Stopwatch

    public init(repeats: Int) { stopwatch = Stopwatch(repeats: repeats) }

    public func run() throws {
        print("console:")
        var app = ConsoleApp(match: try Match(scenario: BuiltInScenarios.firstDay, seed: 1), width: 200, height: 60)
        _ = app.handle(.enter, now: 0)
        _ = app.advance(ticks: 15 * 60, now: 0)
        let frames = 200
        var sink: UInt32 = 0
        let compose = best {
            for n in 0..<frames {
                // Read a cell of each frame so the work cannot be optimised away.
                sink &+= app.render(glyphs: .unicode, now: UInt64(n)).cells[n].scalar.value
            }
        } / Double(frames)
        if sink == 0 { print("  (no cells)") }
        print("  compose a 200×60 frame: \(format(compose * 1e3)) ms   (target ≤ 1 ms)")

        let screen = try measureOnHeadlessTerminal(app: app)
        print("  bytes per frame, steady play at 200×60: \(screen.perTick) B with a tick a frame, "
            + "\(screen.perTenTicks) B at 10 ticks a frame; first paint \(screen.firstPaint) B   (target ≤ 2 KB)")

        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var startups: [Double] = []
        for _ in 0..<max(3, stopwatch.repeats) {
            let clock = ContinuousClock()
            let start = clock.now
            guard let child = PtyProcess(path: executable, arguments: ["play", "--exit-after-first-frame"]),
                  child.waitExit(timeoutMilliseconds: 10_000) != nil else { throw BenchmarkError("could not start the console on a pseudo-terminal") }
            startups.append(seconds(clock.now - start))
        }
        startups.sort()
        print("  launch to first frame: \(format(startups[startups.count / 2] * 1e3)) ms median, \(format(startups[0] * 1e3)) ms best   (target ≤ 150 ms)")

        guard let game = PtyProcess(path: executable, arguments: ["play", "--no-record"]) else { throw BenchmarkError("could not start the console") }
        game.drain(milliseconds: 500)
        game.send("\r")
        game.drain(milliseconds: 500)
        let playingStart = game.cpuSeconds
        game.drain(milliseconds: 5_000)
        let playing = (game.cpuSeconds - playingStart) / 5
        game.send(" ")
        game.drain(milliseconds: 500)
        let pausedStart = game.cpuSeconds
        game.drain(milliseconds: 10_000)
        let paused = (game.cpuSeconds - pausedStart) / 10
        game.terminate()
        _ = game.waitExit(timeoutMilliseconds: 2_000)
        print("  CPU while paused: \(format(paused * 100))% over 10 s (playing at 1×: \(format(playing * 100))%)   (target < 1%)")
        try measurePaste(executable: executable)
    }

    /// A paste of 100,000 characters into the command line, on a pseudo-terminal:
    /// wall time until the console has read it all, and the CPU it took.
    private func measurePaste(executable: String) throws {
        guard let game = PtyProcess(path: executable, arguments: ["play", "--no-record"]) else { throw BenchmarkError("could not start the console") }
        game.drain(milliseconds: 500)
        game.send("\r")
        game.drain(milliseconds: 300)
        game.send(" :")
        game.drain(milliseconds: 300)
        let characters = 100_000
        let clock = ContinuousClock()
        let cpuStart = game.cpuSeconds
        let start = clock.now
        game.paste(String(repeating: "a", count: characters))
        // The last bytes sent are still in the terminal's buffer: wait until the CPU settles.
        var last = game.cpuSeconds
        var settled = clock.now
        while true {
            game.drain(milliseconds: 50)
            let now = game.cpuSeconds
            if now - last < 0.002 { break }
            last = now
            settled = clock.now
        }
        let wall = seconds(settled - start)
        let cpu = last - cpuStart
        game.terminate()
        _ = game.waitExit(timeoutMilliseconds: 2_000)
        print("  paste \(characters) characters into the command line: \(format(wall * 1e3)) ms, \(format(cpu * 1e3)) ms CPU   (target: linear, ≤ 1 s)")
    }

    private struct WireCost { var firstPaint: UInt64; var perTick: UInt64; var perTenTicks: UInt64 }

    private func measureOnHeadlessTerminal(app start: ConsoleApp) throws -> WireCost {
        let screen: TerminalScreen
        do { screen = try TerminalScreen.startHeadless(term: "xterm-256color", width: 200, height: 60, theme: .dark) } catch {
            throw BenchmarkError("headless terminal: \(error.message)")
        }
        defer { screen.stop() }
        var app = start
        func settle() -> UInt64 {
            // The drain thread reads the pseudo-terminal; give it a moment to catch up.
            var last = screen.bytesWritten
            for _ in 0..<50 {
                usleep(2_000)
                let now = screen.bytesWritten
                if now == last { break }
                last = now
            }
            return last
        }
        screen.draw(app.render(glyphs: screen.glyphs, now: 0))
        let firstPaint = settle()
        func average(ticksPerFrame: Int) -> UInt64 {
            let frames = 120
            let before = settle()
            for _ in 0..<frames {
                _ = app.advance(ticks: ticksPerFrame, now: 0)
                screen.draw(app.render(glyphs: screen.glyphs, now: 0))
            }
            return (settle() - before) / UInt64(frames)
        }
        return WireCost(firstPaint: firstPaint, perTick: average(ticksPerFrame: 1), perTenTicks: average(ticksPerFrame: 10))
    }

    private func best(_ body: () -> Void) -> Double { stopwatch.best(body) }
    private func seconds(_ d: Duration) -> Double { Stopwatch.seconds(d) }
    private func format(_ x: Double) -> String { Stopwatch.format(x) }
}
