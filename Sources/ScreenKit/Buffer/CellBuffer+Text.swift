extension CellBuffer {
    /// The frame as text, one line per row, trailing spaces trimmed. Each
    /// character appears once (continuation cells add nothing), so a line
    /// reads as the terminal shows it.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = row(y)
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One row as text (untrimmed), each character once.
    public func row(_ y: Int) -> String {
        var line = ""
        line.reserveCapacity(width)
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            if cell.isSingleScalar { line.unicodeScalars.append(cell.scalar) } else { line.append(cell.character) }
        }
        return line
    }

    /// Replaces every non-ASCII character with an ASCII stand-in (for terminals
    /// whose locale is not UTF-8). A wide character becomes its stand-in and a
    /// space, so every column stays where it was.
    public mutating func transliterateToASCII() {
        for i in cells.indices where !cells[i].isASCII || cells[i].isContinuation {
            if cells[i].isContinuation {
                cells[i] = cells[i].blanked
                continue
            }
            // A letter with combining marks keeps its ASCII base letter.
            let base = cells[i].scalar
            cells[i].character = Character(base.isASCII ? base : Glyphs.asciiStandIn(for: base))
        }
    }
}
