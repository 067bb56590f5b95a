import ScreenKit

/// The bottom line: the command line or filter while typing, otherwise the
/// result of the last action or the keys that matter most.
enum StatusBar {
    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        let state = context.state
        buffer.fill(rect)
        switch state.mode {
        case .command, .filter:
            let editor = state.mode == .command ? state.commandLine : state.filter
            let prompt = state.mode == .command ? ":" : "/"
            buffer.put(prompt, x: rect.x, y: rect.y, role: .accent, attributes: [.bold])
            buffer.put(editor.text, x: rect.x + 1, y: rect.y, role: .text, limit: rect.width - 2)
            let cursorX = rect.x + 1 + editor.cursorColumn
            if cursorX < rect.maxX {
                var cell = buffer[cursorX, rect.y]
                cell.attributes.insert(.reverse)
                buffer[cursorX, rect.y] = cell
            }
            // Right of what is typed: an error, the completions, or the keys, whole items only.
            let room = rect.maxX - 1 - (cursorX + 3)
            let hint: String
            var role = Role.dim
            if let message = state.message, message.isError, context.now < message.expiresAt, state.mode == .command {
                hint = "\(context.glyphs.critical) \(message.text)"
                role = .critical
            } else if !state.completions.isEmpty {
                hint = fitting(Array(state.completions.prefix(12)), width: room, separator: " ")
            } else {
                hint = fitting(ConsoleKeys.hints(for: state.activeScopes, role: state.role), width: room)
            }
            let start = max(cursorX + 3, rect.maxX - DisplayWidth.of(hint) - 1)
            if start < rect.maxX && !hint.isEmpty { buffer.put(hint, x: start, y: rect.y, role: role, limit: rect.maxX - start) }
        case .normal:
            if let message = state.message, context.now < message.expiresAt {
                let glyph = message.isError ? context.glyphs.critical : context.glyphs.ok
                buffer.put("\(glyph) \(message.text)", x: rect.x + 1, y: rect.y, role: message.isError ? .critical : .ok, limit: rect.width - 2)
                return
            }
            let hints = Self.fitting(ConsoleKeys.hints(for: state.activeScopes, role: state.role), width: rect.width - 2 - (state.muted ? 11 : 0))
            buffer.put(hints, x: rect.x + 1, y: rect.y, role: .dim, limit: rect.width - 2)
            if state.muted { buffer.putRight("bell muted ", endX: rect.maxX, y: rect.y, role: .dim) }
        }
    }

    /// The items joined, dropping whole items from the end until they fit.
    static func fitting(_ items: [String], width: Int, separator: String = " · ") -> String {
        var kept = items
        while !kept.isEmpty && DisplayWidth.of(kept.joined(separator: separator)) > width { kept.removeLast() }
        return kept.joined(separator: separator)
    }
}
