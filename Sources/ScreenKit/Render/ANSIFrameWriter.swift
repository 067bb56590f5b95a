/// Draws frames on a remote terminal (an SSH session) as ANSI escape codes:
/// cursor moves and SGR, sending only what changed since the frame the
/// terminal already shows, in the theme's colours at the terminal's depth.
/// Pure: frames in, bytes out; the caller keeps the last frame it sent.
///
/// ```swift
/// var writer = ANSIFrameWriter(theme: .dark, depth: .indexed256)
/// send(ANSITerminalModes.enter(mouse: true) + writer.update(from: nil, to: first))
/// send(writer.update(from: first, to: second))   // only the cells that changed
/// ```
public struct ANSIFrameWriter: Sendable {
    public private(set) var theme: Theme
    public private(set) var depth: ColorDepth
    /// The SGR state each style number (role × 16 + attributes) needs, made on first use.
    private var states: [Int: SGRState] = [:]

    public init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
    }

    /// Another theme or depth: the next update must be a full one (pass `previous` nil).
    public mutating func configure(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        states = [:]
    }

    /// The bytes that turn `previous` (what the terminal shows; nil when
    /// unknown) into `frame`. Without a previous frame of the same size the
    /// screen is cleared in the text role's colours and every other cell is
    /// written. Colours and attributes change only by what differs from the
    /// last run's; each update starts from a reset, so nothing depends on what
    /// was written between updates.
    public mutating func update(from previous: CellBuffer?, to frame: CellBuffer) -> [UInt8] {
        let base = previous.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        var out: [UInt8] = []
        var current: SGRState?
        if base == nil {
            // Erasing fills with the current background: the text role's.
            let text = state(Int(Role.text.rawValue) * 16)
            out += Array("\u{1B}[0m".utf8) + text.codes(from: .reset) + Array("\u{1B}[2J".utf8)
            current = text
        }
        // Where the terminal's cursor is, while we know it for sure (after ASCII text).
        var cursor: (x: Int, y: Int)?
        for run in frame.changes(since: base) {
            if let at = cursor, at.y == run.y, run.x > at.x, run.x - at.x <= 3 {
                // A short step right: cheaper as CUF than as a full cursor address.
                out += Array("\u{1B}[\(run.x - at.x)C".utf8)
            } else if cursor.map({ $0.x != run.x || $0.y != run.y }) ?? true {
                out += Self.moveTo(x: run.x, y: run.y)
            }
            let wanted = state(run.style)
            if current == nil { out += Array("\u{1B}[0m".utf8) }
            out += wanted.codes(from: current ?? .reset)
            current = wanted
            out += Array(run.text.utf8)
            // A wide or combining character may take another width on the terminal than here: move next time.
            cursor = run.text.utf8.allSatisfy({ $0 < 0x80 }) ? (run.x + run.text.utf8.count, run.y) : nil
        }
        return out
    }

    /// CUP: the cursor to a cell (0-based here, 1-based on the wire).
    static func moveTo(x: Int, y: Int) -> [UInt8] {
        x == 0 && y == 0 ? Array("\u{1B}[H".utf8) : Array("\u{1B}[\(y + 1);\(x + 1)H".utf8)
    }

    private mutating func state(_ style: Int) -> SGRState {
        if let known = states[style] { return known }
        let (role, attributes) = CellRun.style(style) ?? (.text, [])
        let made = SGRState(role, attributes, theme: theme, depth: depth)
        states[style] = made
        return made
    }
}

/// The terminal modes a full-screen session turns on and off: the alternate
/// screen, a hidden cursor, bracketed paste, and mouse clicks (SGR 1006
/// reports, which name any column).
public enum ANSITerminalModes {
    public static func enter(mouse: Bool) -> [UInt8] {
        Array(("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h" + (mouse ? "\u{1B}[?1000h\u{1B}[?1006h" : "")).utf8)
    }

    /// Everything `enter` turned on, off again, with the cursor shown and colours reset.
    /// (The alternate screen is blanked first: tmux keeps lines drawn after a window grew otherwise.)
    public static let leave: [UInt8] = Array("\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?2004l\u{1B}[0m\u{1B}[2J\u{1B}[?25h\u{1B}[?1049l".utf8)

    /// The bell.
    public static let bell: [UInt8] = [0x07]
}
