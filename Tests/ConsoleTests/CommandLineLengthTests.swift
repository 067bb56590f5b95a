import Foundation
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// A command line longer than the screen scrolls: the cursor, the end of what
/// was typed and its inline error stay in view; a paste past the cap is refused
/// and says so.
@Suite struct CommandLineLengthTests {
    static func status(_ app: ConsoleApp, now: UInt64 = 1) -> String { app.render(glyphs: .unicode, now: now).row(app.height - 1) }

    @Test func aLongLineScrollsToShowItsTailAndTheCursor() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("scale web " + String(repeating: "9", count: 200) + " tail", into: &app)
        let status = Self.status(app)
        #expect(status.hasPrefix(":…"), "the start gives way: \(status)")
        #expect(status.contains("9 tail"), "the end of what was typed shows: \(status)")
        let frame = app.render(glyphs: .unicode, now: 1)
        let cursor = (0..<frame.width).first { frame[$0, app.height - 1].attributes.contains(.reverse) }
        #expect(cursor.map { $0 < frame.width } == true, "the cursor is on screen")
    }

    @Test func anInlineErrorShowsBesideALongLine() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("scale webb " + String(repeating: "7", count: 300), into: &app)
        _ = app.handle(.enter, now: 0)
        #expect(app.state.message?.isError == true)
        let status = Self.status(app)
        #expect(status.contains("777"), "the tail: \(status)")
        #expect(status.contains("✖ "), "the error's mark: \(status)")
        #expect(status.contains("unknown service") || status.contains("COUNT"), "the error: \(status)")
    }

    @Test func aPastePastTheCapIsRefusedAndSaysSo() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        for _ in 0..<(LineEditor.defaultMaxLength + 500) { _ = app.handle(.char("a"), now: 0) }
        #expect(app.state.commandLine.count == LineEditor.defaultMaxLength)
        #expect(app.state.message?.text == "the command line holds at most 4096 characters")
        #expect(Self.status(app).contains("holds at most 4096 characters"))
        _ = app.handle(.ctrl("u"), now: 0)
        #expect(app.state.commandLine.count == 0)
    }

    @Test func theFilterIsShort() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char("/"), now: 0)
        _ = ConsoleFixture.type(String(repeating: "w", count: 500), into: &app)
        #expect(app.state.filter.count == 64)
    }
}

/// The game does not run where the player cannot see it.
@Suite struct TooSmallTerminalTests {
    @Test func theClockWaitsWhileTheTerminalIsTooSmall() {
        var app = ConsoleFixture.app()
        _ = app.elapse(nanoseconds: 5_000_000_000, now: 0)
        #expect(app.match.world.tick == 5)
        app.resize(width: 60, height: 20)
        #expect(!app.isClockRunning)
        _ = app.elapse(nanoseconds: 30_000_000_000, now: 0)
        #expect(app.match.world.tick == 5, "nothing happens behind the notice")
        let notice = app.render(glyphs: .unicode, now: 0).text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(notice.contains("the game is paused until the terminal is larger"), "\(notice)")
        app.resize(width: 80, height: 24)
        #expect(app.isClockRunning)
        _ = app.elapse(nanoseconds: 2_000_000_000, now: 0)
        #expect(app.match.world.tick == 7, "and goes on where it was")
        #expect(!app.state.clock.isPaused, "the player's own pause is not touched")
    }
}

/// When the host can no longer record, the player is told, and told again at the end.
@Suite struct RecordingNoticeTests {
    @Test func theEndScreenSaysTheRecordingStopped() throws {
        var app = ConsoleApp(match: try Match(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: 120, teamName: "you"),
                             width: 120, height: 40)
        _ = app.handle(.enter, now: 0)
        let notice = "recording stopped: DISK FULL at 00:01:23 — the game continues unrecorded; the file so far is valid"
        app.recordingStopped(notice, now: 0, milliseconds: 30_000)
        #expect(app.render(glyphs: .unicode, now: 29_000).row(39).contains("recording stopped: DISK FULL at 00:01:23"))
        _ = app.advance(ticks: app.match.player.durationSeconds, now: 0)
        #expect(app.state.screen == .ended)
        let frame = app.render(glyphs: .unicode, now: 1_000_000).text
        #expect(frame.contains("Game over"))
        #expect(frame.contains("recording stopped: DISK FULL at 00:01:23"))
        #expect(frame.contains("the game continues unrecorded"))
        #expect(frame.contains("the file so far is"), "the notice wraps rather than being cut")
    }
}
