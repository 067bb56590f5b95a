import FleetSim
import Foundation
import Scenarios
import Testing
@testable import Session

/// Recordings: record → replay gives the same hashes; a file cut anywhere
/// replays up to its last complete line; damaged files get one clear message.
@Suite struct RecordingTests {
    /// Plays a scenario with a random (seeded) command stream and returns the recording text.
    static func record(scenario: Scenario, seed: UInt64, seconds: Int, commands: Int = 12, end: Bool = true,
                       script given: [ScheduledCommand] = []) throws -> String {
        var rng = Xoshiro256StarStar(seed: seed &* 31 &+ 7)
        let services = ["router", "web", "rentals", "basket", "ordering"]
        var script = given
        for _ in 0..<commands {
            let service = services[rng.nextInt(below: services.count)]
            let command: Command = switch rng.nextInt(below: 4) {
            case 0: .scale(service: service, count: 1 + rng.nextInt(below: 8))
            case 1: .autoscale(service: service, change: AutoscaleChange(enabled: true, target: 40 + Double(rng.nextInt(below: 40))))
            case 2: .restart(service: service)
            default: .acknowledge(incident: 1)
            }
            script.append(ScheduledCommand(tick: rng.nextInt(below: seconds), command: command))
        }
        var recorder = Recorder(header: RecordingHeader(appVersion: "test", scenario: scenario, difficulty: .normal, seed: seed,
                                                        durationSeconds: seconds, team: "testers"))
        var lines = [recorder.headerLine]
        var last: GameSession?
        _ = try HeadlessRun.play(scenario: scenario, seed: seed, durationSeconds: seconds, script: script, onTick: { session in
            lines += recorder.lines(for: session)
            last = session
        })
        if end, let last { lines.append(recorder.endLine(for: last)) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 2, 3, 17, 99, 4_242] as [UInt64])
    func recordThenReplayMatchesEveryCheckpoint(seed: UInt64) throws {
        let scenario = try #require(BuiltInScenarios.named("microservices-madness"))
        let text = try Self.record(scenario: scenario, seed: seed, seconds: 20 * 60)
        let recording = try Recording.parse(Data(text.utf8), file: "r.jsonl")
        #expect(!recording.isTruncated)
        let result = try Verification.run(recording)
        #expect(result.divergence == nil)
        #expect(result.checkpoints == 21, "one a minute, 0 through 20, the end line counted in the last")
    }

    @Test func aChangedCommandIsCaughtAtTheNextCheckpoint() throws {
        let scenario = BuiltInScenarios.firstDay
        var text = try Self.record(scenario: scenario, seed: 5, seconds: 10 * 60, commands: 0)
        let insert = "{\"text\":\"scale web 9\",\"tick\":125,\"type\":\"command\"}\n"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.contains("\"tick\":180") })
        lines.insert(String(insert.dropLast()), at: at)
        text = lines.joined(separator: "\n")
        let result = try Verification.run(try Recording.parse(Data(text.utf8), file: "r.jsonl"))
        #expect(result.divergence?.tick == 180)
    }

    @Test func cutAtEveryByteReplaysToTheLastCompleteLine() throws {
        let text = try Self.record(scenario: BuiltInScenarios.firstDay, seed: 3, seconds: 150, commands: 4)
        let data = Data(text.utf8)
        let headerEnd = try #require(data.firstIndex(of: UInt8(ascii: "\n")))
        for cut in 0..<data.count {
            let slice = data.prefix(cut)
            if cut <= headerEnd {
                #expect(throws: RecordingError.self) { try Recording.parse(slice, file: "cut.jsonl") }
                continue
            }
            let recording = try Recording.parse(slice, file: "cut.jsonl")
            #expect(recording.isTruncated, "cut at \(cut)")
            #expect(recording.lineCount == slice.split(separator: UInt8(ascii: "\n")).count - (slice.last == UInt8(ascii: "\n") ? 0 : 1))
            if cut % 9 == 0 { #expect(try Verification.run(recording).divergence == nil, "cut at \(cut)") }
        }
        #expect(try !Recording.parse(data, file: "whole.jsonl").isTruncated)
    }

    @Test func aRecordedCommandTheWorldRefusesIsReportedWithItsLine() throws {
        let text = try Self.record(scenario: BuiltInScenarios.firstDay, seed: 3, seconds: 180, commands: 0)
        var lines = text.split(separator: "\n").map(String.init)
        // Right after the checkpoint at 00:01:00 (the header is line 1, that checkpoint line 2).
        lines.insert(#"{"text":"ack 42","tick":61,"type":"command"}"#, at: 2)
        let recording = try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "r.jsonl")
        let divergence = try #require(try Verification.run(recording).divergence)
        #expect(divergence.tick == 61)
        #expect(divergence.line == 3)
        #expect(divergence.description == "the recorded command 'ack 42' was refused: no incident #42 (open: none)")
    }

    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo/flash-sale-expert.jsonl")

    /// Files of formats 1 and 2 replay by the rule they were played by: a tick's
    /// commands checked against the world before the tick, then applied in order,
    /// so a second `ack` of one incident in one tick (two people on a team) was an
    /// event, not a refusal. Files of format 3, written now, by today's rule: each
    /// command takes effect when given, so the second is refused.
    @Test func eachFormatReplaysByTheRuleItWasPlayedBy() throws {
        var lines = try String(contentsOf: Self.demo, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[0].contains(#""version":1"#), "the demo was recorded in format 1")
        let ack = try #require(lines.firstIndex { $0.contains(#""text":"ack "#) })
        lines.insert(lines[ack], at: ack)
        let old = try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "old.jsonl")
        #expect(old.header.formatVersion == 1)
        let verified = try Verification.run(old)
        #expect(verified.divergence == nil && verified.checkpoints == 61)

        lines[0] = lines[0].replacingOccurrences(of: #""version":1"#, with: #""version":3"#)
        let new = try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "new.jsonl")
        let divergence = try #require(try Verification.run(new).divergence)
        #expect(divergence.line == ack + 2 && divergence.description.hasSuffix("is already acknowledged"), "\(divergence)")
    }

    /// Written now, a file is format 3, and a command that needs the one before it
    /// in the same second (deploy, then roll it back) replays as it was played.
    @Test func commandsOfOneSecondTakeEffectInTurn() throws {
        let script = [ScheduledCommand(tick: 30, command: .deploy(service: "rentals", version: "v2")),
                      ScheduledCommand(tick: 30, command: .rollback(service: "rentals"))]
        let text = try Self.record(scenario: BuiltInScenarios.firstDay, seed: 2, seconds: 180, commands: 0, script: script)
        #expect(text.hasPrefix("{") && text.split(separator: "\n")[0].contains(#""version":3"#))
        let recording = try Recording.parse(Data(text.utf8), file: "r.jsonl")
        #expect(recording.entries.filter { if case .command = $0 { true } else { false } }.count == 2, "both were taken")
        #expect(try Verification.run(recording).divergence == nil)
        let asFormat1 = text.replacingOccurrences(of: #""version":3"#, with: #""version":1"#)
        let divergence = try Verification.run(try Recording.parse(Data(asFormat1.utf8), file: "r.jsonl")).divergence
        #expect(divergence?.description.contains("'rollback rentals' was refused") == true, "the old rule checked both before the second")
    }

    /// A player who gives a command and quits at once: it took effect, so the end
    /// line's hash has it, and every replay of the file shows it and counts it.
    @Test func aCommandGivenJustBeforeQuittingIsInEveryReplay() throws {
        let scenario = BuiltInScenarios.firstDay
        var session = try GameSession(scenario: scenario, seed: 4, durationSeconds: 600)
        var recorder = Recorder(header: RecordingHeader(appVersion: "test", scenario: scenario, difficulty: .normal, seed: 4,
                                                        durationSeconds: 600, team: "you"))
        var lines = [recorder.headerLine]
        while session.world.tick < 90 {
            session.advance()
            lines += recorder.lines(for: session)
        }
        try session.submit(.scale(service: "web", count: 9))
        lines += recorder.lines(for: session) + [recorder.endLine(for: session)]
        let recording = try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "quit.jsonl")
        #expect(try Verification.run(recording).divergence == nil)
        #expect(try Debrief.make(recording).commands.map(\.text) == ["scale web 9"])
        var match = try Match(replaying: recording)
        while match.tick < recording.lastTick { match.advance() }
        #expect(match.world.service(named: "web")?.desiredCount == 9, "the console's replay ends where the game did")
        #expect(match.world.stableHash == session.world.stableHash)
        #expect(match.teams[0].feed.entries.contains { $0.text == "> scale web 9" })
    }

    @Test func damagedFilesGetOneClearMessage() throws {
        let text = try Self.record(scenario: BuiltInScenarios.firstDay, seed: 3, seconds: 120, commands: 2)
        var lines = text.split(separator: "\n").map(String.init)
        func message(_ body: String) -> String {
            do { _ = try Recording.parse(Data(body.utf8), file: "x.jsonl"); return "accepted" } catch { return error.description }
        }
        #expect(message("hello\n").hasPrefix("x.jsonl:1: not a gameday recording"))
        #expect(message("").hasPrefix("x.jsonl:1: not a gameday recording"))
        #expect(message(lines[0].replacingOccurrences(of: "\"version\":3", with: "\"version\":9") + "\n")
            .contains("recording format version 9 is not supported"))
        #expect(message(lines[0].replacingOccurrences(of: "title: First day", with: "title: Worst day") + "\n")
            .contains("the embedded scenario does not match its hash"))
        lines.insert("{not json", at: 2)
        #expect(message(lines.joined(separator: "\n") + "\n") == "x.jsonl:3: corrupt line (not a JSON object)")
        lines.remove(at: 2)
        // Fields of the wrong type are named, not read as something else.
        #expect(message(lines[0].replacingOccurrences(of: "\"version\":3", with: "\"version\":\"1\"") + "\n")
            == "x.jsonl:1: not a gameday recording (no header line: 'version' must be a whole number)")
        var typed = lines
        typed.insert(#"{"text":"scale web 4","tick":true,"type":"command"}"#, at: 1)
        #expect(message(typed.joined(separator: "\n") + "\n") == "x.jsonl:2: corrupt line ('tick' must be a whole number)")
        // A command the game cannot read is damage, reported with its line; never dropped.
        var damaged = lines
        damaged.insert(#"{"text":"scale web lots","tick":0,"type":"command"}"#, at: 1)
        #expect(message(damaged.joined(separator: "\n") + "\n") == "x.jsonl:2: damaged command 'scale web lots': COUNT must be a whole number, got 'lots'")
        for description in [message("hello\n"), message(lines.joined(separator: "\n") + "\n")] {
            #expect(!description.contains("\n"), "one line")
        }
    }

    @Test func branchRecordingsNameTheirParentAndReplay() throws {
        let recording = try Recording.parse(Data(try Self.record(scenario: BuiltInScenarios.firstDay, seed: 8, seconds: 600).utf8), file: "p.jsonl")
        var match = try Match(replaying: recording)
        for _ in 0..<300 { match.advance() }
        match.takeOver()
        var recorder = Recorder(header: RecordingHeader(appVersion: "test", scenario: recording.scenario, difficulty: .normal, seed: 8,
                                                        durationSeconds: 600, team: "testers", parentFile: "p.jsonl", branchTick: 300))
        var lines = [recorder.headerLine] + recorder.lines(for: match.player)
        try match.submit(.scale(service: "web", count: 7))
        while match.world.tick < 600 {
            match.advance()
            lines += recorder.lines(for: match.player)
        }
        lines.append(recorder.endLine(for: match.player))
        let branch = try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "b.jsonl")
        #expect(branch.header.parentFile == "p.jsonl")
        #expect(branch.header.branchTick == 300)
        #expect(branch.entries.contains(.command(tick: 300, .scale(service: "web", count: 7))))
        #expect(try Verification.run(branch).divergence == nil)
    }

    @Test func debriefTellsTheStory() throws {
        let scenario = try #require(BuiltInScenarios.named("bad-deploy"))
        let text = try Self.record(scenario: scenario, seed: 23, seconds: 20 * 60, commands: 3)
        let debrief = try Debrief.make(try Recording.parse(Data(text.utf8), file: "d.jsonl"))
        #expect(debrief.standings.count == 5)
        #expect(debrief.incidents.contains { $0.cause == "bad-deploy rentals v2" })
        #expect(debrief.expertCommands.contains { $0.text == "rollback rentals" })
        #expect(debrief.commands.count <= 3)
        #expect(debrief.trend.count == 4)
    }
}
