/// A stretch of cells on one row that share a style: what a remote screen
/// needs to turn the frame it has into the new one.
public struct CellRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var role: Role
    public var attributes: CellAttributes
    public var text: String

    public init(x: Int, y: Int, role: Role, attributes: CellAttributes, text: String) {
        self.x = x
        self.y = y
        self.role = role
        self.attributes = attributes
        self.text = text
    }

    /// Role and attributes in one number (role × 16 + attributes), as the wire carries them.
    public var style: Int { Int(role.rawValue) * 16 + Int(attributes.rawValue) }

    /// The role and attributes a style number stands for; nil for a number no role has.
    public static func style(_ number: Int) -> (Role, CellAttributes)? {
        guard number >= 0, number / 16 < 256, let role = Role(rawValue: UInt8(number / 16)) else { return nil }
        return (role, CellAttributes(rawValue: UInt8(number % 16)))
    }
}

extension CellBuffer {
    /// Unchanged cells of the same style shorter than this are sent inside a
    /// run rather than starting a new one (fewer, longer runs).
    static let runGap = 4

    /// The runs that turn `previous` into this frame. With no previous frame,
    /// or one of another size, every cell that is not blank (a full frame,
    /// drawn on a cleared screen). A run holds whole characters: a change in
    /// the right half of a wide character sends the character.
    public func changes(since previous: CellBuffer?) -> [CellRun] {
        // The old cells taken once, read through pointers: this runs for every cell of every frame a host sends.
        let base = previous.flatMap { $0.width == width && $0.height == height ? $0.cells : nil }
        let full = base == nil
        return cells.withUnsafeBufferPointer { cells in
            (base ?? []).withUnsafeBufferPointer { old in
                var runs: [CellRun] = []
                for y in 0..<height {
                    let row = y * width
                    if !full && Self.sameBytes(old, cells, from: row, count: width) { continue }
                    runs += Self.runs(y: y, width: width, cells: cells, old: full ? nil : old)
                }
                return runs
            }
        }
    }

    /// The runs of one row that differs (from `old`, or from blank when there is none).
    private static func runs(y: Int, width: Int, cells: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>?) -> [CellRun] {
        let row = y * width
        func differs(_ x: Int) -> Bool { old.map { $0[row + x] != cells[row + x] } ?? (cells[row + x] != .blank) }
        var runs: [CellRun] = []
        var x = 0
        while x < width {
            guard differs(x) else { x += 1; continue }
            // Start on the character, not on the right half of one.
            var start = x
            while start > 0 && cells[row + start].isContinuation { start -= 1 }
            let first = cells[row + start]
            var end = start
            var scan = start
            // Extend over cells of the same style while another change follows within the gap.
            while scan < width, cells[row + scan].role == first.role, cells[row + scan].attributes == first.attributes {
                if differs(scan) {
                    end = scan
                } else if scan - end >= runGap {
                    break
                }
                scan += 1
            }
            // Finish on a whole character: take in the right half of a wide one.
            while end + 1 < width && cells[row + end + 1].isContinuation { end += 1 }
            var text = ""
            for k in start...end where !cells[row + k].isContinuation {
                if cells[row + k].isSingleScalar { text.unicodeScalars.append(cells[row + k].scalar) } else { text.append(cells[row + k].character) }
            }
            runs.append(CellRun(x: start, y: y, role: first.role, attributes: first.attributes, text: text))
            x = end + 1
        }
        return runs
    }

    /// Whether `count` cells from `start` are byte for byte the same in both (cells
    /// are plain values): most rows of a frame are, and this says so in a few
    /// comparisons. A row it calls different is compared cell by cell, so padding
    /// bytes cannot mislead.
    private static func sameBytes(_ a: UnsafeBufferPointer<Cell>, _ b: UnsafeBufferPointer<Cell>, from start: Int, count: Int) -> Bool {
        let stride = MemoryLayout<Cell>.stride
        guard stride % 8 == 0, let a = UnsafeRawPointer(a.baseAddress), let b = UnsafeRawPointer(b.baseAddress) else { return false }
        let first = start * stride
        for offset in Swift.stride(from: first, to: first + count * stride, by: 8)
        where a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
            return false
        }
        return true
    }

    /// Writes runs into the frame (clipped, with wide characters taking two cells, as every write).
    public mutating func apply(_ runs: [CellRun]) {
        for run in runs { put(run.text, x: run.x, y: run.y, role: run.role, attributes: run.attributes) }
    }
}
