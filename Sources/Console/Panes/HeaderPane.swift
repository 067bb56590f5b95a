import FleetSim

/// The top line: company, scenario, game clock, speed or a PAUSED flag that
/// cannot be missed, score with its trend, rank, and a flash for new incidents.
enum HeaderPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let world = context.world
        let glyphs = context.glyphs
        let state = context.state
        buffer.fill(rect, with: Cell(" ", role: .title, attributes: [.reverse]))
        var x = rect.x
        func piece(_ text: String, _ role: Role = .title, _ attributes: CellAttributes = [.reverse]) {
            guard x < rect.maxX else { return }
            x += buffer.put(text, x: x, y: rect.y, role: role, attributes: attributes, limit: rect.maxX - x)
        }
        piece(" Unicorn.Rentals ", .title, [.reverse, .bold])
        piece(glyphs.separator + " ")
        piece(Format.clock(world.tick) + " / " + Format.clock(context.match.player.durationSeconds) + " ")
        piece(glyphs.separator + " ")
        if state.clock.isPaused && state.screen == .playing {
            piece(" \(glyphs.paused) PAUSED ", .paused, [.bold, .reverse])
            piece(" ")
        } else {
            piece("\(glyphs.playing) \(state.clock.speed)× ")
        }
        piece(glyphs.separator + " ")
        let total = world.score.total
        piece("Score \(Format.fixed(total, 0)) ", .title, [.reverse, .bold])
        let trend = ScorePane.fiveMinuteChange(world)
        piece(trend >= 0 ? "\(glyphs.up)\(Format.fixed(trend, 0)) " : "\(glyphs.down)\(Format.fixed(-trend, 0)) ",
              trend >= 0 ? .scoreUp : .scoreDown, [.reverse, .bold])
        piece(glyphs.separator + " ")
        piece("Rank \(context.match.rank)/\(context.match.rivals.count + 1) ")
        if context.now < state.flashUntil, let incident = world.incidents.last {
            piece(" \(glyphs.critical) NEW INCIDENT #\(incident.id) ", .critical, [.bold, .reverse])
        } else {
            let open = world.openIncidents.filter { $0.mitigatedAt == nil }.count
            if open > 0 {
                piece(glyphs.separator + " ")
                piece("\(glyphs.critical) \(open) firing ", .critical, [.reverse, .bold])
            }
        }
        let right = " \(context.match.scenario.id)  ? help "
        if rect.maxX - x > right.count {
            buffer.put(right, x: rect.maxX - right.count, y: rect.y, role: .title, attributes: [.reverse])
        }
    }
}
