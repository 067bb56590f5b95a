import FleetSim
import Host
import ScreenKit

/// The facilitator's top line: the game clock and its state (not started,
/// paused, speed, over), the teams online, and how to join.
enum FacilitatorHeader {
    static func draw(into buffer: inout CellBuffer, context: FacilitatorContext) {
        let game = context.game
        let glyphs = context.glyphs
        let rect = context.layout.header
        let bar: CellAttributes = [.reverse]
        buffer.fill(rect, with: Cell(" ", role: .title, attributes: bar))
        let sep = " \(glyphs.separator) "
        var x = buffer.put(" gameday facilitator ", x: 0, y: rect.y, role: .title, attributes: [.reverse, .bold])
        func piece(_ text: String, _ role: Role = .title, _ attributes: CellAttributes = [.reverse]) {
            guard rect.maxX - x > DisplayWidth.of(text) + DisplayWidth.of(sep) else { return }
            x += buffer.put(sep, x: x, y: rect.y, role: .title, attributes: bar)
            x += buffer.put(text, x: x, y: rect.y, role: role, attributes: attributes)
        }
        piece("\(GameTime.format(game.tick)) / \(GameTime.format(game.match.durationSeconds))", .title, [.reverse, .bold])
        if game.isFinished {
            piece("GAME OVER", .paused, [.reverse, .bold])
        } else if !game.hasStarted {
            piece("\(glyphs.paused) NOT STARTED: space starts", .paused, [.reverse, .bold])
        } else if game.clock.isPaused {
            piece("\(glyphs.paused) PAUSED", .paused, [.reverse, .bold])
        } else {
            piece("\(glyphs.playing) \(game.clock.speed)×")
        }
        let people = game.peopleTeams
        let online = people.filter { game.presence[$0].people > 0 }.count
        piece("\(people.count) team\(people.count == 1 ? "" : "s") · \(online) online")
        piece(game.settings.scenario.id)
        if game.isReplay { piece(context.state.joinLine, .accent, [.reverse, .bold]) }
        // Each of the other doors on its own, so that the first (the SSH host key) shows on narrower screens.
        if !game.isReplay { for door in context.state.roomLine.components(separatedBy: " · ") where !door.isEmpty { piece(door) } }
    }
}

/// The facilitator's bottom line: the command line while typing, else the
/// result of the last action, else the keys that matter most.
enum FacilitatorStatusBar {
    static func draw(into buffer: inout CellBuffer, context: FacilitatorContext) {
        let state = context.state
        let rect = context.layout.status
        buffer.fill(rect)
        let scopes = state.activeScopes(gameOver: context.game.isFinished)
        if state.mode == .command {
            buffer.put(":", x: rect.x, y: rect.y, role: .accent, attributes: [.bold])
            let editor = state.commandLine
            // Long lines scroll so the cursor stays on screen.
            let room = max(10, rect.width * 2 / 3)
            var shown = Substring(editor.text)
            var cursorColumn = editor.cursorColumn
            while cursorColumn >= room, let first = shown.first {
                shown = shown.dropFirst()
                cursorColumn -= DisplayWidth.of(first)
            }
            buffer.put(String(shown), x: rect.x + 1, y: rect.y, role: .text, limit: room)
            let cursorX = rect.x + 1 + cursorColumn
            if cursorX < rect.maxX {
                var cell = buffer[cursorX, rect.y]
                cell.attributes.insert(.reverse)
                buffer[cursorX, rect.y] = cell
            }
            let hint: String
            var role = Role.dim
            if let message = state.message, message.isError, context.now < message.expiresAt {
                hint = "\(context.glyphs.critical) \(message.text)"
                role = .critical
            } else if !state.completions.isEmpty {
                hint = StatusBar.fitting(state.completions, width: rect.maxX - 1 - (cursorX + 3), separator: " ", countingLeftOut: true)
            } else {
                hint = ConsoleKeys.hints(for: scopes, replaying: context.game.isReplay).joined(separator: " · ")
            }
            let from = max(cursorX + 3, rect.maxX - DisplayWidth.of(hint) - 1)
            if from < rect.maxX { buffer.put(hint, x: from, y: rect.y, role: role, limit: rect.maxX - from) }
            return
        }
        if let message = state.message, context.now < message.expiresAt {
            let glyph = message.isError ? context.glyphs.critical : context.glyphs.ok
            buffer.put(Format.fit("\(glyph) \(message.text)", rect.width - 2, ellipsis: context.glyphs.ellipsis), x: rect.x + 1, y: rect.y,
                       role: message.isError ? .critical : .ok)
            return
        }
        let hints = ConsoleKeys.hints(for: scopes, replaying: context.game.isReplay)
        buffer.put(StatusBar.fitting(hints, width: rect.width - 2), x: rect.x + 1, y: rect.y, role: .dim)
    }
}
