/// What SGR has set on a terminal: attributes and the two colours, as the
/// codes that set them. `codes(from:)` gives the shortest change from one
/// state to another (turning off only what must go, changing only the
/// colours that differ), so a frame that changes colour often stays small.
struct SGRState: Hashable {
    var bold = false
    var dim = false
    var underline = false
    var reverse = false
    /// The codes for the foreground and background; `39` / `49` is the terminal's default.
    var foreground = ["39"]
    var background = ["49"]

    /// After `ESC [ 0 m`.
    static let reset = SGRState()

    /// The state a cell of `role` with `extra` attributes needs, in `theme` at `depth`.
    init(_ role: Role, _ extra: CellAttributes, theme: Theme, depth: ColorDepth) {
        let style = theme.style(role)
        let attributes = extra.union(depth == .monochrome ? theme.monochromeAttributes(role) : style.attributes)
        bold = attributes.contains(.bold)
        dim = attributes.contains(.dim)
        underline = attributes.contains(.underline)
        reverse = attributes.contains(.reverse)
        if depth != .monochrome {
            let fg = ANSIRenderer.color(style.foreground, depth: depth, background: false)
            let bg = ANSIRenderer.color(style.background, depth: depth, background: true)
            foreground = fg.isEmpty ? ["39"] : fg
            background = bg.isEmpty ? ["49"] : bg
        }
    }

    init() {}

    /// The SGR sequence that turns `old` into this state (empty when they are the same).
    func codes(from old: SGRState) -> [UInt8] {
        guard old != self else { return [] }
        var codes: [String] = []
        // 22 ends bold and dim together: put back the one that stays.
        if (old.bold && !bold) || (old.dim && !dim) {
            codes.append("22")
            if bold { codes.append("1") }
            if dim { codes.append("2") }
        } else {
            if bold && !old.bold { codes.append("1") }
            if dim && !old.dim { codes.append("2") }
        }
        if underline != old.underline { codes.append(underline ? "4" : "24") }
        if reverse != old.reverse { codes.append(reverse ? "7" : "27") }
        if foreground != old.foreground { codes += foreground }
        if background != old.background { codes += background }
        return Array(("\u{1B}[" + codes.joined(separator: ";") + "m").utf8)
    }
}
