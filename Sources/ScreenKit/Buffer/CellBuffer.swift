/// The frame being composed: a grid of cells that panes draw into and the
/// terminal backend copies to the screen. Tests read it back as plain text.
/// Every write is clipped to the buffer and counts display columns: a wide
/// character fills two cells (see `Cell`), is never cut in half at an edge
/// or a limit, and overwriting either of its halves blanks the other.
///
/// Text never disappears silently: `put` ends a cut line with "…" and logs
/// the cut in `cuts`, and a `clip` rectangle (a pane's) keeps one pane's text
/// from running under its neighbour.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]
    /// Where `put` may write; nil is the whole buffer. Panes draw with their rectangle set.
    public var clip: Rect?
    /// Every visible line `put` had to cut, in drawing order (a `fill` over one, as a
    /// window opening over the panes, forgets it). Tests check each still shows its "…".
    public internal(set) var cuts: [TextCut] = []

    /// A line cut short by a limit, a clip or the buffer's edge.
    public struct TextCut: Sendable, Hashable {
        public var text: String
        public var y: Int
        /// The column that holds the "…".
        public var ellipsisX: Int
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: CellBuffer, b: CellBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width); hasher.combine(height); hasher.combine(cells)
    }

    /// One cell. Setting a wide character fills the next cell too (a space in
    /// the last column); setting a zero-width one writes a space; setting a
    /// continuation cell read from the buffer only restyles one.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            if newValue.isContinuation {
                let i = y * width + x
                if cells[i].isContinuation {
                    cells[i].role = newValue.role
                    cells[i].attributes = newValue.attributes
                } else {
                    store(newValue.blanked, columns: 1, x: x, y: y)
                }
                return
            }
            let columns = newValue.width
            store(columns == 0 ? newValue.blanked : newValue, columns: max(1, columns), x: x, y: y)
        }
    }

    /// Writes `text` from (x, y), at most `limit` columns; returns the columns used.
    /// Text that does not fit ends with "…" in its last column (and is logged
    /// in `cuts`); trailing spaces that do not fit are no cut. A wide character
    /// that would not fit whole leaves a space instead; zero-width characters
    /// (controls included) are not written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .text, attributes: CellAttributes = [], limit: Int = .max) -> Int {
        let area = clip ?? Rect(x: 0, y: 0, width: width, height: height)
        guard y >= max(0, area.y), y < min(height, area.maxY) else { return 0 }
        let left = max(0, area.x)
        var column = x
        let end = min(width, area.maxX, limit == .max ? Int.max : x + max(0, limit))
        var stoppedAt: Int?
        var consumed = 0
        Clusters.walk(text) { cluster in
            let columns = cluster.width
            if columns == 0 { consumed = cluster.end; return true }
            let next = column + columns
            guard next <= end else {
                stoppedAt = consumed
                return false
            }
            if column >= left {
                let cell = cluster.ascii.map { Cell(Unicode.Scalar($0), role: role, attributes: attributes) }
                    ?? Cell(cluster.character!, role: role, attributes: attributes)
                store(cell, columns: columns, x: column, y: y)
            } else if next > left {
                // It starts left of the area and only its right half would show: a space instead.
                store(Cell(" " as Unicode.Scalar, role: role, attributes: attributes), columns: 1, x: left, y: y)
            }
            column = next
            consumed = cluster.end
            return true
        }
        guard let stoppedAt else { return max(0, column - x) }
        let rest = text.utf8.dropFirst(stoppedAt)
        // Only padding was left: no cut.
        guard rest.contains(where: { $0 != 0x20 }) else { return max(0, column - x) }
        // Cut: the last column of the room shows "…" (over a wide character's half if need be).
        let mark = end - 1
        guard mark >= max(x, left) else { return max(0, column - x) }
        if column < end { store(Cell(" " as Unicode.Scalar, role: role, attributes: attributes), columns: 1, x: column, y: y) }
        store(Cell("…" as Unicode.Scalar, role: role, attributes: attributes), columns: 1, x: mark, y: y)
        cuts.append(TextCut(text: text, y: y, ellipsisX: mark))
        return end - x
    }

    /// Writes `text` right-aligned so it ends just before column `endX`.
    public mutating func putRight(_ text: String, endX: Int, y: Int, role: Role = .text, attributes: CellAttributes = []) {
        put(text, x: endX - DisplayWidth.of(text), y: y, role: role, attributes: attributes)
    }

    /// Fills `rect` with `cell`; wide characters cut by its edges are blanked outside it.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        guard x0 < x1 else { return }
        cuts.removeAll { rect.contains(x: $0.ellipsisX, y: $0.y) }
        let columns = cell.isContinuation ? 0 : cell.width
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            if columns == 1 {
                blankStraddling(row: row, from: x0, to: x1)
                for i in (row * width + x0)..<(row * width + x1) { cells[i] = cell }
            } else {
                var column = x0
                while column < x1 {
                    let fits = columns == 2 && column + 1 < x1
                    store(fits ? cell : cell.blanked, columns: fits ? 2 : 1, x: column, y: row)
                    column += fits ? 2 : 1
                }
            }
        }
    }

    /// Changes the role and attributes of a row segment, keeping its characters
    /// (selection highlight). A wide character cut by the segment is restyled whole.
    public mutating func restyle(_ rect: Rect, role: Role, attributes: CellAttributes = []) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            var x0 = max(0, rect.x), x1 = min(width, rect.maxX)
            guard x0 < x1 else { continue }
            if cells[row * width + x0].isContinuation { x0 -= 1 }
            if x1 < width && cells[row * width + x1].isContinuation { x1 += 1 }
            for i in (row * width + x0)..<(row * width + x1) {
                cells[i].role = role
                cells[i].attributes = attributes
            }
        }
    }

    /// Draws a border with a title in its top edge.
    public mutating func box(_ rect: Rect, title: String, glyphs: Glyphs, focused: Bool = false, titleRole: Role = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: Role = focused ? .focusedBorder : .border
        let attributes: CellAttributes = focused ? [.bold] : []
        let b = glyphs.border
        // Border glyphs are one column wide: stored without measuring.
        func edge(_ cell: Cell, _ x: Int, _ y: Int) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            store(cell, columns: 1, x: x, y: y)
        }
        edge(Cell(b.topLeft, role: role, attributes: attributes), rect.x, rect.y)
        edge(Cell(b.topRight, role: role, attributes: attributes), rect.maxX - 1, rect.y)
        edge(Cell(b.bottomLeft, role: role, attributes: attributes), rect.x, rect.maxY - 1)
        edge(Cell(b.bottomRight, role: role, attributes: attributes), rect.maxX - 1, rect.maxY - 1)
        let horizontal = Cell(b.horizontal, role: role, attributes: attributes)
        for column in (rect.x + 1)..<(rect.maxX - 1) {
            edge(horizontal, column, rect.y)
            edge(horizontal, column, rect.maxY - 1)
        }
        let vertical = Cell(b.vertical, role: role, attributes: attributes)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            edge(vertical, rect.x, row)
            edge(vertical, rect.maxX - 1, row)
        }
        if !title.isEmpty && rect.width > 4 {
            let marker = focused ? glyphs.focusMarker + " " : ""
            put(" \(marker)\(title) ", x: rect.x + 1, y: rect.y, role: focused ? .focusedBorder : titleRole,
                attributes: [.bold], limit: rect.width - 2)
        }
    }

    // MARK: Keeping wide characters whole

    /// Writes a character `columns` (1 or 2) wide at (x, y), which must be inside
    /// the buffer. Blanks the rest of any wide character it overwrites part of;
    /// a wide character in the last column becomes a space.
    /// Border glyphs are one column wide (box passes 1 without measuring).
    mutating func store(_ cell: Cell, columns: Int, x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation { cells[i - 1] = cells[i - 1].blanked }
        if columns == 2 && x + 1 < width {
            if x + 2 < width && cells[i + 2].isContinuation { cells[i + 2] = cells[i + 2].blanked }
            cells[i] = cell
            cells[i + 1] = .continuation(of: cell)
        } else {
            if x + 1 < width && cells[i + 1].isContinuation { cells[i + 1] = cells[i + 1].blanked }
            cells[i] = columns == 2 ? cell.blanked : cell
        }
    }

    /// Before columns x0..<x1 of a row are overwritten: blanks the outside half
    /// of a wide character that straddles either end.
    private mutating func blankStraddling(row: Int, from x0: Int, to x1: Int) {
        let start = row * width
        if cells[start + x0].isContinuation { cells[start + x0 - 1] = cells[start + x0 - 1].blanked }
        if x1 < width && cells[start + x1].isContinuation { cells[start + x1] = cells[start + x1].blanked }
    }
}
