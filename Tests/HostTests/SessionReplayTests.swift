import FleetSim
import Foundation
import Scenarios
import Session
import Testing
@testable import Host

/// A session read back from its files unfolds as the facilitator saw it: every
/// team, bots included, ends in the same world as in the live game.
@Suite struct SessionReplayTests {
    @Test func aReplayedSessionEndsInTheSameWorldsAndItsDebriefComparesTheTeams() throws {
        let settings = GameSettings(scenario: BuiltInScenarios.named("bad-deploy")!, seed: 9, durationSeconds: 900, difficulty: .normal, maxTeams: 4,
                                    bots: [.autoscaler])
        var game = try FacilitatedGame(settings)
        var session = SessionRecorder(header: SessionHeader(appVersion: "test", settings: settings))
        var sessionLines = [session.headerLine]
        var recorders: [Int: Recorder] = [:]
        var lines: [Int: [String]] = [:]
        func record() {
            sessionLines += session.lines(for: game)
            for team in game.peopleTeams {
                if recorders[team] == nil {
                    let header = RecordingHeader(appVersion: "test", scenario: settings.scenario, difficulty: .normal, seed: settings.seed,
                                                 durationSeconds: settings.durationSeconds, team: game.match.teams[team].name, hostTimeline: true)
                    recorders[team] = Recorder(header: header)
                    lines[team] = [recorders[team]!.headerLine]
                }
                lines[team]! += recorders[team]!.lines(for: game.match.teams[team].session)
            }
        }
        let red = try game.join(team: "red")
        record()
        try game.perform(.resume)
        let first = try #require(game.timeline.upcoming(now: 0).first)
        try game.perform(.delay(entry: first.id, seconds: 120))
        while !game.isFinished {
            switch game.tick {
            case 60: try game.give(.scale(service: "web", count: 6), team: red)
            case 120: try game.perform(.inject(.killTask(service: "rentals"), to: .teams(["red", "autoscaler"]), at: nil))
            case 200: _ = try game.join(team: "blue")
            case 300: try game.perform(.inject(.trafficSpike(multiplier: 3, seconds: 120), to: .all, at: nil))
            case 320: try game.give(.scale(service: "router", count: 5), team: game.match.team(named: "blue")!)
            case 400: try game.perform(.hint(team: "blue", text: "the router is hot"))
            default: break
            }
            game.advance()
            record()
        }
        for team in game.peopleTeams { lines[team]!.append(recorders[team]!.endLine(for: game.match.teams[team].session)) }

        var file = try SessionRecord.parse(Data((sessionLines.joined(separator: "\n") + "\n").utf8), file: "session.jsonl")
        for team in game.peopleTeams {
            let recording = try Recording.parse(Data((lines[team]!.joined(separator: "\n") + "\n").utf8), file: "t.jsonl")
            file.teams.append((game.match.teams[team].name, recording))
        }
        var replay = try FacilitatedGame(replaying: file)
        while !replay.isFinished { replay.advance() }
        for team in game.match.teams {
            let again = try #require(replay.match.team(named: team.name))
            #expect(replay.match.teams[again].world.stableHash == team.world.stableHash, "\(team.name) replays to the same world")
        }
        #expect(replay.notices == game.notices)
        #expect(throws: CommandError.self) { try replay.perform(.broadcast("no")) }

        let debrief = try SessionDebrief.make(file)
        #expect(debrief.comparison.teams.map(\.name) == game.leaderboard.map(\.name))
        #expect(debrief.facilitator.contains { if case .hint(team: "blue", _) = $0.kind { true } else { false } })
    }

    /// A game day ended early while paused: a command a team gave at that last
    /// moment took effect live, so the replay and the debrief count it too.
    @Test func aCommandGivenAtTheLastMomentCountsInTheReplayAndTheDebrief() throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 3, durationSeconds: 900, difficulty: .normal, maxTeams: 2, bots: [])
        var game = try FacilitatedGame(settings)
        var session = SessionRecorder(header: SessionHeader(appVersion: "test", settings: settings))
        var sessionLines = [session.headerLine]
        let red = try game.join(team: "red")
        var recorder = Recorder(header: RecordingHeader(appVersion: "test", scenario: settings.scenario, difficulty: .normal, seed: settings.seed,
                                                        durationSeconds: settings.durationSeconds, team: "red", hostTimeline: true))
        var lines = [recorder.headerLine]
        try game.perform(.resume)
        while game.tick < 300 {
            game.advance()
            sessionLines += session.lines(for: game)
            lines += recorder.lines(for: game.match.teams[red].session)
        }
        try game.perform(.pause)
        try game.give(.scale(service: "web", count: 9), team: red)
        sessionLines += session.lines(for: game)
        lines += recorder.lines(for: game.match.teams[red].session) + [recorder.endLine(for: game.match.teams[red].session)]
        var file = try SessionRecord.parse(Data((sessionLines.joined(separator: "\n") + "\n").utf8), file: "session.jsonl")
        file.teams.append(("red", try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "red.jsonl")))
        #expect(file.lastTick == 300)

        var replay = try FacilitatedGame(replaying: file)
        while replay.tick < file.lastTick { replay.advance() }
        let again = try #require(replay.match.team(named: "red"))
        #expect(replay.match.teams[again].world.service(named: "web")?.desiredCount == 9)
        #expect(replay.match.teams[again].world.stableHash == game.match.teams[red].world.stableHash)
        let debrief = try SessionDebrief.make(file)
        #expect(debrief.comparison.teams.first { $0.name == "red" }?.commands == 1)
    }
}
