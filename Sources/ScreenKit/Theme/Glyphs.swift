/// The characters the console draws with: Unicode when the locale is UTF-8,
/// plain ASCII otherwise, so nothing ever prints as blanks or `lqqk`.
public struct Glyphs: Sendable, Hashable {
    public struct Border: Sendable, Hashable {
        public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Unicode.Scalar
    }

    public var border: Border
    /// Sparkline levels, lowest first.
    public var spark: [Unicode.Scalar]
    public var ok, warning, critical, deploying, idle: String
    public var focusMarker: String
    public var selectionMarker: String
    public var up, down: String
    public var paused, playing: String
    public var separator: String
    public var ellipsis: String

    public static let unicode = Glyphs(
        border: Border(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│"),
        spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ok: "●", warning: "▲", critical: "✖", deploying: "◆", idle: "○",
        focusMarker: "▶", selectionMarker: "▸", up: "▲", down: "▼",
        paused: "❚❚", playing: "▶", separator: "│", ellipsis: "…")

    public static let ascii = Glyphs(
        border: Border(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|"),
        spark: ["_", ".", ",", "-", "=", "+", "*", "#"],
        ok: "o", warning: "!", critical: "X", deploying: "~", idle: "-",
        focusMarker: ">", selectionMarker: ">", up: "^", down: "v",
        paused: "||", playing: ">", separator: "|", ellipsis: "~")

    /// Whether the set is plain ASCII (then every frame is transliterated to ASCII).
    public var isASCII: Bool { border.horizontal.isASCII }

    /// ASCII stand-ins for the few non-ASCII characters the panes write in text.
    static func asciiStandIn(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "×": "x"
        case "\u{A0}": " "
        case "—", "–", "─", "·", "•": "-"
        case "…", "≈": "~"
        case "→": ">"
        case "←": "<"
        case "↑", "▲": "^"
        case "↓", "▼": "v"
        case "✓", "●": "o"
        case "✖": "X"
        default: "?"
        }
    }
}
