import ScreenKit

/// A facilitator's broadcast or hint on a team's console: a box at the top
/// right of the panes, wrapped to fit, until it times out or Esc closes it.
enum NoticeBox {
    static func draw(_ notice: ShownNotice, into buffer: inout CellBuffer, context: RenderContext) {
        let width = min(64, context.layout.width - 4)
        let lines = Format.wrap(notice.text, width: width - 4)
        let height = min(lines.count, max(1, context.layout.height / 3)) + 3
        let rect = Rect(x: context.layout.width - width - 1, y: 2, width: width, height: height)
        buffer.fill(rect)
        buffer.box(rect, title: notice.heading, glyphs: context.glyphs, focused: true)
        for (n, line) in lines.prefix(height - 3).enumerated() {
            buffer.put(line, x: rect.x + 2, y: rect.y + 1 + n, role: .accent, attributes: [.bold], limit: width - 4)
        }
        buffer.put("Esc closes · also in the events pane", x: rect.x + 2, y: rect.maxY - 2, role: .dim, limit: width - 4)
    }
}
