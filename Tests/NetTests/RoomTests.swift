import FleetSim
import Host
import Scenarios
import ScreenKit
import Session
import Testing
@testable import Net

/// The room without a network: several consoles on one team, each its own,
/// commands from any of them going to the team's game.
@Suite struct RoomTests {
    @Test func twoPeopleOnOneTeamHaveTheirOwnConsolesAndShareTheGame() throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 4, durationSeconds: 600, difficulty: .normal, maxTeams: 2, bots: [])
        var room = Room(game: try FacilitatedGame(settings))
        let hello = ClientMessage.Hello(token: "t", team: "red", width: 120, height: 40)
        let (alice, _, _) = try room.open(hello, newResume: "a", now: 0)
        let (bob, _, _) = try room.open(hello, newResume: "b", now: 0)
        #expect(room.game.peopleTeams.count == 1)
        #expect(room.game.presence[0].people == 2)
        for (n, key) in [Key.enter, .char("j"), .char("j")].enumerated() { _ = room.key(key, seq: n + 1, console: alice, now: 0) }
        #expect(room.frame(alice, now: 0)?.text.contains("▸ rentals") == true, "alice moved her selection")
        #expect(room.frame(bob, now: 0)?.text.contains("▸ router") == true, "bob's stays his own, and he skips the briefing alice read")
        var seq = 1
        for c in ":scale web 4" {
            _ = room.key(.char(c), seq: seq, console: bob, now: 0)
            seq += 1
        }
        func webRow() -> String? { room.frame(alice, now: 0)?.text.split(separator: "\n").first { $0.contains(" web ") }.map(String.init) }
        let before = try #require(webRow())
        #expect(!before.contains("/4"), "\(before)")
        _ = room.key(.enter, seq: seq, console: bob, now: 0)
        #expect(room.game.match.teams[0].session.world.service(named: "web")?.desiredCount == 4, "the command took effect at once")
        #expect(webRow()?.contains("/4") == true, "alice's console shows bob's command before the next tick")
        _ = room.key(.enter, seq: seq, console: bob, now: 0)
        _ = room.advance(ticks: 1, now: 0)
        #expect(room.game.match.teams[0].session.commandLog.map(\.command.text) == ["scale web 4"], "a resent key is applied once")
        room.drop(alice, now: 10)
        #expect(room.game.presence[0].people == 1)
        let (back, lastSeq, resume) = try room.open(ClientMessage.Hello(token: "t", team: "red", width: 80, height: 24, resume: "a"), newResume: "c", now: 20)
        #expect(back == alice && lastSeq == 3 && resume == "a", "alice resumes her console")
        #expect(room.frame(alice, now: 0)?.width == 80)
    }

    /// A team that comes back after the game is over sees its result, not the briefing.
    @Test func aConsoleOpenedAfterTheEndShowsTheResult() throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 4, durationSeconds: 60, difficulty: .normal, maxTeams: 2, bots: [])
        var room = Room(game: try FacilitatedGame(settings))
        let hello = ClientMessage.Hello(token: "t", team: "red", width: 120, height: 40)
        let (first, _, _) = try room.open(hello, newResume: "a", now: 0)
        #expect(room.frame(first, now: 0)?.text.contains("Enter the console") == true, "the first console is briefed")
        _ = room.advance(ticks: 60, now: 0)
        #expect(room.game.isFinished)
        let (late, _, _) = try room.open(hello, newResume: "b", now: 0)
        let frame = try #require(room.frame(late, now: 0)?.text)
        #expect(frame.contains("Game over") && !frame.contains("Enter the console"), "\(frame)")
    }

    /// Pasted text (bracketed paste over SSH) goes to a command line, never runs by itself,
    /// and is dropped where no text is taken; Ctrl-C on a team console leaves the game.
    @Test func pastedTextWaitsInTheCommandLineAndCtrlCLeaves() throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 4, durationSeconds: 600, difficulty: .normal, maxTeams: 2, bots: [])
        var room = Room(game: try FacilitatedGame(settings))
        let (red, _, _) = try room.open(ClientMessage.Hello(token: "t", team: "red", width: 120, height: 40), newResume: "ssh:red", now: 0)
        #expect(room.keys(pasting: "scale web 6", console: red).isEmpty, "the briefing takes no text")
        _ = room.key(.enter, seq: 1, console: red, now: 0)
        let keys = room.keys(pasting: "scale web 6\r\n", console: red)
        #expect(keys.first == .char(":") && !keys.contains(.enter), "a command line opened for it; the line break is a space")
        for (n, key) in keys.enumerated() { _ = room.key(key, seq: n + 2, console: red, now: 0) }
        #expect(room.frame(red, now: 0)?.text.contains(":scale web 6") == true)
        #expect(room.keys(pasting: "more", console: red) == "more".map { .char($0) }, "into the open command line as it is")
        _ = room.advance(ticks: 1, now: 0)
        #expect(room.game.match.teams[0].session.commandLog.isEmpty, "nothing ran")
        let seq = room.lastSeq(of: red) + 1
        let effects = room.key(.ctrl("c"), seq: seq, console: red, now: 0)
        #expect(effects.contains { if case let .close(id, message) = $0 { id == red && message.contains("you left the game") } else { false } })
    }
}
