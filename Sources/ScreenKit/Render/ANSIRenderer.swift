/// Turns a frame into text with ANSI escape codes: for asciicast exports
/// and theme previews printed to stdout, without a full-screen session.
/// Each character is written once; a wide one covers its continuation cell.
public enum ANSIRenderer {
    /// The frame as rows joined by CRLF, styled with `theme` at `depth`
    /// (monochrome uses the theme's attributes only). Ends with a reset.
    public static func render(_ buffer: CellBuffer, theme: Theme, depth: ColorDepth) -> String {
        var out = ""
        out.reserveCapacity(buffer.width * buffer.height * 2)
        var current: (Role, CellAttributes)? = nil
        for y in 0..<buffer.height {
            if y > 0 { out += "\u{1B}[0m\r\n"; current = nil }
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                // The wide character before already covers this column.
                if cell.isContinuation { continue }
                if current == nil || current! != (cell.role, cell.attributes) {
                    out += sgr(cell.role, cell.attributes, theme: theme, depth: depth)
                    current = (cell.role, cell.attributes)
                }
                if cell.isSingleScalar { out.unicodeScalars.append(cell.scalar) } else { out.append(cell.character) }
            }
        }
        return out + "\u{1B}[0m"
    }

    static func sgr(_ role: Role, _ extra: CellAttributes, theme: Theme, depth: ColorDepth) -> String {
        var codes = ["0"]
        let style = theme.style(role)
        let attributes = extra.union(depth == .monochrome ? theme.monochromeAttributes(role) : style.attributes)
        if attributes.contains(.bold) { codes.append("1") }
        if attributes.contains(.dim) { codes.append("2") }
        if attributes.contains(.underline) { codes.append("4") }
        if attributes.contains(.reverse) { codes.append("7") }
        if depth != .monochrome {
            codes += color(style.foreground, depth: depth, background: false)
            codes += color(style.background, depth: depth, background: true)
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func color(_ spec: ColorSpec, depth: ColorDepth, background: Bool) -> [String] {
        if depth == .trueColor, case let .rgb(r, g, b) = spec { return [background ? "48" : "38", "2", "\(r)", "\(g)", "\(b)"] }
        let n = ColorMapping.terminalColor(spec, depth: depth)
        guard n >= 0 else { return [] }
        if n < 8 { return ["\((background ? 40 : 30) + n)"] }
        if n < 16 && depth != .indexed256 && depth != .trueColor { return ["\((background ? 100 : 90) + n - 8)"] }
        return [background ? "48" : "38", "5", "\(n)"]
    }
}
