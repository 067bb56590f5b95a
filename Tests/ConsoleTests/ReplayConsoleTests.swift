import FleetSim
import Foundation
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// The console over a recording: read-only, a timeline, seeking both ways
/// lands on the same world as playing straight through, take over.
@Suite struct ReplayConsoleTests {
    static func app() throws -> ConsoleApp {
        let scenario = try #require(BuiltInScenarios.named("bad-deploy"))
        var recorder = Recorder(header: RecordingHeader(appVersion: "test", scenario: scenario, difficulty: .normal, seed: 23,
                                                        durationSeconds: 1_800, team: "testers"))
        var lines = [recorder.headerLine]
        let script = [ScheduledCommand(tick: 700, command: .rollback(service: "rentals"))]
        _ = try HeadlessRun.play(scenario: scenario, seed: 23, durationSeconds: 1_800, bot: .idle, script: script,
                                 onTick: { lines += recorder.lines(for: $0) })
        let recording = try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "t.jsonl")
        let match = try Match(replaying: recording)
        let replay = ReplayState(file: "t.jsonl", endTick: recording.lastTick, isTruncated: recording.isTruncated,
                                 commandTicks: recording.commandTicks, incidentTicks: [900], start: match)
        return ConsoleApp(replaying: match, replay: replay, width: 120, height: 40)
    }

    @Test func seekingBackAndForthLandsOnTheSameWorld() throws {
        var app = try Self.app()
        _ = app.advance(ticks: 1_000, now: 0)
        let straight = app.match.world.stableHash
        for _ in 0..<5 { _ = app.handle(.char("["), now: 0) }
        #expect(app.match.world.tick == 700)
        for _ in 0..<5 { _ = app.handle(.char("]"), now: 0) }
        #expect(app.match.world.tick == 1_000)
        #expect(app.match.world.stableHash == straight)
        _ = app.handle(.char(":"), now: 0)
        for ch in "goto 00:05:00" { _ = app.handle(.char(ch), now: 0) }
        _ = app.handle(.enter, now: 0)
        #expect(app.match.world.tick == 300)
        _ = app.handle(.char("n"), now: 0)
        #expect(app.match.world.tick == 700, "the next mark is the recorded rollback")
        _ = app.handle(.char("."), now: 0)
        #expect(app.match.world.tick == 701)
        #expect(app.state.clock.isPaused, "stepping pauses")
    }

    @Test func replayIsReadOnlyAndShowsATimeline() throws {
        var app = try Self.app()
        _ = app.advance(ticks: 60, now: 0)
        _ = app.handle(.char(":"), now: 0)
        for ch in "scale web 9" { _ = app.handle(.char(ch), now: 0) }
        _ = app.handle(.enter, now: 0)
        #expect(app.state.message?.text.contains("read-only") == true)
        let frame = app.render(glyphs: .unicode, now: 0)
        #expect(frame.row(38).contains("REPLAY 00:01:00 / 00:30:00"))
        #expect(frame.row(38).contains("c"), "the rollback is marked")
        #expect(frame.row(38).contains("!"), "the incident is marked")
    }

    @Test func takingOverHandsControlBack() throws {
        var app = try Self.app()
        _ = app.advance(ticks: 600, now: 0)
        #expect(app.handle(.char("T"), now: 0) == [.tookOver(tick: 600)])
        #expect(app.state.replay == nil ? true : false)
        #expect(!app.match.isReplaying)
        _ = app.handle(.char(":"), now: 0)
        for ch in "scale web 9" { _ = app.handle(.char(ch), now: 0) }
        _ = app.handle(.enter, now: 0)
        _ = app.advance(ticks: 1, now: 0)
        #expect(app.match.world.service(named: "web")?.desiredCount == 9)
        _ = app.advance(ticks: 200, now: 0)
        #expect(app.match.player.commandLog.contains { $0.command == .rollback(service: "rentals") } == false,
                "after taking over, the recording no longer plays its own commands")
    }

    @Test func replayStopsAtTheEndOfTheRecording() throws {
        var app = try Self.app()
        _ = app.advance(ticks: 5_000, now: 0)
        #expect(app.match.world.tick == 1_800)
        #expect(app.state.clock.isPaused)
        #expect(app.state.message?.text.hasPrefix("end of a cut-short recording") == true, "this one has no end line")
    }
}

