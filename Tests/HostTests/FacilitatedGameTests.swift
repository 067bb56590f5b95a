import FleetSim
import Foundation
import Scenarios
import Session
import Testing
@testable import Host

/// A facilitated game without a network: teams joining, the clock, the
/// timeline's controls, targeted injects, messages, the leaderboard, and the
/// recordings and session file it leaves.
@Suite struct FacilitatedGameTests {
    /// A game of bad-deploy: its timeline starts with a deploy at 00:10 and a random hang from the deck.
    static func game(bots: [BotKind] = [], maxTeams: Int = 4, minutes: Int = 30) throws -> FacilitatedGame {
        let settings = GameSettings(scenario: BuiltInScenarios.named("bad-deploy")!, seed: 7, durationSeconds: minutes * 60, difficulty: .normal,
                                    maxTeams: maxTeams, bots: bots)
        return try FacilitatedGame(settings)
    }

    @Test func teamsJoinByNameAndTheSameNameJoinsTheSameTeam() throws {
        var game = try Self.game(bots: [.expert])
        let red = try game.join(team: "red")
        let blue = try game.join(team: "blue")
        #expect(try game.join(team: "red") == red)
        #expect(red != blue)
        #expect(game.peopleTeams == [red, blue])
        #expect(throws: JoinError.self) { try game.join(team: "expert") }
        for bad in ["", String(repeating: "x", count: 25), "red\u{7}", "two words", "semi;colon"] {
            #expect(throws: JoinError.self, "'\(bad)' is refused") { try game.join(team: bad) }
        }
    }

    @Test func aFullGameNamesItsTeams() throws {
        var game = try Self.game(maxTeams: 2)
        _ = try game.join(team: "red")
        _ = try game.join(team: "blue")
        let error = #expect(throws: JoinError.self) { try game.join(team: "green") }
        #expect(error?.message == "the game is full (2 teams): join one of red, blue")
    }

    @Test func theClockIsTheFacilitatorsAndStartsStopped() throws {
        var game = try Self.game()
        _ = try game.join(team: "red")
        #expect(!game.isClockRunning)
        #expect(game.ticksDue(nanoseconds: 10_000_000_000) == 0, "no time passes before the start")
        #expect(throws: CommandError.self) { try game.perform(.pause) }
        try game.perform(.resume)
        #expect(game.ticksDue(nanoseconds: 3_000_000_000) == 3)
        try game.perform(.speed(10))
        #expect(game.ticksDue(nanoseconds: 1_000_000_000) == 10)
        try game.perform(.pause)
        #expect(game.ticksDue(nanoseconds: 5_000_000_000) == 0)
        #expect(game.log.map(\.kind).contains(.paused))
    }

    @Test func everyTeamAdvancesInLockStepAndCommandsAreStampedWithTheirTick() throws {
        var game = try Self.game(bots: [.autoscaler])
        let red = try game.join(team: "red"), blue = try game.join(team: "blue")
        for _ in 0..<30 { game.advance() }
        try game.give(.scale(service: "web", count: 6), team: red)
        game.advance()
        #expect(game.match.teams.allSatisfy { $0.world.tick == 31 })
        #expect(game.match.teams[red].session.commandLog.map(\.tick) == [30])
        #expect(game.match.teams[red].session.commandLog.map(\.command) == [.scale(service: "web", count: 6)])
        #expect(game.match.teams[blue].session.commandLog.isEmpty)
        #expect(game.presence[red].lastCommandTick == 30)
        #expect(throws: CommandError.self) { try game.give(.scale(service: "nope", count: 2), team: red) }
    }

    @Test func aTargetedInjectReachesOnlyItsTeam() throws {
        var game = try Self.game(bots: [.expert])
        let red = try game.join(team: "red"), blue = try game.join(team: "blue")
        let fault = Fault.dependencyOutage(service: "payment-provider", seconds: 300)
        try game.perform(.inject(fault, to: .teams(["red"]), at: nil))
        game.advance()
        #expect(game.match.teams[red].session.injectLog.map(\.fault) == [fault])
        #expect(game.match.teams[blue].session.injectLog.isEmpty)
        #expect(game.match.teams[2].session.injectLog.isEmpty, "the bot neither")
        #expect(HiddenTruth(team: game.match.teams[red]).active.map(\.fault) == [fault])
        #expect(HiddenTruth(team: game.match.teams[blue]).faults.isEmpty)
        #expect(throws: CommandError.self) { try game.perform(.inject(fault, to: .teams(["green"]), at: nil)) }
    }

    @Test func thePlannedAndScheduledInjectsCanBeFiredDelayedAndSkipped() throws {
        var game = try Self.game()
        let red = try game.join(team: "red")
        let upcoming = game.timeline.upcoming(now: 0)
        let first = try #require(upcoming.first)
        #expect(first.origin == .scenario)
        try game.perform(.skip(entry: first.id))
        try game.perform(.inject(.killTask(service: "web"), to: .all, at: 120))
        let planned = try #require(game.timeline.upcoming(now: 0).first { $0.origin == .facilitator })
        try game.perform(.delay(entry: planned.id, seconds: 60))
        #expect(game.timeline.entry(planned.id)?.tick == 180)
        for _ in 0..<(first.tick + 5) { game.advance() }
        #expect(!game.match.teams[red].session.injectLog.contains { $0.fault == first.fault }, "skipped")
        #expect(game.match.teams[red].session.injectLog.contains(Inject(tick: 180, fault: .killTask(service: "web"))), "delayed to 00:03:00")
        let second = try #require(game.timeline.upcoming(now: game.tick).first)
        try game.perform(.fire(entry: second.id))
        game.advance()
        #expect(game.match.teams[red].session.injectLog.last == Inject(tick: game.tick - 1, fault: second.fault))
        #expect(throws: CommandError.self) { try game.perform(.fire(entry: second.id)) }
    }

    @Test func broadcastsReachEveryTeamAndHintsOnlyOne() throws {
        var game = try Self.game()
        let red = try game.join(team: "red"), blue = try game.join(team: "blue")
        try game.perform(.broadcast("look at the queue"))
        try game.perform(.hint(team: "blue", text: "payments is slow"))
        #expect(game.notices == [Notice(tick: 0, text: "look at the queue", team: nil), Notice(tick: 0, text: "payments is slow", team: "blue")])
        #expect(game.match.teams[red].feed.entries.map(\.text) == ["facilitator: look at the queue"])
        #expect(game.match.teams[blue].feed.entries.map(\.text) == ["facilitator: look at the queue", "hint from the facilitator: payments is slow"])
        #expect(throws: CommandError.self) { try game.perform(.hint(team: "green", text: "x")) }
        #expect(throws: CommandError.self) { try game.perform(.broadcast("   ")) }
    }

    @Test func theLeaderboardRanksByScoreAndTellsWhoIsOnline() throws {
        var game = try Self.game(bots: [.idle])
        let red = try game.join(team: "red"), blue = try game.join(team: "blue")
        game.connected(team: red)
        game.connected(team: red)
        try game.give(.scale(service: "web", count: 20), team: blue)
        try game.give(.scale(service: "rentals", count: 20), team: blue)
        for _ in 0..<600 { game.advance() }
        let board = game.leaderboard
        // red and the idle bot played the same idle game: tied, they share first place.
        #expect(board.map(\.rank) == [1, 1, 3])
        #expect(board.prefix(2).map(\.name) == ["idle", "red"], "tied teams by name")
        #expect(board.map(\.score) == board.map(\.score).sorted(by: >))
        #expect(board.last?.name == "blue", "paying for 40 idle tasks costs the most")
        #expect(board.first { $0.name == "red" }?.people == 2)
        #expect(board.first { $0.name == "blue" }?.people == 0)
        #expect(board.first { $0.name == "idle" }?.isBot == true)
    }

    /// The facilitator's leaderboard, the projector and each team's own console read one
    /// number each: the same place (ties shared), the same five-minute change, the same
    /// count of firing incidents.
    @Test func theLeaderboardTheProjectorAndEachTeamAgree() throws {
        var game = try Self.game(minutes: 30)
        let red = try game.join(team: "red"), blue = try game.join(team: "blue")
        for _ in 0..<300 { game.advance() }
        for team in [red, blue] {
            #expect(game.match.rank(of: team) == 1, "two idle teams are tied")
            #expect(game.match.standings(viewing: team).map(\.rank) == [1, 1])
        }
        try game.give(.scale(service: "web", count: 12), team: blue)
        for _ in 0..<1_200 { game.advance() }
        let board = game.leaderboard, projector = game.projectorBoard
        for team in [red, blue] {
            let world = game.match.teams[team].world
            let row = try #require(board.first { $0.team == team })
            #expect(row.rank == game.match.rank(of: team))
            #expect(row.rank == game.match.standings(viewing: team).first { $0.isPlayer }?.rank)
            #expect(row.fiveMinuteChange == world.score.fiveMinuteChange)
            #expect(row.firingIncidents == world.firingIncidents.count)
            let shown = try #require(projector.teams.first { $0.name == row.name })
            #expect(shown.rank == row.rank && shown.change == Int(row.fiveMinuteChange.rounded()) && shown.firingIncidents == row.firingIncidents)
        }
        #expect(board.map(\.rank) == [1, 2], "blue pays for idle tasks")
        // The change is over five whole minutes: the score now less the score at the end of minute 20 (of 25).
        let world = game.match.teams[red].world
        #expect(world.score.history.count == 25)
        #expect(world.score.fiveMinuteChange == world.score.total - world.score.history[19])
    }

    @Test func aTeamThatJoinsLateHasTheGameAnIdleTeamWouldHave() throws {
        var game = try Self.game()
        _ = try game.join(team: "red")
        let early = try game.join(team: "early")
        for _ in 0..<90 { game.advance() }
        try game.perform(.inject(.killTask(service: "web"), to: .all, at: nil))
        for _ in 0..<30 { game.advance() }
        try game.perform(.inject(.trafficSpike(multiplier: 2, seconds: 60), to: .all, at: nil))
        let late = try game.join(team: "late")
        for _ in 0..<30 { game.advance() }
        #expect(game.match.teams[late].world.stableHash == game.match.teams[early].world.stableHash)
    }

    @Test func eachTeamsRecordingVerifiesAndTheSessionFileReadsBack() throws {
        var game = try Self.game(bots: [.autoscaler], minutes: 10)
        let red = try game.join(team: "red"), blue = try game.join(team: "blue")
        var recorders = [red: Recorder(header: header("red", game)), blue: Recorder(header: header("blue", game))]
        var lines = [red: [recorders[red]!.headerLine], blue: [recorders[blue]!.headerLine]]
        var session = SessionRecorder(header: SessionHeader(appVersion: "test", settings: game.settings))
        var sessionLines = [session.headerLine]
        try game.perform(.resume)
        while !game.isFinished {
            if game.tick == 100 { try game.give(.scale(service: "web", count: 5), team: red) }
            if game.tick == 150 { try game.perform(.inject(.hangTasks(service: "rentals", count: 1), to: .teams(["blue"]), at: nil)) }
            if game.tick == 200 { try game.perform(.broadcast("half way")) }
            game.advance()
            for team in [red, blue] { lines[team]! += recorders[team]!.lines(for: game.match.teams[team].session) }
            sessionLines += session.lines(for: game)
        }
        for team in [red, blue] {
            lines[team]!.append(recorders[team]!.endLine(for: game.match.teams[team].session))
            let recording = try Recording.parse(Data((lines[team]!.joined(separator: "\n") + "\n").utf8), file: "t.jsonl")
            #expect(recording.header.hostTimeline)
            let verification = try Verification.run(recording)
            #expect(verification.divergence == nil)
            #expect(verification.checkpoints == 11)
        }
        let record = try SessionRecord.parse(Data((sessionLines.joined(separator: "\n") + "\n").utf8), file: "s.jsonl")
        #expect(!record.isTruncated)
        #expect(record.events == game.log)
        #expect(record.header.bots == [.autoscaler])
    }

    func header(_ team: String, _ game: FacilitatedGame) -> RecordingHeader {
        RecordingHeader(appVersion: "test", scenario: game.settings.scenario, difficulty: .normal, seed: game.settings.seed,
                        durationSeconds: game.settings.durationSeconds, team: team, hostTimeline: true)
    }
}
