import FleetSim
import Foundation
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// The screen review a person would do, for every shipped scenario at
/// 80×24, 120×40 and 200×60, at the start, at the first incident and at
/// the end (the last minute of play and the game-over report), every tab of
/// the compact layout included:
/// - no text is cut without "…" (a cut whose "…" was overwritten is a silent cut),
/// - no word runs into a pane's right border,
/// - table columns keep their places on every row,
/// - a number shown in two places is the same number.
@Suite(.serialized) struct ScreenReviewTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    enum Moment: String, CaseIterable { case briefing, start, firstIncident, lastMinute, gameOver }

    /// Every frame worth reviewing for one scenario: (what it shows, the console, the frame).
    static func frames(_ scenario: Scenario) throws -> [(String, ConsoleApp, CellBuffer)] {
        var app = ConsoleApp(match: try Match(scenario: scenario), width: 200, height: 60)
        var out: [(String, ConsoleApp, CellBuffer)] = []
        func shoot(_ moment: Moment) {
            for (width, height) in sizes {
                var sized = app
                sized.resize(width: width, height: height)
                let tabs: [Pane] = sized.layout.kind == .compact && sized.state.screen == .playing ? Pane.tabbed : [sized.state.tab]
                for tab in tabs {
                    sized.state.tab = tab
                    let name = "\(scenario.id) \(moment.rawValue) \(width)×\(height)" + (tabs.count > 1 ? " tab \(tab.title)" : "")
                    out.append((name, sized, sized.render(glyphs: .unicode, now: 1_000_000)))
                }
            }
        }
        shoot(.briefing)
        _ = app.handle(.enter, now: 0)
        _ = app.advance(ticks: 30, now: 0)
        shoot(.start)
        while app.world.incidents.isEmpty && app.world.tick < app.match.durationSeconds - 60 { _ = app.advance(ticks: 1, now: 0) }
        _ = app.advance(ticks: 5, now: 0)
        // Select the incident's service, so the inspector and logs show what the player would look at.
        if let incident = app.world.incidents.first, app.world.service(named: incident.subject) != nil {
            app.state.selectedService = incident.subject
        }
        shoot(.firstIncident)
        _ = app.advance(ticks: max(0, app.match.durationSeconds - 1 - app.world.tick), now: 0)
        shoot(.lastMinute)
        _ = app.advance(ticks: 1, now: 0)
        shoot(.gameOver)
        return out
    }

    // MARK: The checks

    /// Cuts whose "…" is gone: text cut short without saying so.
    static func silentCuts(_ buffer: CellBuffer) -> [String] {
        buffer.cuts.filter { buffer[$0.ellipsisX, $0.y].character != "…" }.map { "cut without …: '\($0.text)' at row \($0.y)" }
    }

    /// Rows of a pane whose text touches its right border in the middle of a word.
    static func wordsIntoBorders(_ buffer: CellBuffer, layout: ScreenLayout) -> [String] {
        var problems: [String] = []
        for (pane, rect) in layout.panes {
            for y in (rect.y + 1)..<(rect.maxY - 1) {
                let last = buffer[rect.maxX - 2, y].character, before = buffer[rect.maxX - 3, y].character
                if last.isLetter && (before.isLetter || before.isNumber) {
                    problems.append("\(pane.title): a word runs into the border at row \(y): '\(buffer.row(y))'")
                }
            }
        }
        return problems
    }

    /// Tables whose rows put something in the gap before a column: the columns no longer line up.
    static func shiftedColumns(_ buffer: CellBuffer, layout: ScreenLayout, app: ConsoleApp) -> [String] {
        var tables: [(String, Table, Int, Range<Int>)] = []
        if let rect = layout.rect(of: .services) {
            let rows = min(app.world.services.count, ServicesPane.rows(in: rect))
            tables.append(("services", ServicesPane.table(width: rect.inner.width - 2), rect.inner.x + 2, rect.inner.y..<(rect.inner.y + 1 + rows)))
        }
        if let rect = layout.rect(of: .scaling) {
            let rows = min(app.world.services.filter(\.spec.runsTasks).count, rect.inner.height - 1)
            tables.append(("scaling", ScalingPane.table(width: rect.inner.width), rect.inner.x, rect.inner.y..<(rect.inner.y + 1 + rows)))
        }
        if let rect = layout.rect(of: .incidents), !app.world.incidents.isEmpty, IncidentsPane.linesPerIncident(in: rect) == 1 {
            let rows = min(app.world.incidents.count, IncidentsPane.rows(in: rect, focused: false))
            tables.append(("incidents", IncidentsPane.table(width: rect.inner.width, titleInline: true), rect.inner.x, rect.inner.y..<(rect.inner.y + 1 + rows)))
        }
        var problems: [String] = []
        for (name, table, x, rows) in tables {
            if !table.fits { problems.append("\(name): its columns are wider than the pane") }
            for y in rows {
                for offset in table.offsets.dropFirst() where offset - 1 < table.width {
                    let gap = buffer[x + offset - 1, y]
                    if gap.character != " " || gap.isContinuation {
                        problems.append("\(name): column at \(offset) shifted on row \(y): '\(buffer.row(y))'")
                    }
                }
            }
        }
        return problems
    }

    /// The text of a pane's inner area, one string per row.
    static func rows(of pane: Pane, _ buffer: CellBuffer, layout: ScreenLayout) -> [String] {
        guard let rect = layout.rect(of: pane) else { return [] }
        return (rect.y..<rect.maxY).map { y in
            String(buffer.row(y).dropFirst(rect.x).prefix(rect.width))
        }
    }

    static func firstMatch(_ pattern: String, in text: String) -> [String]? {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<match.numberOfRanges).map { ns.substring(with: match.range(at: $0)) }
    }

    static func number(_ text: String) -> Double? { Double(text.replacingOccurrences(of: ",", with: "")) }

    /// Figures shown twice that do not agree.
    static func disagreements(_ buffer: CellBuffer, layout: ScreenLayout, app: ConsoleApp) -> [String] {
        var problems: [String] = []
        let header = buffer.row(0)
        let score = rows(of: .score, buffer, layout: layout).joined(separator: "\n")
        if let h = firstMatch("Score (-?[0-9,]+)", in: header).flatMap({ number($0[0]) }),
           let p = firstMatch("Score +(-?[0-9,]+)", in: score).flatMap({ number($0[0]) }), h != p {
            problems.append("score: header \(h), score pane \(p)")
        }
        if let h = firstMatch("[▲▼=](-?[0-9,]+) ", in: header).flatMap({ number($0[0]) }),
           let p = firstMatch("5 min [▲▼=] ([-+]?[0-9,]+)", in: score).flatMap({ number($0[0]) }), abs(h) != abs(p) {
            problems.append("five-minute change: header \(h), score pane \(p)")
        }
        if let h = firstMatch("Rank ([0-9]+)/([0-9]+)", in: header) {
            if let place = firstMatch("([0-9]+)\\. [^\n]*\\(your team\\)", in: score), place[0] != h[0] {
                problems.append("rank: header \(h[0]), score pane \(place[0])")
            }
            if let line = firstMatch("Rank ([0-9]+)/([0-9]+)", in: score), line != h { problems.append("rank: header \(h), score pane \(line)") }
        }
        let incidentsTitle = rows(of: .incidents, buffer, layout: layout).first ?? ""
        let headerFiring = firstMatch("([0-9]+) firing", in: header).map { $0[0] } ?? "0"
        if layout.rect(of: .incidents) != nil, !header.contains("NEW INCIDENT") {
            let paneFiring = firstMatch("([0-9]+) firing", in: incidentsTitle).map { $0[0] } ?? "0"
            if headerFiring != paneFiring { problems.append("firing incidents: header \(headerFiring), incidents pane \(paneFiring)") }
        }
        // The selected service's task counts: services row, scaling row, inspector.
        let name = app.state.selectedService
        guard let service = app.world.service(named: name), service.spec.runsTasks else { return problems }
        let servicesRow = rows(of: .services, buffer, layout: layout).first { $0.dropFirst(3).hasPrefix(name + " ") }
        let tasks = servicesRow.flatMap { firstMatch(" ([0-9]+)/([0-9]+)", in: $0) }
        let scalingRow = rows(of: .scaling, buffer, layout: layout).first { $0.dropFirst(1).hasPrefix(name + " ") }
        let inspector = rows(of: .inspector, buffer, layout: layout).joined(separator: " ")
        if let tasks, let d = firstMatch("desired[ \u{A0}]([0-9]+) · running[ \u{A0}]([0-9]+)", in: inspector), d[0] != tasks[1] || d[1] != tasks[0] {
            problems.append("\(name): services pane \(tasks[0])/\(tasks[1]) running/desired, inspector desired \(d[0]) running \(d[1])")
        }
        if let tasks, let scalingRow {
            let table = ScalingPane.table(width: layout.rect(of: .scaling)!.inner.width)
            let i = table.columns.firstIndex { $0.title == Figure.desired.header }!
            let desired = String(scalingRow.dropFirst(1 + table.offsets[i]).prefix(table.columns[i].width)).trimmingCharacters(in: .whitespaces)
            if desired != tasks[1] { problems.append("\(name): services pane desired \(tasks[1]), scaling pane \(desired)") }
        }
        return problems
    }

    @Test(arguments: BuiltInScenarios.all.map(\.id))
    func everyPaneReadsRightAtEverySize(scenario id: String) throws {
        let scenario = BuiltInScenarios.all.first { $0.id == id }!
        var checked = 0
        for (name, app, buffer) in try Self.frames(scenario) {
            let layout = app.layout
            var problems = Self.silentCuts(buffer)
            if app.state.screen == .playing {
                problems += Self.wordsIntoBorders(buffer, layout: layout)
                problems += Self.shiftedColumns(buffer, layout: layout, app: app)
                problems += Self.disagreements(buffer, layout: layout, app: app)
            }
            for problem in problems { Issue.record("\(name): \(problem)") }
            checked += 1
        }
        #expect(checked == Moment.allCases.count * Self.sizes.count + 3 * Pane.tabbed.count - 3, "every moment at every size, every compact tab")
    }

    /// The checks themselves catch what they are for.
    @Test func theChecksCatchACutWithoutEllipsisAndAShiftedColumn() {
        var buffer = CellBuffer(width: 20, height: 3)
        buffer.put("a long line of text", x: 0, y: 0, limit: 10)
        #expect(Self.silentCuts(buffer).isEmpty)
        buffer.put("xy", x: 8, y: 0)
        #expect(Self.silentCuts(buffer).count == 1, "its … overwritten: a silent cut")
        var app = ConsoleFixture.app(width: 120, height: 40, ticks: 30)
        app.state.selectedService = "web"
        var frame = app.render(glyphs: .unicode, now: 1_000_000)
        #expect(Self.shiftedColumns(frame, layout: app.layout, app: app).isEmpty)
        let row = ServicesPane.firstRowY(in: app.layout.rect(of: .services)!)
        #expect(Self.disagreements(frame, layout: app.layout, app: app).isEmpty)
        frame.put("XXXXXXXXXXXXXXXXXXXXXXXX", x: 3, y: row)
        #expect(!Self.shiftedColumns(frame, layout: app.layout, app: app).isEmpty)
        let header = frame.row(0)
        let score = header.range(of: "Score ")!
        frame.put("Score 99999", x: header.distance(from: header.startIndex, to: score.lowerBound), y: 0)
        #expect(Self.disagreements(frame, layout: app.layout, app: app).contains { $0.hasPrefix("score:") }, "a header that disagrees with the score pane")
    }
}
