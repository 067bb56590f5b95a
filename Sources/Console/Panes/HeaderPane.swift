import FleetSim
import ScreenKit

/// The top line: company, game clock, speed or a PAUSED flag that cannot be
/// missed, score with its five-minute trend, rank, and a flash for new
/// incidents. On a narrow terminal the least important pieces drop out first.
enum HeaderPane {
    private struct Piece {
        var text: String
        var role: Role
        var attributes: CellAttributes
        /// Lower numbers survive longer when space runs out.
        var priority: Int
        /// Joined to the previous piece by a space instead of a separator.
        var attached = false
    }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let world = context.world
        let glyphs = context.glyphs
        let state = context.state
        buffer.fill(rect, with: Cell(" ", role: .title, attributes: [.reverse]))
        let bar: CellAttributes = [.reverse]
        var pieces: [Piece] = [
            Piece(text: " Unicorn.Rentals ", role: .title, attributes: [.reverse, .bold], priority: 0),
            Piece(text: GameTime.format(world.tick), role: .title, attributes: bar, priority: 0),
            // A replay ends where its recording does (the timeline bar says the same).
            Piece(text: "/ " + GameTime.format(state.replay?.endTick ?? context.match.durationSeconds), role: .title, attributes: bar, priority: 4, attached: true),
        ]
        let hold = state.clockHold(tooSmall: context.layout.kind == .tooSmall)
        switch state.screen {
        case .briefing:
            pieces.append(Piece(text: "briefing", role: .title, attributes: bar, priority: 1))
        case .ended:
            pieces.append(Piece(text: "game over", role: .title, attributes: [.reverse, .bold], priority: 0))
        case .playing where state.clock.isPaused:
            pieces.append(Piece(text: "\(glyphs.paused) \(state.pausedText)", role: .paused, attributes: [.bold, .reverse], priority: 0))
        case .playing where hold != nil:
            pieces.append(Piece(text: "\(glyphs.paused) \(hold!.text)", role: .paused, attributes: [.bold, .reverse], priority: 0))
        case .playing:
            pieces.append(Piece(text: "\(glyphs.playing) \(state.clock.speed)×", role: .title, attributes: bar, priority: 1))
        }
        pieces.append(Piece(text: "Score \(Format.fixed(world.score.total, 0))", role: .title, attributes: [.reverse, .bold], priority: 0))
        let trend = world.score.fiveMinuteChange
        pieces.append(Piece(text: ScoreChange.arrow(trend, glyphs: glyphs) + Format.fixed(abs(trend), 0),
                            role: ScoreChange.role(trend), attributes: [.reverse, .bold], priority: 3, attached: true))
        pieces.append(Piece(text: "Rank \(context.rank)/\(context.match.teams.count)", role: .title, attributes: bar, priority: 2))
        if context.now < state.flashUntil, let incident = world.incidents.last {
            pieces.append(Piece(text: "\(glyphs.critical) NEW INCIDENT #\(incident.id)", role: .critical, attributes: [.bold, .reverse], priority: 0))
        } else {
            let firing = IncidentsPane.firing(world)
            if firing > 0 {
                pieces.append(Piece(text: "\(glyphs.critical) \(firing) firing", role: .critical, attributes: [.reverse, .bold], priority: 1))
            }
        }
        // Drop the least important pieces until the line fits.
        let separator = " \(glyphs.separator) "
        var kept = pieces
        func width(_ list: [Piece]) -> Int {
            list.enumerated().reduce(0) { sum, item in
                sum + DisplayWidth.of(item.element.text) + (item.offset == 0 ? 0 : item.element.attached ? 1 : DisplayWidth.of(separator))
            }
        }
        while width(kept) > rect.width, let worst = kept.map(\.priority).max(), worst > 0 {
            kept.remove(at: kept.lastIndex { $0.priority == worst }!)
        }
        var x = rect.x
        for (n, piece) in kept.enumerated() {
            if n > 0 {
                x += buffer.put(piece.attached ? " " : separator, x: x, y: rect.y, role: .title, attributes: bar, limit: rect.maxX - x)
            }
            x += buffer.put(piece.text, x: x, y: rect.y, role: piece.role, attributes: piece.attributes, limit: rect.maxX - x)
        }
        let right = " \(context.match.scenario.id)  ? help "
        if rect.maxX - x > DisplayWidth.of(right) + 2 {
            buffer.put(right, x: rect.maxX - DisplayWidth.of(right), y: rect.y, role: .title, attributes: bar)
        }
    }
}
