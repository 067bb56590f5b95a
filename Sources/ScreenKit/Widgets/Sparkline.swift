/// A sparkline: one cell per value, eight levels, scaled to the largest value,
/// coloured low/mid/high so the shape and the level both read.
public enum Sparkline {
    public static func draw(_ values: [Double], into buffer: inout CellBuffer, x: Int, y: Int, width: Int, glyphs: Glyphs, floor: Double = 0) {
        guard width > 0 else { return }
        let shown = values.suffix(width)
        let top = max(shown.max() ?? 0, floor)
        let levels = glyphs.spark.count
        var column = x + width - shown.count
        for value in shown {
            let level = top > 0 ? min(levels - 1, max(0, Int((value / top) * Double(levels - 1) + 0.5))) : 0
            let role: Role = level < levels / 3 ? .sparkLow : level < levels * 2 / 3 ? .sparkMid : .sparkHigh
            buffer[column, y] = Cell(glyphs.spark[level], role: role)
            column += 1
        }
    }
}
