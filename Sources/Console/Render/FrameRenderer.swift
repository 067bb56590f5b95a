import FleetSim
import ScreenKit
import Session

/// Composes one frame: a pure function of the game, the UI state, the glyph
/// set, the terminal size and the time, into a cell buffer.
public enum FrameRenderer {
    public static func render(match: Match, team: Int = 0, state: ConsoleState, width: Int, height: Int, glyphs: Glyphs, now: UInt64) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        // A replay gives up one row to its timeline bar.
        let replaying = state.replay != nil
        let layout = layout(world: match.teams[team].world, state: state, width: width, height: replaying ? height - 1 : height)
        guard layout.kind != .tooSmall else {
            TooSmallNotice.draw(into: &buffer)
            if glyphs.isASCII { buffer.transliterateToASCII() }
            return buffer
        }
        let context = RenderContext(match: match, team: team, state: state, glyphs: glyphs, layout: layout, now: now)
        HeaderPane.draw(into: &buffer, rect: layout.header, context: context)
        // Each pane draws inside its own rectangle: nothing runs under a neighbour.
        for (pane, rect) in layout.panes {
            buffer.clip = rect
            draw(pane, into: &buffer, rect: rect, context: context)
            buffer.clip = nil
        }
        if layout.kind == .compact, let rect = layout.rect(of: state.tab) ?? layout.panes.last?.rect {
            drawTabs(into: &buffer, rect: rect, context: context)
        }
        if replaying {
            TimelineBar.draw(into: &buffer, y: height - 2, width: width, context: context)
            StatusBar.draw(into: &buffer, rect: Rect(x: 0, y: height - 1, width: width, height: 1), context: context)
        } else {
            StatusBar.draw(into: &buffer, rect: layout.status, context: context)
        }
        switch state.screen {
        case .briefing: BriefingScreen.draw(into: &buffer, context: context)
        case .ended: EndScreen.draw(into: &buffer, context: context)
        case .playing: break
        }
        switch state.overlay {
        case .none: break
        case .help: HelpOverlay.draw(into: &buffer, context: context)
        case .detail: DetailOverlay.draw(into: &buffer, context: context)
        case .quitConfirm: QuitConfirmOverlay.draw(into: &buffer, context: context)
        }
        if let notice = state.notice, now < notice.expiresAt, state.overlay == .none, state.screen == .playing {
            NoticeBox.draw(notice, into: &buffer, context: context)
        }
        if glyphs.isASCII { buffer.transliterateToASCII() }
        return buffer
    }

    public static func layout(world: World, state: ConsoleState, width: Int, height: Int) -> ScreenLayout {
        ScreenLayout(width: width, height: height, tab: state.tab, serviceCount: world.services.count,
                     scalableCount: world.services.filter(\.spec.runsTasks).count)
    }

    static func draw(_ pane: Pane, into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        switch pane {
        case .services: ServicesPane.draw(into: &buffer, rect: rect, context: context)
        case .scaling: ScalingPane.draw(into: &buffer, rect: rect, context: context)
        case .incidents: IncidentsPane.draw(into: &buffer, rect: rect, context: context)
        case .score: ScorePane.draw(into: &buffer, rect: rect, context: context)
        case .events: EventsPane.draw(into: &buffer, rect: rect, context: context)
        case .inspector: InspectorPane.draw(into: &buffer, rect: rect, context: context)
        case .logs: LogsPane.draw(into: &buffer, rect: rect, context: context)
        }
    }

    /// The compact layout's tab strip along the bottom edge of the tabbed pane.
    static func drawTabs(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        var x = rect.x + 2
        let y = rect.maxY - 1
        for (n, pane) in Pane.tabbed.enumerated() {
            let active = pane == context.state.tab
            let label = "\(n + 1) \(active ? pane.title : pane.shortTitle)"
            guard x + DisplayWidth.of(label) < rect.maxX - 1 else { break }
            x += buffer.put(label, x: x, y: y, role: active ? .selection : .dim, attributes: active ? [.bold] : []) + 1
        }
    }
}
