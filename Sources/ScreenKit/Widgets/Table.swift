/// A table's columns, declared once: the header and every row are laid out
/// from the same widths, so a column starts at the same x on every row and a
/// value too wide for its column ends in "…" instead of pushing the rest over.
/// The last column may be elastic and take what the width leaves.
public struct Table: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var title: String
        /// Columns including the gap after it (ignored for an elastic column).
        public var width: Int
        public var alignRight: Bool
        /// Takes the room left over (the last column only).
        public var isElastic: Bool

        public init(_ title: String, _ width: Int, alignRight: Bool = false) {
            self.title = title
            self.width = width
            self.alignRight = alignRight
            isElastic = false
        }

        /// A last column that takes the room the others leave.
        public static func elastic(_ title: String) -> Column {
            var column = Column(title, 0)
            column.isElastic = true
            return column
        }
    }

    /// One cell of a row: its text and how it looks.
    public struct Value: Sendable {
        public var text: String
        public var role: Role
        public var attributes: CellAttributes

        public init(_ text: String, _ role: Role = .text, _ attributes: CellAttributes = []) {
            self.text = text
            self.role = role
            self.attributes = attributes
        }
    }

    public let columns: [Column]
    /// The width the table is laid out in.
    public let width: Int

    public init(_ columns: [Column], width: Int) {
        self.columns = columns
        self.width = width
    }

    /// Where each column starts, relative to the table's left edge.
    public var offsets: [Int] {
        var x = 0
        return columns.map { column in
            defer { x += column.width }
            return x
        }
    }

    /// The width of column `i` (an elastic one gets what is left, at least 0).
    public func width(of i: Int) -> Int {
        columns[i].isElastic ? max(0, width - offsets[i]) : columns[i].width
    }

    /// Room for the text of column `i`: its width less the gap (an elastic last column
    /// takes all that is left).
    func room(of i: Int) -> Int { columns[i].isElastic ? width(of: i) : max(0, width(of: i) - 1) }

    /// Whether every column fits in the width (a pane drops the columns that do not).
    public var fits: Bool { (offsets.last ?? 0) + (columns.last.map { $0.isElastic ? 1 : $0.width } ?? 0) <= width }

    /// The columns, in order, that fit in `width`: the first always, then each while there is room.
    public static func fitting(_ columns: [Column], width: Int) -> Table {
        var kept: [Column] = []
        var used = 0
        for column in columns {
            let needs = column.isElastic ? 8 : column.width
            guard kept.isEmpty || used + needs <= width else { continue }
            kept.append(column)
            used += column.width
        }
        return Table(kept, width: width)
    }

    /// Draws the header row.
    public func drawHeader(into buffer: inout CellBuffer, x: Int, y: Int, role: Role = .dim) {
        draw(columns.map { Value($0.title, role, [.bold]) }, into: &buffer, x: x, y: y)
    }

    /// Draws one row; values beyond the columns are ignored, missing ones leave blanks.
    public func draw(_ values: [Value], into buffer: inout CellBuffer, x: Int, y: Int) {
        let offsets = self.offsets
        for (i, value) in values.prefix(columns.count).enumerated() {
            let room = room(of: i)
            guard room > 0, offsets[i] < width else { continue }
            let text = columns[i].alignRight ? Format.fit(value.text, room, alignRight: true) : value.text
            buffer.put(text, x: x + offsets[i], y: y, role: value.role, attributes: value.attributes, limit: min(room, width - offsets[i]))
        }
    }
}
