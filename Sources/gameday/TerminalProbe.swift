import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What can be learnt of the terminal before taking it over: whether there
/// is one, its size and whether it shows UTF-8 (a team client says these in
/// its hello, before it starts the full screen).
enum TerminalProbe {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static let notATerminal = "cannot start the console: stdin and stdout must be a terminal (for scripts use: gameday simulate)"

    /// Columns and rows, or 80×24 when the terminal does not say.
    static var size: (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Whether the locale's character set is UTF-8 (else the console draws ASCII).
    static var isUTF8: Bool {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
