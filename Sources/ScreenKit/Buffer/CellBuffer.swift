/// One character cell: a Unicode scalar, the role that styles it and extra attributes.
public struct Cell: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var role: Role
    public var attributes: CellAttributes

    public init(_ scalar: Unicode.Scalar = " ", role: Role = .text, attributes: CellAttributes = []) {
        self.scalar = scalar
        self.role = role
        self.attributes = attributes
    }

    public static let blank = Cell()
}

/// A rectangle of cells, in columns and rows.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The area inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// The frame being composed: a grid of cells that panes draw into and the
/// terminal backend copies to the screen. Tests read it back as plain text.
/// Every write is clipped to the buffer.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), at most `limit` columns; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .text, attributes: CellAttributes = [], limit: Int = .max) -> Int {
        guard y >= 0, y < height else { return 0 }
        var column = x
        let end = min(width, limit == .max ? width : x + max(0, limit))
        for scalar in text.unicodeScalars {
            if column >= end { break }
            if column >= 0 { cells[y * width + column] = Cell(scalar, role: role, attributes: attributes) }
            column += 1
        }
        return max(0, column - x)
    }

    /// Writes `text` right-aligned so it ends just before column `endX`.
    public mutating func putRight(_ text: String, endX: Int, y: Int, role: Role = .text, attributes: CellAttributes = []) {
        put(text, x: endX - text.unicodeScalars.count, y: y, role: role, attributes: attributes)
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) { cells[row * width + column] = cell }
        }
    }

    /// Changes the role and attributes of a row segment, keeping its characters (selection highlight).
    public mutating func restyle(_ rect: Rect, role: Role, attributes: CellAttributes = []) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                cells[row * width + column].role = role
                cells[row * width + column].attributes = attributes
            }
        }
    }

    /// Draws a border with a title in its top edge.
    public mutating func box(_ rect: Rect, title: String, glyphs: Glyphs, focused: Bool = false, titleRole: Role = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: Role = focused ? .focusedBorder : .border
        let attributes: CellAttributes = focused ? [.bold] : []
        let b = glyphs.border
        self[rect.x, rect.y] = Cell(b.topLeft, role: role, attributes: attributes)
        self[rect.maxX - 1, rect.y] = Cell(b.topRight, role: role, attributes: attributes)
        self[rect.x, rect.maxY - 1] = Cell(b.bottomLeft, role: role, attributes: attributes)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(b.bottomRight, role: role, attributes: attributes)
        for column in (rect.x + 1)..<(rect.maxX - 1) {
            self[column, rect.y] = Cell(b.horizontal, role: role, attributes: attributes)
            self[column, rect.maxY - 1] = Cell(b.horizontal, role: role, attributes: attributes)
        }
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            self[rect.x, row] = Cell(b.vertical, role: role, attributes: attributes)
            self[rect.maxX - 1, row] = Cell(b.vertical, role: role, attributes: attributes)
        }
        if !title.isEmpty && rect.width > 4 {
            let marker = focused ? glyphs.focusMarker + " " : ""
            put(" \(marker)\(title) ", x: rect.x + 1, y: rect.y, role: focused ? .focusedBorder : titleRole,
                attributes: [.bold], limit: rect.width - 2)
        }
    }

    /// Replaces every non-ASCII character with an ASCII stand-in (for terminals whose locale is not UTF-8).
    public mutating func transliterateToASCII() {
        for i in cells.indices where !cells[i].scalar.isASCII {
            cells[i].scalar = Glyphs.asciiStandIn(for: cells[i].scalar)
        }
    }

    /// The frame as text, one line per row, trailing spaces trimmed.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var line = String.UnicodeScalarView()
            for column in 0..<width { line.append(cells[row * width + column].scalar) }
            var text = String(line)
            while text.last == " " { text.removeLast() }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    /// One row as text (untrimmed).
    public func row(_ y: Int) -> String {
        var line = String.UnicodeScalarView()
        for column in 0..<width { line.append(cells[y * width + column].scalar) }
        return String(line)
    }
}
