import NIOCore
import ScreenKit

/// A team console drawn on a terminal the host writes to directly (an SSH
/// session): how to draw on it, how to read its keys, and what it cost.
/// Lives on the host's loop.
final class TerminalLink {
    var writer: ANSIFrameWriter
    var decoder = TerminalInputDecoder()
    /// Turns a lone ESC into the Esc key when nothing follows it in time.
    var escapeTimer: Scheduled<Void>?
    /// The theme a `:theme` chose, kept with the depth the terminal can show.
    var depth: ColorDepth
    let team: String
    /// What was written: frames and their bytes (the benchmark reads these).
    var framesSent = 0
    var frameBytes = 0
    /// The largest update that was not a full redraw.
    var largestUpdate = 0
    /// Set once the session said goodbye: nothing more is drawn.
    var isClosing = false

    init(team: String, theme: Theme, depth: ColorDepth) {
        self.team = team
        self.depth = depth
        writer = ANSIFrameWriter(theme: theme, depth: depth)
    }
}

/// What the host knows of an SSH session's terminal when it asks for a shell.
struct TerminalRequest {
    var team: String
    var width: Int
    var height: Int
    /// TERM from the pty request.
    var term: String
    /// Variables the client sent (`SendEnv`): NO_COLOR, COLORTERM, LANG, LC_*.
    var environment: [String: String]

    /// Whether the client's locale says UTF-8 (without one, assume it does, as every current terminal).
    var isUTF8: Bool {
        guard let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"], !locale.isEmpty else { return true }
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
