import Foundation

/// A private tmux server for end-to-end tests: runs the real binary in a
/// real terminal, types keys, and reads the screen back.
final class Tmux {
    let socket: String
    let session = "gd"

    /// Starts `command` (run by sh) in a detached session of the given size.
    /// The command's exit status and the terminal settings afterwards are
    /// printed after it ends, and the pane stays open to read them.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-tmux-\(UUID().uuidString.prefix(8))").path
        // Recordings of test games go to a scratch folder, not the user's data directory.
        var environment = environment
        environment["XDG_DATA_HOME"] = environment["XDG_DATA_HOME"] ?? FileManager.default.temporaryDirectory.appendingPathComponent("gameday-test-data").path
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // The shell traps SIGINT (a handler, so the program still gets the default) so
        // that Ctrl-C ends only the program and the shell can report how it ended.
        // A program killed mid-write can leave tmux inside an escape sequence; CAN (0x18) cancels it
        // so the status line is always readable.
        let script = "trap : INT; env \(env) \(command); s=$?; printf '\\030\\n'; echo EXIT:$s; stty -a | tr '\\n' ' '; echo; sleep 120"
        // The first command starts the server, which would keep an output pipe open forever.
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script], readOutput: false)
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Runs a tmux command through the shell (popen), returning what it printed.
    /// Foundation's Process is avoided: the tmux server it spawns outlives the
    /// client and keeps inherited descriptors open.
    @discardableResult
    func run(_ arguments: [String], readOutput: Bool = true) throws -> String {
        let quoted = (["tmux", "-S", socket, "-f", "/dev/null"] + arguments).map(Self.shellQuote).joined(separator: " ")
        guard let pipe = popen(quoted + " 2>/dev/null </dev/null" + (readOutput ? "" : " >/dev/null"), "r") else {
            throw TmuxError(message: "cannot run tmux")
        }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let n = fread(&chunk, 1, chunk.count, pipe)
            if n <= 0 { break }
            output.append(contentsOf: chunk[0..<n])
        }
        pclose(pipe)
        return String(decoding: output, as: UTF8.self)
    }

    static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Types text literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    /// Presses named keys: Enter, Escape, C-c, Up…
    func press(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    func screen(withColors: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", session] + (withColors ? ["-e"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition`; returns the screen, or nil after `seconds`.
    func wait(seconds: Double = 20, until condition: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = try screen()
            if condition(text) { return text }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    func wait(for text: String, seconds: Double = 20) throws -> String? {
        try wait(seconds: seconds) { $0.contains(text) }
    }
}

struct TmuxError: Error { var message: String }
