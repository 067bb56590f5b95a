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
    /// drawn on a cleared screen).
    public func changes(since previous: CellBuffer?) -> [CellRun] {
        let base = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        var runs: [CellRun] = []
        for y in 0..<height {
            let row = y * width
            func differs(_ x: Int) -> Bool { base.map { $0.cells[row + x] != cells[row + x] } ?? (cells[row + x] != .blank) }
            var x = 0
            while x < width {
                guard differs(x) else { x += 1; continue }
                let first = cells[row + x]
                var text = String.UnicodeScalarView()
                var end = x
                var scan = x
                // Extend over cells of the same style while another change follows within the gap.
                while scan < width, cells[row + scan].role == first.role, cells[row + scan].attributes == first.attributes {
                    if differs(scan) {
                        end = scan
                    } else if scan - end >= Self.runGap {
                        break
                    }
                    scan += 1
                }
                for k in x...end { text.append(cells[row + k].scalar) }
                runs.append(CellRun(x: x, y: y, role: first.role, attributes: first.attributes, text: String(text)))
                x = end + 1
            }
        }
        return runs
    }

    /// Writes runs into the frame (clipped, as every write is).
    public mutating func apply(_ runs: [CellRun]) {
        for run in runs {
            guard run.y >= 0, run.y < height else { continue }
            var x = run.x
            for scalar in run.text.unicodeScalars {
                if x >= width { break }
                if x >= 0 { self[x, run.y] = Cell(scalar, role: run.role, attributes: run.attributes) }
                x += 1
            }
        }
    }
}
