import FleetSim
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// What a new player tripped over, each pinned: the clock waits while they
/// read or type, `a` moves on, quests and the briefing are there in full,
/// columns keep their width, and a failed deployment is not the running version.
@Suite struct ConsoleTruthTests {
    /// One second of real time at the console's speed.
    static func second(_ app: inout ConsoleApp) { _ = app.elapse(nanoseconds: 1_000_000_000, now: 0) }

    @Test func theClockWaitsWhileHelpTheQuitDialogOrTheCommandLineIsOpen() {
        var app = ConsoleFixture.app()
        app.state.clock.setSpeed(20)
        Self.second(&app)
        #expect(app.world.tick == 20)
        for (open, close) in [(Key.char("?"), Key.escape), (.char("q"), .char("n")), (.char(":"), .escape)] {
            _ = app.handle(open, now: 0)
            #expect(app.clockHold != nil)
            let before = app.world.tick
            for _ in 0..<5 { Self.second(&app) }
            #expect(app.world.tick == before, "no game time passes behind \(open)")
            #expect(app.render(glyphs: .unicode, now: 0).row(0).contains("PAUSED"))
            _ = app.handle(close, now: 0)
            Self.second(&app)
            #expect(app.world.tick == before + 20, "and it runs again once closed")
        }
        // A terminal too small to show the panes holds it too.
        app.resize(width: 60, height: 20)
        let before = app.world.tick
        Self.second(&app)
        #expect(app.world.tick == before)
        app.resize(width: 80, height: 24)
        Self.second(&app)
        #expect(app.world.tick == before + 20)
    }

    @Test func aTeamsClockIsTheFacilitatorsAndNeverHeld() {
        var app = ConsoleFixture.app()
        app.state.role = .team
        _ = app.handle(.char(":"), now: 0)
        #expect(app.clockHold == nil)
    }

    @Test func repeatedAAcknowledgesOneIncidentAfterAnother() throws {
        var app = ConsoleFixture.app(width: 120, height: 40)
        for (n, service) in ["router", "payments", "ordering"].enumerated() {
            try app.match.submit(Fault.hangTasks(service: service, count: 3))
            // Far enough apart that each opens an incident of its own.
            _ = app.advance(ticks: n < 2 ? World.groupingWindowSeconds + 60 : 240, now: 0)
        }
        let waiting = app.world.openIncidents.filter { $0.acknowledgedAt == nil }.map(\.id)
        #expect(waiting.count >= 3)
        _ = app.handle(.char(" "), now: 0)
        for _ in 0..<3 { _ = app.handle(.char("a"), now: 0) }
        #expect(app.state.message?.isError == false)
        let acknowledged = app.world.incidents.filter { $0.acknowledgedAt != nil }.map(\.id)
        #expect(acknowledged.count == 3, "three presses, three incidents (not one, then two refusals), at once though paused")
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("ack"), "the incidents pane shows them acknowledged before time moves")
        _ = app.handle(.char(" "), now: 0)
        _ = app.advance(ticks: 1, now: 0)
        #expect(!app.feed.entries.contains { $0.text.contains("already acknowledged") })
    }

    @Test func theBriefingScrollsToItsQuests() {
        var app = ConsoleFixture.app(playing: false)
        let first = app.render(glyphs: .unicode, now: 0).text
        #expect(first.contains("↓↑ PgDn more"), "80×24 cannot show it all, and says so")
        for _ in 0..<40 { _ = app.handle(.down, now: 0) }
        // The page as read: borders and line breaks out, so a wrapped title reads whole.
        func page(_ text: String) -> String {
            text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let last = page(app.render(glyphs: .unicode, now: 0).text)
        for quest in app.world.quests { #expect(last.contains(quest.quest.title), "\(quest.quest.title)") }
        #expect(app.state.screen == .briefing, "scrolling does not start the game")
        // On a tall terminal it fits without scrolling.
        app.resize(width: 160, height: 48)
        let tall = page(app.render(glyphs: .unicode, now: 0).text)
        for quest in app.world.quests { #expect(tall.contains(quest.quest.title)) }
        #expect(!tall.contains("PgDn more"))
    }

    @Test func questsShowWhatIsLeftOfTheirTimeWhilePlaying() {
        let app = ConsoleFixture.app(width: 120, height: 40, ticks: 60)
        let score = app.render(glyphs: .unicode, now: 0).text
        #expect(score.contains("9m00s left"), "autoscaling on web by 00:10, a minute in")
        #expect(score.contains("waiting"), "the rollback quest waits for its bad deploy")
    }

    @Test func aResolvedIncidentKeepsItsAgeAndTimesKeepTheirWidth() throws {
        var app = ConsoleFixture.app(width: 120, height: 40)
        try app.match.submit(Fault.hangTasks(service: "router", count: 3))
        while app.world.incidents.isEmpty { _ = app.advance(ticks: 1, now: 0) }
        let id = app.world.incidents[0].id
        while app.world.incidents[0].mitigatedAt == nil { _ = app.advance(ticks: 1, now: 0) }
        try app.match.submit(Command.resolve(incident: id))
        _ = app.advance(ticks: 1, now: 0)
        let age = IncidentsPane.age(app.world.incidents[0], now: app.world.tick)
        _ = app.advance(ticks: 600, now: 0)
        #expect(IncidentsPane.age(app.world.incidents[0], now: app.world.tick) == age)
        // A two-hour game writes every time in the events pane as H:MM:SS, before the hour and after.
        #expect(GameTime.short(59, within: 7_200) == "0:00:59")
        #expect(GameTime.short(3_601, within: 7_200) == "1:00:01")
        #expect(GameTime.short(59, within: 1_800) == "00:59")
    }

    @Test func aFailedDeploymentIsShownApartFromTheRunningVersion() throws {
        let scenario = try #require(BuiltInScenarios.named("crash-loop"))
        var app = ConsoleApp(match: try Match(scenario: scenario), width: 120, height: 40)
        _ = app.handle(.enter, now: 0)
        try app.match.submit(Fault.badDeploy(service: "ordering", version: "v2"))
        while app.world.service(named: "ordering")!.failedDeployment == nil && app.world.tick < 3_000 { _ = app.advance(ticks: 1, now: 0) }
        let ordering = app.world.service(named: "ordering")!
        try #require(ordering.failedDeployment != nil, "the breaker fails the crashing version")
        #expect(ServicesPane.versionText(ordering) == "v1 ✗v2")
        app.state.selectedService = "ordering"
        let frame = app.render(glyphs: .unicode, now: 0).text
        #expect(frame.contains("v1 ✗v2"))
        #expect(frame.contains("tasks still run v1"), "the inspector says what runs")
        _ = app.handle(.enter, now: 0)
        #expect(app.render(glyphs: .unicode, now: 0).text.contains("ordering · v1 ✗v2"), "and so does the detail header")
    }

    @Test func hintsDropWholeItemsAndLongLinesWrapOnW() {
        var app = ConsoleFixture.app(width: 80, height: 24, ticks: 30)
        let status = app.render(glyphs: .unicode, now: 0).row(23).trimmingCharacters(in: .whitespaces)
        let items = status.components(separatedBy: " · ")
        let known = ConsoleKeys.hints(for: app.state.activeScopes)
        #expect(items.allSatisfy(known.contains), "only whole hints: \(items)")
        _ = app.handle(.char("w"), now: 0)
        #expect(app.state.wrapLines)
        #expect(HelpOverlay.lines().contains { $0.0 == "w" })
        #expect(HelpOverlay.lines().contains { $0.0.hasPrefix("READING THE SCREEN") })
    }

    /// A short score pane shows the parts that weigh most and one line for the rest: what it
    /// shows always adds up to the score, negative parts included.
    @Test func theScoresPartsAlwaysAddUp() {
        let parts = [ScoreParts(label: "requests", points: 1_400, note: ""), ScoreParts(label: "orders", points: 1_000, note: ""),
                     ScoreParts(label: "failures", points: -5_000, note: ""), ScoreParts(label: "cost", points: -900, note: ""),
                     ScoreParts(label: "quests", points: 0, note: "")]
        let total = parts.reduce(0) { $0 + $1.points }
        for room in 2...5 {
            let shown = ScorePane.parts(parts, room: room)
            #expect(shown.count <= room)
            #expect(abs(shown.reduce(0) { $0 + $1.points } - total) < 0.001, "room \(room)")
            #expect(shown.contains { $0.label == "failures" }, "the part that weighs most is never hidden")
        }
    }

    @Test func aThirdPartyThatFailsCallsReadsCritical() throws {
        var app = ConsoleFixture.app(width: 120, height: 40, ticks: 60)
        try app.match.submit(Fault.throttle(service: "payment-provider", requestsPerSecond: 2, seconds: 600))
        _ = app.advance(ticks: 30, now: 0)
        let provider = app.world.service(named: "payment-provider")!
        #expect(ServiceHealth.of(provider, in: app.world) == .critical)
    }
}
