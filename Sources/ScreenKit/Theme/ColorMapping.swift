/// Maps theme colours down to what a terminal can show: truecolor → the
/// nearest xterm-256 entry → the nearest of the 16 (or 8) ANSI colours.
public enum ColorMapping {
    /// The xterm palette's RGB value for an index 0…255.
    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return ansi16[index]
        case 16..<232:
            let i = index - 16
            let levels = [0, 95, 135, 175, 215, 255]
            return (levels[i / 36], levels[i / 6 % 6], levels[i % 6])
        default:
            let gray = 8 + 10 * (min(255, max(232, index)) - 232)
            return (gray, gray, gray)
        }
    }

    /// The 16 ANSI colours as xterm draws them.
    public static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The nearest xterm-256 index (cube or gray ramp, never the 16 the user may have recoloured).
    public static func nearest256(r: Int, g: Int, b: Int) -> Int {
        nearest(r: r, g: g, b: b, among: 16..<256)
    }

    /// The nearest of the first `count` ANSI colours (8 or 16).
    public static func nearestBasic(r: Int, g: Int, b: Int, count: Int) -> Int {
        nearest(r: r, g: g, b: b, among: 0..<min(16, count))
    }

    private static func nearest(r: Int, g: Int, b: Int, among range: Range<Int>) -> Int {
        var best = range.lowerBound, bestDistance = Int.max
        for index in range {
            let (pr, pg, pb) = rgb(ofIndex: index)
            // Weighted for the eye's sensitivity (a cheap "redmean" approximation).
            let dr = r - pr, dg = g - pg, db = b - pb
            let distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db
            if distance < bestDistance { bestDistance = distance; best = index }
        }
        return best
    }

    /// A theme colour as a colour number the terminal understands at `depth`
    /// (-1 for the terminal default), or the RGB to define when truecolor.
    public static func terminalColor(_ spec: ColorSpec, depth: ColorDepth) -> Int {
        switch spec {
        case .terminalDefault: return -1
        case let .named(n):
            return depth == .basic8 ? n % 8 : n
        case let .indexed(i):
            switch depth {
            case .trueColor, .indexed256: return i
            case .basic16, .basic8:
                if i < 16 { return depth == .basic8 ? i % 8 : i }
                let (r, g, b) = rgb(ofIndex: i)
                return nearestBasic(r: r, g: g, b: b, count: depth == .basic8 ? 8 : 16)
            case .monochrome: return -1
            }
        case let .rgb(r, g, b):
            switch depth {
            case .trueColor, .indexed256: return nearest256(r: Int(r), g: Int(g), b: Int(b))
            case .basic16, .basic8: return nearestBasic(r: Int(r), g: Int(g), b: Int(b), count: depth == .basic8 ? 8 : 16)
            case .monochrome: return -1
            }
        }
    }

    /// A colour for a direct-colour terminal (terminfo `RGB`, e.g. TERM=xterm-direct,
    /// where ncurses takes 0xRRGGBB as the colour number); -1 for the default.
    public static func directColor(_ spec: ColorSpec) -> Int {
        switch spec {
        case .terminalDefault: return -1
        case let .named(n): return n < 8 ? n : packed(rgb(ofIndex: n))
        case let .indexed(i): return i < 8 ? i : packed(rgb(ofIndex: i))
        case let .rgb(r, g, b): return packed((Int(r), Int(g), Int(b)))
        }
    }

    private static func packed(_ c: (Int, Int, Int)) -> Int {
        let value = c.0 << 16 | c.1 << 8 | c.2
        // Numbers below 8 mean the ANSI colours to ncurses: nudge near-black blues up.
        return value < 8 ? 8 : value
    }
}
