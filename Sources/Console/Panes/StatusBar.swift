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
            var error: String?
            if let message = state.message, message.isError, context.now < message.expiresAt, state.mode == .command {
                error = "\(context.glyphs.critical) \(message.text)"
            }
            // An error keeps its place at the right; the text scrolls in what is left,
            // so the cursor, the end of what was typed and the error all show.
            let available = rect.width - 2
            let reserved = error.map { min(DisplayWidth.of($0) + 1, max(0, available - max(12, available / 3))) } ?? 0
            let textWidth = available - reserved
            let window = editor.window(width: textWidth)
            buffer.put(window.text, x: rect.x + 1, y: rect.y, role: .text, limit: textWidth)
            let cursorX = rect.x + 1 + window.cursorColumn
            if cursorX < rect.maxX {
                var cell = buffer[cursorX, rect.y]
                cell.attributes.insert(.reverse)
                buffer[cursorX, rect.y] = cell
            }
            if let error {
                let x = rect.x + 1 + textWidth + 1
                buffer.fill(Rect(x: x - 1, y: rect.y, width: rect.maxX - x + 1, height: 1))
                buffer.put(error, x: x, y: rect.y, role: .critical, limit: rect.maxX - x)
                return
            }
            // Right of what is typed: the completions, or the keys, whole items only.
            let room = rect.maxX - 1 - (cursorX + 3)
            let hint = state.completions.isEmpty
                ? fitting(ConsoleKeys.hints(for: state.activeScopes, role: state.role), width: room)
                : fitting(state.completions, width: room, separator: " ", countingLeftOut: true)
            let start = max(cursorX + 3, rect.maxX - DisplayWidth.of(hint) - 1)
            if start < rect.maxX && !hint.isEmpty { buffer.put(hint, x: start, y: rect.y, role: .dim, limit: rect.maxX - start) }
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
    /// Whole items that fit in `width`; when some are left out, a last "+N more" says how
    /// many (completions: Tab again cycles through them all).
    static func fitting(_ items: [String], width: Int, separator: String = " · ", countingLeftOut: Bool = false) -> String {
        // Widths measured once; the first k items take prefix[k] plus k - 1 separators.
        let gap = DisplayWidth.of(separator)
        var prefix = [0]
        for item in items { prefix.append(prefix.last! + DisplayWidth.of(item)) }
        func needed(_ k: Int) -> Int {
            let left = items.count - k
            let more = countingLeftOut && left > 0 ? (k > 0 ? gap : 0) + DisplayWidth.of("+\(left) more") : 0
            return prefix[k] + max(0, k - 1) * gap + more
        }
        guard let k = (0...items.count).reversed().first(where: { needed($0) <= width }) else { return "" }
        let left = items.count - k
        return items.prefix(k).joined(separator: separator)
            + (countingLeftOut && left > 0 ? "\(k > 0 ? separator : "")+\(left) more" : "")
    }
}
