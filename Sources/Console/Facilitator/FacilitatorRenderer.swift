import FleetSim
import Host
import ScreenKit
import Session

/// Everything a facilitator pane needs to draw one frame.
struct FacilitatorContext {
    let app: FacilitatorApp
    let game: FacilitatedGame
    let glyphs: Glyphs
    let layout: FacilitatorLayout
    let now: UInt64
    /// Computed once a frame: every pane reads the same ranking.
    let leaderboard: [LeaderboardRow]

    var state: FacilitatorState { app.state }
    var selectedTeam: Int? { app.selectedTeam(in: game) }

    func isFocused(_ pane: FacilitatorPane) -> Bool { state.focus == pane && state.overlay == .none && state.mode == .normal }
}

/// Composes the facilitator's frame: a pure function of the game, the
/// console's state, the glyphs, the size and the time.
enum FacilitatorRenderer {
    static func render(app: FacilitatorApp, game: FacilitatedGame, glyphs: Glyphs, now: UInt64) -> CellBuffer {
        var buffer = CellBuffer(width: app.width, height: app.height)
        let layout = app.layout
        guard layout.kind != .tooSmall else {
            TooSmallNotice.draw(into: &buffer)
            if glyphs.isASCII { buffer.transliterateToASCII() }
            return buffer
        }
        let context = FacilitatorContext(app: app, game: game, glyphs: glyphs, layout: layout, now: now, leaderboard: game.leaderboard)
        if app.state.overlay == .shoulder, let console = app.shoulderApp(game: game) {
            let team = console.render(glyphs: glyphs, now: now)
            for y in 0..<min(team.height, buffer.height - 1) {
                for x in 0..<min(team.width, buffer.width) { buffer[x, y] = team[x, y] }
            }
            ShoulderBar.draw(into: &buffer, context: context, team: game.match.teams[app.state.shoulderTeam].name)
            if glyphs.isASCII { buffer.transliterateToASCII() }
            return buffer
        }
        FacilitatorHeader.draw(into: &buffer, context: context)
        if game.isFinished {
            ResultsScreen.draw(into: &buffer, context: context)
        } else {
            for (pane, rect) in layout.panes {
                switch pane {
                case .teams: LeaderboardPane.draw(into: &buffer, rect: rect, context: context)
                case .truth: TruthPane.draw(into: &buffer, rect: rect, context: context)
                case .injects: UpcomingInjectsPane.draw(into: &buffer, rect: rect, context: context)
                case .deck: FaultDeckPane.draw(into: &buffer, rect: rect, context: context)
                case .log: SessionLogPane.draw(into: &buffer, rect: rect, context: context)
                }
            }
            if layout.kind == .compact, let rect = layout.rect(of: app.state.tab) { drawTabs(into: &buffer, rect: rect, context: context) }
        }
        FacilitatorStatusBar.draw(into: &buffer, context: context)
        switch app.state.overlay {
        case .help:
            HelpOverlay.draw(into: &buffer, width: app.width, height: app.height, scroll: app.state.helpScroll, glyphs: glyphs, facilitator: true,
                              doors: app.state.doorLines)
        case .quitConfirm:
            let rect = Window.centered(width: 56, height: 6, in: (app.width, app.height))
            Window.open(rect, title: "End the game day?", into: &buffer, glyphs: glyphs)
            buffer.put("Every team's game stops; recordings are kept.", x: rect.x + 2, y: rect.y + 2, role: .text, limit: rect.width - 4)
            buffer.put("y end it now    n keep going", x: rect.x + 2, y: rect.y + 3, role: .accent, attributes: [.bold])
        case .debrief:
            if let debrief = app.state.debrief { DebriefWindow.draw(debrief, into: &buffer, context: context) }
        case .none, .shoulder: break
        }
        if glyphs.isASCII { buffer.transliterateToASCII() }
        return buffer
    }

    /// The compact layout's tab strip along the bottom edge of the tabbed pane.
    static func drawTabs(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        var x = rect.x + 2
        let y = rect.maxY - 1
        for (n, pane) in FacilitatorPane.tabbed.enumerated() {
            let active = pane == context.state.tab
            let label = "\(n + 1) \(active ? pane.title : pane.shortTitle)"
            guard x + DisplayWidth.of(label) < rect.maxX - 1 else { break }
            x += buffer.put(label, x: x, y: y, role: active ? .selection : .dim, attributes: active ? [.bold] : []) + 1
        }
    }
}

/// The line under a watched team's console: whose it is and how to leave.
enum ShoulderBar {
    static func draw(into buffer: inout CellBuffer, context: FacilitatorContext, team: String) {
        let y = buffer.height - 1
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), with: Cell(" ", role: .accent, attributes: [.reverse]))
        let hints = ConsoleKeys.hints(for: [.shoulder]).joined(separator: " · ")
        let text = " WATCHING \(team) (read-only) · \(hints) "
        buffer.put(text, x: 0, y: y, role: .accent, attributes: [.reverse, .bold], limit: buffer.width)
    }
}

/// A team's debrief, scrollable, over the results.
enum DebriefWindow {
    /// The debrief's lines as a terminal shows Markdown, wrapped to a screen `width` wide.
    static func rows(_ debrief: DebriefView, width: Int) -> [MarkdownOnScreen.Line] {
        MarkdownOnScreen.lines(debrief.lines, width: max(10, width - 4))
    }

    /// Rows the window shows at once on a screen `height` tall.
    static func page(height: Int) -> Int { max(1, height - 4) }

    static func draw(_ debrief: DebriefView, into buffer: inout CellBuffer, context: FacilitatorContext) {
        let rect = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 2)
        let inner = rect.inner
        let rows = Self.rows(debrief, width: buffer.width)
        let scroll = min(debrief.scroll, max(0, rows.count - inner.height))
        let position = rows.count > inner.height ? " \(min(rows.count, scroll + inner.height)) of \(rows.count)" : ""
        Window.open(rect, title: "Debrief: \(debrief.team) (Esc closes, ↑↓ PgDn scroll\(position))", into: &buffer, glyphs: context.glyphs)
        for (n, line) in rows.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x + 1, y: inner.y + n, role: line.isHeading ? .title : .text,
                       attributes: line.isHeading ? [.bold] : [], limit: inner.width - 2)
        }
    }
}
