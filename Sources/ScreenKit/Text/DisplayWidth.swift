/// How many terminal columns text takes: 2 for East Asian Wide and Fullwidth
/// characters (CJK, most emoji), 0 for controls, combining marks, format
/// characters and variation selectors, 1 for everything else. Anything that
/// lines text up in columns measures with this, never with `count`.
/// The ranges come from a generated table (see `WidthTable.swift`).
public enum DisplayWidth {
    /// The Unicode version of the width table.
    public static let unicodeVersion = WidthTable.unicodeVersion

    /// The columns one scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Fast paths: ASCII, then Latin-1 and the Latin extensions (nothing below
        // U+0300 is wide or zero-width but the C0 and C1 controls).
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0x300 { return v >= 0xA0 ? 1 : 0 }
        if v < 0x10000 { return Int(basicPlane[Int(v)]) }
        return tableWidth(v)
    }

    /// The columns a grapheme cluster takes: the width of its first scalar
    /// that takes any, 2 when it asks for emoji presentation (U+FE0F) or is a
    /// flag (two regional indicators); combining marks, joiners and the rest
    /// of a joined sequence add nothing. 0 when nothing in it takes a column.
    public static func of(_ character: Character) -> Int {
        let utf8 = character.utf8
        if utf8.count == 1 {
            let byte = utf8.first!
            return byte >= 0x20 && byte < 0x7F ? 1 : 0
        }
        var width = 0
        var regionalIndicators = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return width > 0 ? 2 : 0 }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
            if width == 0 { width = of(scalar) }
        }
        return regionalIndicators == 2 ? 2 : width
    }

    /// The columns a string takes: the sum over its characters.
    public static func of(_ string: String) -> Int {
        var total = 0
        Clusters.walk(string) { cluster in
            total += cluster.width
            return true
        }
        return total
    }

    /// The columns a piece of a string takes.
    public static func of(_ string: Substring) -> Int { of(String(string)) }

    /// Widths of the Basic Multilingual Plane, a byte each, built from the
    /// table on first use: box drawing, arrows and CJK without a search.
    private static let basicPlane: [UInt8] = {
        var widths = [UInt8](repeating: 1, count: 0x10000)
        for (ranges, width) in [(WidthTable.wide, UInt8(2)), (WidthTable.zero, UInt8(0))] {
            for pair in stride(from: 0, to: ranges.count, by: 2) where ranges[pair] < 0x10000 {
                for v in ranges[pair]...min(ranges[pair + 1], 0xFFFF) { widths[Int(v)] = width }
            }
        }
        return widths
    }()

    /// The width from the table alone, without the fast paths (tests compare the two).
    static func tableWidth(_ value: UInt32) -> Int {
        if contains(WidthTable.zero, value) { return 0 }
        if contains(WidthTable.wide, value) { return 2 }
        return 1
    }

    /// Binary search over flat inclusive (first, last) pairs.
    private static func contains(_ ranges: [UInt32], _ value: UInt32) -> Bool {
        ranges.withUnsafeBufferPointer { table in
            guard let first = table.first, let last = table.last, value >= first, value <= last else { return false }
            var low = 0, high = table.count / 2
            while low < high {
                let mid = (low + high) / 2
                if value > table[2 * mid + 1] {
                    low = mid + 1
                } else if value < table[2 * mid] {
                    high = mid
                } else {
                    return true
                }
            }
            return false
        }
    }
}
