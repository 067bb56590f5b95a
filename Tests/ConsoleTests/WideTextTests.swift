import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// A CJK team name and an emoji in the scenario title: every border stays put.
@Suite struct WideTextTests {
    static let team = "ユニコーン"

    static func app(playing: Bool, ticks: Int = 0) throws -> ConsoleApp {
        let source = BuiltInScenarios.firstDay.sourceText
            .replacingOccurrences(of: "title: First day at Unicorn.Rentals", with: "title: 🦄 First day")
        let scenario = try ScenarioFile.parse(source, file: "first-day-emoji.yaml")
        #expect(scenario.title == "🦄 First day")
        var app = ConsoleApp(match: try Match(scenario: scenario, seed: 1, teamName: team), width: 120, height: 40)
        if playing { _ = app.handle(.enter, now: 0) }
        if ticks > 0 { _ = app.advance(ticks: ticks, now: 0) }
        return app
    }

    @Test func playingFrame120x40() throws {
        let app = try Self.app(playing: true, ticks: 15 * 60)
        let buffer = app.render(glyphs: .unicode, now: 1_000_000)
        #expect(buffer.text.contains("\(Self.team) (your"))
        let problems = ColumnCheck.problems(in: buffer, panes: app.layout.panes.map(\.rect))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The right-hand border of every pane row is in the last column.
        for line in buffer.text.split(separator: "\n").dropFirst().dropLast() {
            #expect(ColumnCheck.columns(of: ["│", "╮", "╯"], in: line).last == 119, "'\(line)'")
        }
        Snapshot.assert(buffer.text, named: "wide-names-120x40")
    }

    @Test func briefingWithAnEmojiTitle120x40() throws {
        let app = try Self.app(playing: false)
        let buffer = app.render(glyphs: .unicode, now: 1_000_000)
        #expect(buffer.text.contains("Unicorn.Rentals · 🦄 First day"))
        let window = BriefingScreen.fittedWindow(context: RenderContext(match: app.match, team: 0, state: app.state, glyphs: .unicode, layout: app.layout, now: 0))
        let problems = ColumnCheck.problems(in: buffer, panes: [window])
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let top = buffer.row(window.y)
        #expect(ColumnCheck.columns(of: ["╭", "╮"], in: top) == [window.x, window.maxX - 1], "'\(top)'")
        Snapshot.assert(buffer.text, named: "wide-title-briefing-120x40")
    }

    @Test func asciiFrameKeepsTheColumns() throws {
        let app = try Self.app(playing: true, ticks: 15 * 60)
        let buffer = app.render(glyphs: .ascii, now: 1_000_000)
        #expect(buffer.text.unicodeScalars.allSatisfy { $0.isASCII })
        let problems = ColumnCheck.problems(in: buffer, panes: app.layout.panes.map(\.rect), border: "|")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
