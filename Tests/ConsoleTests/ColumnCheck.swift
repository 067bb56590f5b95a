@testable import ScreenKit

/// Reads frames back as a terminal shows them: where each glyph lands, in
/// display columns (a wide character takes two), so tests can check that
/// borders line up whatever the text in the panes.
enum ColumnCheck {
    /// The display columns at which any of `glyphs` appears in `line`.
    static func columns(of glyphs: Set<Character>, in line: some StringProtocol) -> [Int] {
        var out: [Int] = []
        var column = 0
        for character in line {
            if glyphs.contains(character) { out.append(column) }
            column += DisplayWidth.of(character)
        }
        return out
    }

    /// The glyph at display column `column` of `line`, or nil when the column
    /// is the right half of a wide character or past the end.
    static func glyph(atColumn column: Int, in line: some StringProtocol) -> Character? {
        var at = 0
        for character in line {
            if at == column { return character }
            at += DisplayWidth.of(character)
            if at > column { return nil }
        }
        return nil
    }

    /// Problems with the frame's columns: a row not exactly `width` columns
    /// wide, or a pane whose left and right borders are not where its
    /// rectangle says in every row.
    static func problems(in buffer: CellBuffer, panes: [Rect], border: Character = "│") -> [String] {
        var problems: [String] = []
        for y in 0..<buffer.height where DisplayWidth.of(buffer.row(y)) != buffer.width {
            problems.append("row \(y) is \(DisplayWidth.of(buffer.row(y))) columns, not \(buffer.width)")
        }
        for rect in panes {
            for y in (rect.y + 1)..<(rect.maxY - 1) {
                let line = buffer.row(y)
                for x in [rect.x, rect.maxX - 1] where glyph(atColumn: x, in: line) != border {
                    problems.append("row \(y): no \(border) at column \(x) (\(rect)): '\(line)'")
                }
            }
        }
        return problems
    }
}
