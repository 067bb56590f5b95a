import CNcurses
import ScreenKit

/// Why the terminal could not be used, in one line.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// What the terminal reported while waiting for input.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case resize
}

/// The ncurses backend: draws cell buffers, reads keys and clicks, reports
/// resizes and termination signals, and restores the terminal on every exit.
/// Only this type touches ncurses; one exists at a time.
public final class TerminalScreen {
    public let glyphs: Glyphs
    public private(set) var depth: ColorDepth = .monochrome
    private var theme: Theme = .dark
    private var stopped = false

    /// Starts full-screen mode. Throws when stdin/stdout is not a terminal or
    /// TERM cannot address the cursor; nothing is drawn in that case.
    public static func start(theme: Theme, noColor: Bool, forceASCII: Bool, environment: [String: String]) throws(TerminalError) -> TerminalScreen {
        gd_install_signal_handlers()
        var error = [CChar](repeating: 0, count: 512)
        guard gd_start(&error, Int32(error.count)) == 0 else {
            throw TerminalError(message: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let screen = TerminalScreen(glyphs: forceASCII || gd_locale_is_utf8() == 0 ? .ascii : .unicode)
        screen.configure(theme: theme, depth: ColorDepth.detect(colors: Int(gd_colors()), environment: environment, noColorFlag: noColor))
        return screen
    }

    /// Starts ncurses writing into a byte counter instead of a terminal, at a
    /// fixed size (benchmarks of what a frame costs on the wire).
    public static func startHeadless(term: String, width: Int, height: Int, theme: Theme) throws(TerminalError) -> TerminalScreen {
        var error = [CChar](repeating: 0, count: 512)
        guard gd_start_headless(term, Int32(width), Int32(height), &error, Int32(error.count)) == 0 else {
            throw TerminalError(message: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let screen = TerminalScreen(glyphs: .unicode)
        screen.configure(theme: theme, depth: ColorDepth.detect(colors: Int(gd_colors()), environment: [:], noColorFlag: false))
        return screen
    }

    private init(glyphs: Glyphs) { self.glyphs = glyphs }

    deinit { stop() }

    /// Sets up one colour pair per role for the theme at the given depth.
    public func configure(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        guard depth != .monochrome else {
            gd_background(0)
            return
        }
        // A direct-colour terminfo (TERM=xterm-direct and the like) takes 24-bit colours as
        // colour numbers; everywhere else truecolor themes use the nearest xterm-256 entry.
        let direct = gd_colors() >= 1 << 24
        for role in Role.allCases {
            let style = theme.style(role)
            let fg = direct ? ColorMapping.directColor(style.foreground) : ColorMapping.terminalColor(style.foreground, depth: depth)
            let bg = direct ? ColorMapping.directColor(style.background) : ColorMapping.terminalColor(style.background, depth: depth)
            _ = gd_init_pair(Int32(role.rawValue) + 1, Int32(fg), Int32(bg))
        }
        // Erased cells (blanks between columns, empty rows) take the theme's background too.
        gd_background(Int32(Role.text.rawValue) + 1)
    }

    public var size: (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        gd_size(&width, &height)
        return (Int(width), Int(height))
    }

    /// Copies a frame to the screen. ncurses sends only the cells that changed.
    /// A wide character goes to ncurses once, which then owns the next cell:
    /// continuation cells are skipped.
    public func draw(_ buffer: CellBuffer) {
        gd_erase()
        let monochrome = depth == .monochrome
        var index = 0
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer.cells[index]
                index += 1
                if cell.isContinuation || (cell.scalar == " " && cell.isSingleScalar && cell.role == .text && cell.attributes.isEmpty) { continue }
                let attributes: CellAttributes = monochrome
                    ? cell.attributes.union(theme.monochromeAttributes(cell.role))
                    : cell.attributes.union(theme.style(cell.role).attributes)
                let pair = monochrome ? 0 : Int32(cell.role.rawValue) + 1
                if cell.isSingleScalar {
                    gd_put(Int32(y), Int32(x), cell.scalar.value, pair, Int32(attributes.rawValue))
                } else {
                    put(cell.character, y: Int32(y), x: Int32(x), pair: pair, attributes: Int32(attributes.rawValue))
                }
            }
        }
        gd_refresh()
    }

    /// Scratch space for the scalars of a grapheme cluster.
    private var clusterScalars: [UInt32] = []

    /// Writes a cluster of several scalars to one cell.
    private func put(_ character: Character, y: Int32, x: Int32, pair: Int32, attributes: Int32) {
        // Base and marks only: what follows a zero-width joiner is another
        // spacing character, which one curses cell cannot hold.
        clusterScalars.removeAll(keepingCapacity: true)
        for scalar in character.unicodeScalars {
            if scalar.value == 0x200D { break }
            clusterScalars.append(scalar.value)
        }
        clusterScalars.withUnsafeBufferPointer { gd_put_text(y, x, $0.baseAddress, Int32($0.count), pair, attributes) }
    }

    /// Waits up to `milliseconds` for a key, click or resize; nil on timeout
    /// or when a signal interrupted the wait.
    public func nextEvent(timeoutMilliseconds milliseconds: Int) -> TerminalEvent? {
        var code: UInt32 = 0
        var x: Int32 = 0, y: Int32 = 0
        switch gd_read_key(Int32(milliseconds), &code, &x, &y) {
        case Int32(GD_EVENT_CHAR): return Key.fromCharacter(code: code).map(TerminalEvent.key)
        case Int32(GD_EVENT_KEY): return Self.functionKey(code).map(TerminalEvent.key)
        case Int32(GD_EVENT_RESIZE): return .resize
        case Int32(GD_EVENT_MOUSE): return .key(.click(x: Int(x), y: Int(y)))
        default: return nil
        }
    }

    private static func functionKey(_ code: UInt32) -> Key? {
        switch Int(code) {
        case Int(GD_KEY_UP): .up
        case Int(GD_KEY_DOWN): .down
        case Int(GD_KEY_LEFT): .left
        case Int(GD_KEY_RIGHT): .right
        case Int(GD_KEY_HOME): .home
        case Int(GD_KEY_END): .end
        case Int(GD_KEY_PAGE_UP): .pageUp
        case Int(GD_KEY_PAGE_DOWN): .pageDown
        case Int(GD_KEY_BACKSPACE): .backspace
        case Int(GD_KEY_DELETE): .delete
        case Int(GD_KEY_ENTER): .enter
        case Int(GD_KEY_BACKTAB): .backTab
        case Int(GD_KEY_F1): .f1
        default: nil
        }
    }

    public func bell() { gd_beep() }

    /// The termination signal (SIGINT, SIGTERM, SIGHUP) received, if any.
    public var pendingSignal: Int32? {
        let signal = gd_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Bytes written to the terminal since start.
    public var bytesWritten: UInt64 { gd_bytes_written() }

    /// Restores the terminal. Called on every exit path; safe to repeat.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        gd_stop()
    }
}
