import FleetSim
import Host
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// The facilitator's console driven key by key over a game in memory.
@Suite struct FacilitatorAppTests {
    static func setUp(width: Int = 120, height: Int = 40) throws -> (FacilitatorApp, FacilitatedGame) {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 2, durationSeconds: 1_800, difficulty: .normal, maxTeams: 4, bots: [.expert])
        var game = try FacilitatedGame(settings)
        _ = try game.join(team: "red")
        _ = try game.join(team: "blue")
        var app = FacilitatorApp(width: width, height: height)
        app.state.joinLine = "gameday join 127.0.0.1:7420 --token abcd-efgh --team NAME"
        return (app, game)
    }

    static func type(_ text: String, _ app: inout FacilitatorApp, _ game: inout FacilitatedGame) {
        for c in text { _ = app.handle(c == "\r" ? .enter : c == "\t" ? .tab : .char(c), game: &game, now: 0) }
    }

    static func frame(_ app: FacilitatorApp, _ game: FacilitatedGame) -> String { app.render(game: game, glyphs: .unicode, now: 1).text }

    /// Before any team joins, every way in is on the leaderboard, a line each, whole even at
    /// 80×24 (the edge's join line is cut there); the help lists them too, whatever the size.
    @Test func theWaysInAreListedWholeUntilATeamJoinsAndAlwaysInHelp() throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 2, durationSeconds: 1_800, difficulty: .normal, maxTeams: 4, bots: [])
        var game = try FacilitatedGame(settings)
        var app = FacilitatorApp(width: 80, height: 24)
        let doors = ["gameday join 127.0.0.1:7420 --token abcd-efgh --team NAME", "ssh -p 2222 NAME@127.0.0.1   (password: the token)",
                     "SSH host key SHA256:b826EB33eGsxR35XBxwn+CK0y1FkRI17z7fUVICw90I", "projector page: http://127.0.0.1:8080"]
        app.state.joinLine = doors[0] + "  ·  ssh -p 2222 NAME@127.0.0.1"
        app.state.doorLines = doors
        var frame = Self.frame(app, game)
        for door in doors { #expect(frame.contains(door), "\(door)\n\(frame)") }
        _ = try game.join(team: "red")
        frame = Self.frame(app, game)
        #expect(!frame.contains("projector page:"), "a team's row takes the place")
        Self.type("?", &app, &game)
        frame = Self.frame(app, game)
        #expect(frame.contains("THE WAYS INTO THE ROOM"))
        for door in doors.dropFirst(2) { #expect(frame.contains(door), "\(door)\n\(frame)") }
    }

    @Test func spaceStartsThenPausesEveryTeamAndPlusMinusSetTheSpeed() throws {
        var (app, game) = try Self.setUp()
        #expect(Self.frame(app, game).contains("NOT STARTED"))
        Self.type(" ", &app, &game)
        #expect(game.isClockRunning)
        Self.type("++", &app, &game)
        #expect(game.clock.speed == 5)
        Self.type(" ", &app, &game)
        #expect(!game.isClockRunning)
        #expect(Self.frame(app, game).split(separator: "\n")[0].contains("❚❚ PAUSED"))
    }

    @Test func anInjectTypedWithCompletionReachesTheNamedTeam() throws {
        var (app, game) = try Self.setUp()
        Self.type(":inject to r\t", &app, &game)
        #expect(app.state.commandLine.text == "inject to red ")
        Self.type("lat\t", &app, &game)
        #expect(app.state.commandLine.text == "inject to red latency ")
        Self.type("payment-\t2000 10m\r", &app, &game)
        #expect(app.state.message?.text.hasSuffix("latency payment-provider +2000 ms for 10 min → red") == true)
        game.advance()
        let red = try #require(game.match.team(named: "red")), blue = try #require(game.match.team(named: "blue"))
        #expect(game.match.teams[red].session.injectLog.count == 1)
        #expect(game.match.teams[blue].session.injectLog.isEmpty)
        #expect(Self.frame(app, game).contains("latency payment-provider +2000 ms for 10 min"), "in the session log")
    }

    @Test func theTimelineKeysFireDelayAndSkip() throws {
        var (app, game) = try Self.setUp()
        let first = try #require(game.timeline.upcoming(now: 0).first)
        Self.type(">", &app, &game)
        #expect(game.timeline.entry(first.id)?.tick == first.tick + 60)
        Self.type("x", &app, &game)
        #expect(game.timeline.entry(first.id)?.state == .skipped)
        let row = Self.frame(app, game).split(separator: "\n").first { $0.contains("▸#\(first.id) ") }
        #expect(row?.contains("skip") == true && row?.contains("timeline") == true, "skipped, and still the timeline's: \(row ?? "")")
        Self.type("x", &app, &game)
        Self.type("f", &app, &game)
        #expect(game.timeline.entry(first.id)?.state == .fired(tick: 0))
    }

    @Test func lookingOverAShouldersIsReadOnly() throws {
        var (app, game) = try Self.setUp()
        Self.type("j", &app, &game)
        Self.type("v", &app, &game)
        #expect(app.state.overlay == .shoulder)
        let watched = game.match.teams[app.state.shoulderTeam].name
        #expect(Self.frame(app, game).contains("WATCHING \(watched) (read-only)"))
        Self.type("a", &app, &game)
        #expect(Self.frame(app, game).contains("read-only: you are looking over \(watched)'s shoulder"))
        Self.type(":scale web 5\r", &app, &game)
        #expect(game.match.teams.allSatisfy { $0.session.commandLog.isEmpty })
        _ = app.handle(.escape, game: &game, now: 0)
        _ = app.handle(.escape, game: &game, now: 0)
        #expect(app.state.overlay == .none)
    }

    @Test func broadcastAndHintFromTheKeys() throws {
        var (app, game) = try Self.setUp()
        Self.type("Bwelcome all\r", &app, &game)
        #expect(game.notices.map(\.text) == ["welcome all"])
        app.state.selectedTeam = game.match.team(named: "blue")
        Self.type("Hcheck the queue\r", &app, &game)
        #expect(game.notices.last == Notice(tick: 0, text: "check the queue", team: "blue"))
    }

    @Test func helpShowsEveryFacilitatorKeyAndWord() throws {
        var (app, game) = try Self.setUp()
        Self.type("?", &app, &game)
        #expect(app.state.overlay == .help)
        let rows = HelpOverlay.rows(innerWidth: 100, facilitator: true)
        let shown = rows.map { $0.keys + " " + $0.help }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }
        let bindings = ConsoleKeys.bindings.filter { !Set($0.scopes).isDisjoint(with: [.facilitator, .shoulder, .facilitatorEnded, .debrief]) }
        let keysOnly = words(rows.map(\.keys).joined(separator: " ")), helpOnly = words(rows.map(\.help).joined(separator: " "))
        for text in bindings.flatMap({ [$0.label, $0.help] }) + ConsoleWords.all.filter({ $0.places.contains(.facilitator) }).flatMap({ [$0.usage, $0.summary] }) {
            #expect(shown.contains(words(text)) || keysOnly.contains(words(text)) || helpOnly.contains(words(text)),
                    "'\(text)' is missing from the facilitator's help")
        }
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func everyPaneFitsAndNothingIsCutMidWord(width: Int, height: Int) throws {
        var (app, game) = try Self.setUp(width: width, height: height)
        Self.type(" ", &app, &game)
        for _ in 0..<700 { game.advance() }
        let text = Self.frame(app, game)
        #expect(text.split(separator: "\n").count == height)
        #expect(text.contains("Teams"))
        #expect(text.contains("red") && text.contains("blue") && text.contains("expert (bot)"))
    }

    @Test func theEndShowsEveryTeamSideBySideAndADebriefIsOneKeyAway() throws {
        var (app, game) = try Self.setUp()
        Self.type(" ", &app, &game)
        while !game.isFinished { game.advance() }
        let end = Self.frame(app, game)
        #expect(end.contains("Game over"))
        #expect(end.contains("TIME TO ACK / TO MITIGATE"))
        Self.type("\r", &app, &game)
        #expect(app.state.overlay == .debrief)
        let debrief = Self.frame(app, game)
        #expect(debrief.contains("Debrief:"))
        // Read on a terminal, not as Markdown source; ranked against the room, not solo play's rivals.
        for mark in ["| ---", "**", "# ", "`"] { #expect(!debrief.contains(mark), "\(mark)\n\(debrief)") }
        #expect(debrief.contains(" of 3."), "red, blue and the expert bot: \(debrief)")
        #expect(!debrief.contains("overprovision"))
    }

    /// PgDn in the help turns a page: what the window shows, less one line kept for context.
    @Test func pageDownInTheHelpTurnsAPage() throws {
        var (app, game) = try Self.setUp(width: 120, height: 40)
        Self.type("?", &app, &game)
        _ = app.handle(.pageDown, game: &game, now: 0)
        #expect(app.state.helpScroll == HelpOverlay.window(width: 120, height: 40).inner.height - 1)
    }

    /// The debrief's Markdown tables come out as aligned columns, the last one wrapping under itself.
    @Test func markdownTablesReadAsColumns() {
        let lines = MarkdownOnScreen.lines(["## Score", "", "| team | score |", "| --- | ---: |", "| **red** | 1,200.5 |", "| expert | 955.0 |",
                                            "", "| time | command | what it changed |", "| --- | --- | --- |",
                                            "| 00:10:00 | `scale web 5` | service web desired count 3 → 5 and a long explanation that wraps |"],
                                           width: 50)
        #expect(lines[0] == MarkdownOnScreen.Line(text: "Score", isHeading: true))
        #expect(lines[2].text == "team      score" && lines[2].isHeading)
        #expect(lines[3].text == "red     1,200.5")
        #expect(lines[4].text == "expert    955.0")
        #expect(lines[7].text.hasPrefix("00:10:00  scale web 5  service web"))
        #expect(lines[8].text.hasPrefix(String(repeating: " ", count: 23)), "wraps under its column: \(lines.map(\.text))")
        #expect(lines.allSatisfy { DisplayWidth.of($0.text) <= 50 })
        // Too many columns for the width (the debrief's incidents): a paragraph a row, nothing off the edge.
        let incidents = MarkdownOnScreen.lines(["| # | sev | incident | opened | detect | acknowledge | mitigate | resolved | likely cause |",
                                                "| ---: | --- | --- | --- | --- | --- | --- | --- | --- |",
                                                "| 1 | 3 | web: tasks in service below desired +1 related | 00:25:59 | — | 1 s | 120 s | 00:28:00 | `hang rentals 1` |"],
                                               width: 40)
        #expect(incidents.first?.text.hasPrefix("# 1 · sev 3 · incident web") == true, "\(incidents.map(\.text))")
        #expect(incidents.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains("likely cause hang rentals 1"))
        #expect(incidents.allSatisfy { DisplayWidth.of($0.text) <= 40 && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
    }
}
