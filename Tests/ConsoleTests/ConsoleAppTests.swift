import Foundation
import Session
import FleetSim
import Testing
@testable import Console
@testable import ScreenKit

/// Keys and clicks as a player presses them, and what the game and screen do.
@Suite struct ConsoleAppTests {
    @Test func briefingStartsWithEnterAndQuitsWithQ() {
        var app = ConsoleFixture.app(playing: false)
        #expect(app.state.screen == .briefing)
        #expect(!app.isClockRunning)
        #expect(app.handle(.char("q"), now: 0) == [.quit])
        _ = app.handle(.enter, now: 0)
        #expect(app.state.screen == .playing)
        #expect(app.isClockRunning)
    }

    /// Scrolled all the way up, the events and logs panes show the oldest lines kept;
    /// scrolled down, the newest (the panes draw only the lines that can show).
    @Test func feedPanesScrollFromTheNewestToTheOldestLine() {
        var app = ConsoleFixture.app(width: 120, height: 40, ticks: 600)
        for n in 0..<30 {
            _ = ConsoleFixture.type(":scale web \(4 + n % 2)", into: &app)
            _ = app.handle(.enter, now: 0)
            _ = app.advance(ticks: 7, now: 0)
        }
        func time(_ tick: Int) -> String { String(format: "%d:%02d:%02d", tick / 3600, tick / 60 % 60, tick % 60) }
        for (pane, ticks) in [(Pane.events, app.feed.entries.map(\.tick)), (.logs, app.feed.logs(of: app.state.selectedService).map(\.tick))] {
            app.state.focus = pane
            app.state.tab = pane
            let height = app.layout.rect(of: pane)?.inner.height ?? 0
            #expect(ticks.count > height * 2, "enough \(pane) lines to scroll")
            let newest = ConsoleFixture.frame(app)
            #expect(newest.contains(time(ticks.last!)) && !newest.contains(time(ticks.first!)))
            app.moveSelection(by: -ticks.count)
            #expect((pane == .events ? app.state.eventsScroll : app.state.logsScroll) == ticks.count - height)
            let oldest = ConsoleFixture.frame(app)
            #expect(oldest.contains(time(ticks.first!)) && !oldest.contains(time(ticks.last!)), "the oldest \(pane) line at the top")
            #expect(oldest.contains("↑\(ticks.count - height)"))
        }
    }

    @Test func commandLineScalesAServiceAndSaysSo() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        #expect(app.state.mode == .command)
        _ = ConsoleFixture.type("scale web 7", into: &app)
        _ = app.handle(.enter, now: 0)
        #expect(app.state.mode == .normal)
        _ = app.advance(ticks: 1, now: 0)
        #expect(app.match.world.service(named: "web")?.desiredCount == 7)
        #expect(app.state.message?.text.hasPrefix("scale web 7 at 00:00:00") == true)
        #expect(app.state.message?.isError == false)
        #expect(app.state.commandLine.history == ["scale web 7"])
        let frame = app.render(glyphs: .unicode, now: 1).text
        #expect(frame.contains("scale web 7 at 00:00:00"))
    }

    /// A command takes effect when it is given, paused or not, as an AWS API call
    /// does: the services row shows the new desired count and the event feed
    /// has the command before time moves, and the feed never repeats it.
    @Test func aCommandShowsItsEffectAtOnceEvenWhilePaused() throws {
        var app = ConsoleFixture.app(width: 120, height: 40)
        _ = app.handle(.char(" "), now: 0)
        #expect(!app.isClockRunning)
        func webRow() throws -> String {
            try #require(app.render(glyphs: .unicode, now: 0).text.split(separator: "\n").first { $0.contains(" web ") }.map(String.init))
        }
        #expect(try !webRow().contains("/7"))
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("scale web 7", into: &app)
        _ = app.handle(.enter, now: 0)
        #expect(app.match.world.tick == 0 && app.match.world.service(named: "web")?.desiredCount == 7)
        #expect(try webRow().contains("/7"), "the services pane shows it while the clock stands")
        #expect(app.state.message?.text.hasPrefix("scale web 7 at 00:00:00: new tasks need ≈") == true, "what happens next, read before it took effect")
        func said() -> Int { app.feed.entries.filter { $0.text == "> scale web 7" }.count }
        #expect(said() == 1, "the event feed has it at once")
        _ = app.handle(.char(" "), now: 0)
        _ = app.advance(ticks: 3, now: 0)
        #expect(said() == 1, "and once: the tick it belongs to does not repeat it")
        #expect(app.match.teams[0].session.commandLog.map(\.tick) == [0])
    }

    @Test func badCommandShowsTheErrorInlineAndKeepsTheText() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("scale webb 7", into: &app)
        _ = app.handle(.enter, now: 0)
        #expect(app.state.mode == .command, "stays open so the typo can be fixed")
        #expect(app.state.commandLine.text == "scale webb 7")
        #expect(app.state.message?.isError == true)
        let status = app.render(glyphs: .unicode, now: 1).row(23)
        #expect(status.contains("unknown service 'webb'"))
        #expect(status.hasPrefix(":scale webb 7"))
        _ = app.handle(.escape, now: 0)
        #expect(app.state.mode == .normal)
        #expect(app.match.commandLogIsEmpty)
    }

    @Test func tabCompletesVerbsServicesAndVersions() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("sc", into: &app)
        _ = app.handle(.tab, now: 0)
        #expect(app.state.commandLine.text == "scale ")
        _ = ConsoleFixture.type("re", into: &app)
        _ = app.handle(.tab, now: 0)
        #expect(app.state.commandLine.text == "scale rentals ")
        app.state.commandLine.set("deploy rentals ")
        _ = app.handle(.tab, now: 0)
        #expect(app.state.commandLine.text == "deploy rentals v")
        #expect(app.state.completions == ["v1", "v2", "v3"])
        #expect(app.render(glyphs: .unicode, now: 0).row(23).contains("v1 v2 v3"))
    }

    /// More choices than the line holds: the ones that fit and how many more there are, never a
    /// list cut short in silence; a team is offered nothing after `inject`, which it may not use.
    @Test func completionsSayHowManyMoreAndFollowTheRole() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("inject ", into: &app)
        _ = app.handle(.tab, now: 0)
        let faults = FaultKinds.all.count
        #expect(app.state.completions.count == faults)
        let bar = app.render(glyphs: .unicode, now: 0).row(23)
        let shown = app.state.completions.filter { bar.contains(" \($0)") }.count
        #expect(shown < faults && bar.contains("+\(faults - shown) more"), "\(bar)")
        #expect(Completion.candidates(for: "inject ", world: app.world, role: .team).isEmpty)
        #expect(!Completion.verbs(replaying: false, role: .team).contains("inject"))
    }

    @Test func historyRecallsEarlierCommands() {
        var app = ConsoleFixture.app()
        for text in ["scale web 4", "scale rentals 5"] {
            _ = app.handle(.char(":"), now: 0)
            _ = ConsoleFixture.type(text, into: &app)
            _ = app.handle(.enter, now: 0)
        }
        _ = app.handle(.char(":"), now: 0)
        _ = app.handle(.up, now: 0)
        #expect(app.state.commandLine.text == "scale rentals 5")
        _ = app.handle(.up, now: 0)
        #expect(app.state.commandLine.text == "scale web 4")
        _ = app.handle(.down, now: 0)
        _ = app.handle(.down, now: 0)
        #expect(app.state.commandLine.text == "")
    }

    @Test func quitAsksFirstWhileAGameRuns() {
        var app = ConsoleFixture.app()
        #expect(app.handle(.char("q"), now: 0).isEmpty)
        #expect(app.state.overlay == .quitConfirm)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("The game is still running."))
        _ = app.handle(.char("n"), now: 0)
        #expect(app.state.overlay == .none)
        _ = app.handle(.char("q"), now: 0)
        #expect(app.handle(.char("y"), now: 0) == [.quit])
    }

    @Test func spacePausesWithAFlagThatCannotBeMissedAndPlusMinusChangeSpeed() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(" "), now: 0)
        #expect(!app.isClockRunning)
        #expect(app.elapse(nanoseconds: 10_000_000_000, now: 0).isEmpty)
        #expect(app.match.world.tick == 0, "no time passes while paused")
        #expect(app.render(glyphs: .unicode, now: 0).row(0).contains("❚❚ PAUSED"))
        _ = app.handle(.char("p"), now: 0)
        #expect(app.isClockRunning)
        for _ in 0..<6 { _ = app.handle(.char("+"), now: 0) }
        #expect(app.state.clock.speed == 60)
        _ = app.elapse(nanoseconds: 1_000_000_000, now: 0)
        #expect(app.match.world.tick == 60, "one real second at 60× is one game minute")
        _ = app.handle(.char("-"), now: 0)
        #expect(app.state.clock.speed == 30)
        #expect(app.render(glyphs: .unicode, now: 0).row(0).contains("▶ 30×"))
    }

    @Test func arrowsAndJKMoveTheSelectionAndEnterOpensDetails() {
        var app = ConsoleFixture.app()
        #expect(app.state.selectedService == "router")
        _ = app.handle(.char("j"), now: 0)
        _ = app.handle(.down, now: 0)
        #expect(app.state.selectedService == "rentals")
        _ = app.handle(.char("k"), now: 0)
        #expect(app.state.selectedService == "web")
        _ = app.handle(.char("G"), now: 0)
        #expect(app.state.selectedService == "notifications")
        _ = app.handle(.enter, now: 0)
        #expect(app.state.overlay == .detail)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("notifications · v1"))
        _ = app.handle(.escape, now: 0)
        #expect(app.state.overlay == .none)
    }

    @Test func slashFiltersServices() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char("/"), now: 0)
        _ = ConsoleFixture.type("pay", into: &app)
        _ = app.handle(.enter, now: 0)
        #expect(app.state.selectedService == "payments")
        let frame = app.render(glyphs: .unicode, now: 0).text
        #expect(frame.contains("Services /pay"))
        #expect(!frame.contains("inventory"))
        _ = app.handle(.escape, now: 0)
        #expect(app.state.filterText.isEmpty)
    }

    @Test func helpOverlayShowsEveryBindingAndCommandInFull() {
        var app = ConsoleFixture.app(width: 120, height: 40)
        _ = app.handle(.char("?"), now: 0)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("Help: keys and commands"))
        // Page through the overlay as a reader would and collect what it shows.
        var seen = ""
        for _ in 0..<40 {
            seen += app.render(glyphs: .unicode, now: 0).text + "\n"
            _ = app.handle(.pageDown, now: 0)
        }
        // Every row of the overlay is shown in full on some page…
        let rows = HelpOverlay.rows(innerWidth: HelpOverlay.window(width: 120, height: 40).inner.width - 2)
        for row in rows { #expect([row.keys, row.help].allSatisfy { $0.isEmpty || seen.contains($0) }, "\(row) is cut") }
        // …and the rows, unwrapped, hold every binding, command and inject word for word.
        let shown = rows.map { $0.keys + " " + $0.help }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }
        // (The facilitator's keys and words are in the facilitator's help: FacilitatorAppTests.)
        let playerBindings = ConsoleKeys.bindings.filter { !Set($0.scopes).isDisjoint(with: ConsoleKeys.playerScopes) }
        var expected = playerBindings.flatMap { [$0.label, $0.help] } + LineEditor.bindings.flatMap { [$0.label, $0.help] }
        expected += Command.verbs.flatMap { [$0.usage, $0.summary] }
        expected += ConsoleWords.all.filter { $0.inLivePlay || $0.inReplay }.flatMap { [$0.usage, $0.summary] }
        expected += Fault.verbs.flatMap { ["inject " + $0.usage, $0.summary] }
        let keysOnly = rows.map(\.keys).joined(separator: " ")
        for text in expected {
            #expect(shown.contains(words(text)) || keysOnly.split(separator: " ").joined(separator: " ").contains(words(text)), "'\(text)' is missing from help")
        }
        _ = app.handle(.escape, now: 0)
        #expect(app.state.overlay == .none)
    }

    /// Every key a terminal can send, pressed in play: a key no binding declares must change nothing.
    @Test func noKeyWorksWithoutBeingDeclared() {
        var keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .backspace, .delete, .enter, .tab, .backTab, .escape, .f1]
        keys += (32..<127).map { Key.char(Character(UnicodeScalar(UInt8($0)))) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        for key in keys {
            var app = ConsoleFixture.app(width: 120, height: 40, ticks: 120)
            let before = app.render(glyphs: .unicode, now: 0).text
            let effects = app.handle(key, now: 0)
            let declared = ConsoleKeys.bindings.binding(for: key, in: app.activeScopes.isEmpty ? [.playing] : [.playing]) != nil
            if !declared {
                #expect(effects.isEmpty && app.render(glyphs: .unicode, now: 0).text == before, "\(key) does something but is not declared")
            }
        }
    }

    @Test func newIncidentFlashesAndRingsUnlessMuted() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("inject crash router 3", into: &app)
        _ = app.handle(.enter, now: 0)
        var effects: [ConsoleEffect] = []
        var tick = 0
        while effects.isEmpty && tick < 300 { effects = app.advance(ticks: 1, now: 1_000); tick += 1 }
        #expect(effects == [.bell])
        #expect(app.render(glyphs: .unicode, now: 1_500).row(0).contains("NEW INCIDENT #1"))
        #expect(!app.render(glyphs: .unicode, now: 1_000 + ConsoleApp.flashMilliseconds).row(0).contains("NEW INCIDENT"))
        _ = app.handle(.char("m"), now: 0)
        // Past the grouping window, so the next alarm opens an incident of its own.
        _ = app.advance(ticks: World.groupingWindowSeconds, now: 2_000)
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("inject crash web 3", into: &app)
        _ = app.handle(.enter, now: 0)
        var rang = false
        for _ in 0..<300 { if app.advance(ticks: 1, now: 2_000).contains(.bell) { rang = true } }
        #expect(!rang, "muted: no bell")
        #expect(app.state.incidentsSeen > 1)
    }

    @Test func aAcknowledgesTheOldestIncidentAndRResolvesOnlyOnceMitigated() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("inject crash router 3", into: &app)
        _ = app.handle(.enter, now: 0)
        while app.match.world.incidents.isEmpty { _ = app.advance(ticks: 1, now: 0) }
        _ = app.handle(.char("r"), now: 0)
        #expect(app.state.message?.isError == true)
        _ = app.handle(.char("a"), now: 0)
        _ = app.advance(ticks: 1, now: 0)
        #expect(app.match.world.incidents[0].acknowledgedAt != nil)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("ACKED"))
    }

    @Test func clickingARowSelectsThatService() {
        var app = ConsoleFixture.app(width: 120, height: 40)
        let services = app.layout.rect(of: .services)!
        // Row 0 is the border, row 1 the column header, then one row per service.
        _ = app.handle(.click(x: 10, y: services.y + 2 + 3), now: 0)
        #expect(app.state.selectedService == "inventory")
        let incidents = app.layout.rect(of: .incidents)!
        _ = app.handle(.click(x: incidents.x + 3, y: incidents.y + 1), now: 0)
        #expect(app.state.focus == .incidents)
    }

    /// 80×24, late in a game with more incidents than fit: the list is scrolled to the
    /// selection, and a click on a visible row selects the incident drawn on that row.
    @Test func clickingAScrolledIncidentSelectsTheRowShown() throws {
        var app = ConsoleFixture.app(width: 80, height: 24)
        _ = app.handle(.char(":"), now: 0)
        _ = ConsoleFixture.type("inject hang router 3", into: &app)
        _ = app.handle(.enter, now: 0)
        _ = app.advance(ticks: 115 * 60, now: 0)
        let rect = try #require(app.layout.rect(of: .incidents))
        let incidents = IncidentsPane.ordered(app.match.world)
        #expect(incidents.count > IncidentsPane.rows(in: rect, focused: true), "more incidents than rows")
        _ = app.handle(.char("1"), now: 0)
        _ = app.handle(.char("G"), now: 0)
        #expect(app.state.selectedIncident == incidents.last?.id)
        let firstRow = app.render(glyphs: .unicode, now: 0).row(IncidentsPane.firstRowY(in: rect))
        let shown = try #require(firstRow.split(separator: "#").dropFirst().first?.prefix { $0.isNumber }).description
        #expect(Int(shown) != incidents.first?.id, "the list is scrolled")
        _ = app.handle(.click(x: rect.x + 4, y: IncidentsPane.firstRowY(in: rect)), now: 0)
        #expect(app.state.selectedIncident == Int(shown), "clicked the row showing #\(shown)")
    }

    @Test func resizeRelaysOutAndTooSmallSaysWhatItNeeds() {
        var app = ConsoleFixture.app(width: 160, height: 48)
        #expect(app.layout.kind == .wide)
        app.resize(width: 80, height: 24)
        #expect(app.layout.kind == .compact)
        app.resize(width: 60, height: 20)
        let text = app.render(glyphs: .unicode, now: 0).text
        #expect(text.contains("terminal too small: need 80×24, have 60×20"))
        app.resize(width: 120, height: 40)
        #expect(app.layout.kind == .wide)
    }

    @Test func tabsAndNumbersSwitchTheCompactPane() {
        var app = ConsoleFixture.app()
        _ = app.handle(.char("2"), now: 0)
        #expect(app.state.tab == .events)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("Events"))
        _ = app.handle(.char("5"), now: 0)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("Logs: router"))
        #expect(app.state.focus == .logs)
        var order: [Pane] = []
        for _ in 0..<3 { _ = app.handle(.tab, now: 0); order.append(app.state.focus) }
        #expect(order == [.services, .score, .logs], "compact Tab order: services, score, the tabbed pane")
    }

    @Test func theGameEndsWithResults() {
        var app = ConsoleFixture.app(width: 120, height: 40)
        _ = app.advance(ticks: app.match.player.durationSeconds + 10, now: 0)
        #expect(app.state.screen == .ended)
        let text = app.render(glyphs: .unicode, now: 0).text
        #expect(text.contains("Final score"))
        #expect(text.contains("TO ACK"))
        #expect(app.handle(.char("q"), now: 0) == [.quit])
    }

    @Test func statesDifferWithoutColour() {
        let labels = ["OK", "DEPLOY", "SCALE", "WARN", "CRIT", "DOWN", "IDLE", "SLOW"]
        #expect(Set(labels).count == labels.count)
        let glyphs = [Glyphs.unicode.ok, Glyphs.unicode.warning, Glyphs.unicode.critical, Glyphs.unicode.deploying, Glyphs.unicode.idle]
        #expect(Set(glyphs).count == glyphs.count)
        let ascii = [Glyphs.ascii.ok, Glyphs.ascii.warning, Glyphs.ascii.critical, Glyphs.ascii.deploying, Glyphs.ascii.idle]
        #expect(Set(ascii).count == ascii.count)
        let theme = Theme.dark
        #expect(theme.monochromeAttributes(.critical) != theme.monochromeAttributes(.warning))
        #expect(theme.monochromeAttributes(.warning) != theme.monochromeAttributes(.ok))
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"], noColorFlag: false) == .monochrome)
        // no-color.org: only a value that is not empty turns colour off.
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""], noColorFlag: false) == .indexed256)
        #expect(ColorDepth.detect(colors: 256, environment: [:], noColorFlag: true) == .monochrome)
        #expect(ColorDepth.detect(colors: 256, environment: ["COLORTERM": "truecolor"], noColorFlag: false) == .trueColor)
        #expect(ColorDepth.detect(colors: 8, environment: [:], noColorFlag: false) == .basic8)
    }
}

extension Session.Match {
    var commandLogIsEmpty: Bool { player.commandLog.isEmpty }
}
