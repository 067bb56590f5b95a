import FleetSim
import Host
import ScreenKit

/// The injects still to come: the scenario's timeline and the facilitator's
/// planned injects, with their number (for `fire N`, `delay N`, `skip N`),
/// time, fault, target and origin; skipped ones stay listed until their time.
enum UpcomingInjectsPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        let focused = context.isFocused(.injects)
        let game = context.game
        let upcoming = game.timeline.upcoming(now: game.tick)
        buffer.box(rect, title: "Upcoming injects (\(upcoming.filter(\.isUpcoming).count))", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let glyphs = context.glyphs
        guard !upcoming.isEmpty else {
            buffer.put(Format.fit("Nothing more on the timeline. Inject from the deck (i).", inner.width - 1, ellipsis: glyphs.ellipsis), x: inner.x + 1, y: inner.y, role: .dim)
            return
        }
        let selected = context.app.selectedEntry(in: game)?.id
        let rows = max(0, inner.height - 1 - (focused ? 1 : 0))
        let index = upcoming.firstIndex { $0.id == selected } ?? 0
        var view = context.state.injectsView
        view.reveal(index, rows: rows, count: upcoming.count)
        let offset = view.offset(rows: rows, count: upcoming.count)
        let targetWidth = min(14, max(6, inner.width / 6))
        // The time left goes first when space is short: the time it fires says it too.
        let inWidth = inner.width >= 70 ? 7 : 0
        let faultWidth = max(10, inner.width - 1 - 4 - 9 - inWidth - (targetWidth + 1) - 9)
        buffer.put(Format.fit("#", 4) + Format.fit("AT", 9) + Format.fit("IN", inWidth) + Format.fit("FAULT", faultWidth) + " " + Format.fit("TO", targetWidth)
                   + " FROM", x: inner.x + 1, y: inner.y, role: .dim, attributes: [.bold], limit: inner.width - 1)
        for (n, entry) in upcoming.dropFirst(offset).prefix(rows).enumerated() {
            let y = inner.y + 1 + n
            let skipped = entry.state == .skipped
            let role: Role = skipped ? .dim : entry.tick - game.tick < 120 ? .warning : .text
            // A skipped inject says so where its time to go would be; FROM always says whose it is.
            let at = skipped && inWidth == 0 ? "skipped" : GameTime.format(entry.tick)
            var line = Format.fit("#\(entry.id)", 4) + Format.fit(at, 9)
            line += Format.fit(skipped ? "skip" : Format.duration(entry.tick - game.tick), inWidth)
            line += Format.fit(entry.fault.readable, faultWidth, ellipsis: glyphs.ellipsis) + " " + Format.fit(entry.target.text, targetWidth, ellipsis: glyphs.ellipsis)
            line += " " + (entry.origin == .scenario ? "timeline" : "you")
            buffer.put(line, x: inner.x + 1, y: y, role: role, limit: inner.width - 1)
            if entry.id == selected {
                buffer[inner.x, y] = Cell(glyphs.selectionMarker.unicodeScalars.first!, role: focused ? .selection : .accent, attributes: [.bold])
                if focused { buffer.restyle(Rect(x: inner.x + 1, y: y, width: 3, height: 1), role: .selection, attributes: [.bold]) }
            }
        }
        if focused {
            buffer.put(Format.fit("f fire now · > delay 1 min · x skip / put back", inner.width - 1, ellipsis: glyphs.ellipsis), x: inner.x + 1, y: inner.maxY - 1, role: .dim)
        }
    }
}

/// The fault catalogue to inject from: each fault's usage and what it does.
/// Enter or i prefills an inject into the selected team, I into every team.
enum FaultDeckPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        let focused = context.isFocused(.deck)
        buffer.box(rect, title: "Fault deck (gameday faults)", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let kinds = FaultKinds.all
        let rows = max(0, inner.height - (focused ? 1 : 0))
        var view = context.state.deckView
        view.reveal(context.state.selectedFault, rows: rows, count: kinds.count)
        let offset = view.offset(rows: rows, count: kinds.count)
        let usageWidth = min(40, max(16, inner.width / 2))
        for (n, kind) in kinds.enumerated().dropFirst(offset).prefix(rows) {
            let y = inner.y + n - offset
            let line = Format.fit(kind.usage, usageWidth, ellipsis: context.glyphs.ellipsis) + " " + kind.summary
            buffer.put(Format.fit(line, inner.width - 2, ellipsis: context.glyphs.ellipsis), x: inner.x + 1, y: y, role: .text)
            if n == context.state.selectedFault {
                buffer[inner.x, y] = Cell(context.glyphs.selectionMarker.unicodeScalars.first!, role: focused ? .selection : .accent, attributes: [.bold])
                if focused { buffer.restyle(Rect(x: inner.x + 1, y: y, width: min(usageWidth, kind.name.count), height: 1), role: .selection, attributes: [.bold]) }
            }
        }
        if focused {
            let team = context.selectedTeam.map { context.game.match.teams[$0].name } ?? "all"
            buffer.put(Format.fit("Enter/i inject into \(team) · I into every team · Tab completes", inner.width - 1, ellipsis: context.glyphs.ellipsis),
                       x: inner.x + 1, y: inner.maxY - 1, role: .dim)
        }
    }
}

/// The session log: joins, injects and where they went, broadcasts, hints,
/// pauses; newest at the bottom.
enum SessionLogPane {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: FacilitatorContext) {
        let focused = context.isFocused(.log)
        let log = context.game.log
        let scroll = min(context.state.logScroll, max(0, log.count - 1))
        buffer.box(rect, title: scroll > 0 ? "Session log (↑\(scroll))" : "Session log", glyphs: context.glyphs, focused: focused)
        let inner = rect.inner
        let shown = log.dropLast(scroll).suffix(inner.height)
        var y = inner.maxY - shown.count
        for event in shown {
            let x = inner.x + 1 + buffer.put(GameTime.short(event.tick, within: context.game.match.durationSeconds) + " ", x: inner.x + 1, y: y, role: .dim)
            let role: Role
            switch event.kind {
            case .inject, .planned: role = .warning
            case .broadcast, .hint: role = .accent
            case .disconnected: role = .dim
            default: role = .text
            }
            buffer.put(Format.fit(event.message, inner.maxX - 1 - x, ellipsis: context.glyphs.ellipsis).trimmingTrailingSpaces, x: x, y: y, role: role)
            y += 1
        }
        if log.isEmpty {
            buffer.put(Format.fit("Nothing yet: teams joining and your injects show here.", inner.width - 1, ellipsis: context.glyphs.ellipsis),
                       x: inner.x + 1, y: inner.y, role: .dim)
        }
    }
}
