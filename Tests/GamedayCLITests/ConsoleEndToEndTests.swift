import Foundation
import Testing

/// The console as a person uses it: the real binary in a real terminal
/// (tmux), keys typed, the screen read back. Needs tmux (installed by .ci/run).
@Suite(.serialized) struct ConsoleEndToEndTests {
    static var binary: String { CLITests.binary.path }
    static let utf8 = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    /// What `stty -a` printed after the game ended shows a restored terminal.
    static func expectRestored(_ screen: String) {
        // stty's line wraps in the pane: join the rows back together.
        let stty = screen.replacingOccurrences(of: "\n", with: "")
        #expect(stty.contains(" icanon") && !stty.contains("-icanon"), "canonical mode restored: \(stty)")
        #expect(stty.contains(" echo ") && !stty.contains("-echo "), "echo restored: \(stty)")
    }

    @Test func scaleDuringASpikeThenHelpResizeAndQuit() throws {
        let tmux = try Tmux(command: "\(Self.binary) play --speed 30 --seed 1", environment: Self.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil, "briefing screen")
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil, "services pane")

        try tmux.press(":")
        try tmux.type("inject spike 6 900")
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "injected into every team: spike 6 900") != nil)

        try tmux.press(":")
        try tmux.type("scale web 8")
        try tmux.press("Enter")
        let scaled = try tmux.wait { screen in screen.split(separator: "\n").contains { $0.contains(" web ") && $0.contains("/8") } }
        #expect(scaled != nil, "the web row shows desired 8")
        // The events pane is narrow at 120×40: w wraps its lines so the whole event reads.
        try tmux.press("w")
        #expect(try tmux.wait(for: "web desired count 3 →") != nil, "the event feed reports the change")
        #expect(try tmux.wait(for: "manual: scale web 8") != nil, "wrapped, it reads in full")
        let serving = try tmux.wait(seconds: 40) { screen in screen.split(separator: "\n").contains { $0.contains(" web ") && $0.contains("8/8") } }
        #expect(serving != nil, "all 8 web tasks running within ~3 game minutes")

        try tmux.press("?")
        #expect(try tmux.wait(for: "Help: keys and commands") != nil)
        try tmux.press("Escape")
        #expect(try tmux.wait { !$0.contains("Help: keys and commands") } != nil)

        try tmux.resize(width: 80, height: 24)
        #expect(try tmux.wait(for: "1 Incidents") != nil, "compact layout with tabs")
        try tmux.resize(width: 60, height: 20)
        #expect(try tmux.wait(for: "terminal too small: need 80") != nil)
        try tmux.resize(width: 120, height: 40)
        #expect(try tmux.wait(for: "Scaling") != nil, "wide layout again")

        try tmux.press("q")
        #expect(try tmux.wait(for: "The game is still running.") != nil, "quit asks first")
        try tmux.press("y")
        let end = try tmux.wait(for: "EXIT:0")
        #expect(end != nil)
        Self.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
    }

    /// A window that grew during the game: quitting leaves nothing of the console behind
    /// (tmux keeps lines drawn after a window grew on the normal screen unless they are blanked).
    @Test func quittingAfterTheWindowGrewLeavesAClearTerminal() throws {
        let tmux = try Tmux(command: "\(Self.binary) play --no-record", width: 100, height: 30, environment: Self.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.resize(width: 130, height: 45)
        #expect(try tmux.wait { $0.split(separator: "\n").contains { $0.count > 110 } } != nil, "redrawn at the new size")
        try tmux.press("q")
        let after = try #require(try tmux.wait(for: "EXIT:0"))
        #expect(!after.contains("Unicorn.Rentals") && !after.contains("How to play"), "\(after)")
    }

    @Test func ctrlCQuitsAtOnceAndRestoresTheTerminal() throws {
        let tmux = try Tmux(command: "\(Self.binary) play", environment: Self.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil)
        try tmux.press("C-c")
        let exited = try tmux.wait(for: "EXIT:130")
        let screen = try tmux.screen()
        #expect(exited != nil, "\(screen)")
        Self.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
    }

    /// Every signal whose default would kill the game (and leave the terminal raw) quits
    /// like Ctrl-C: the terminal is restored and the recording gets its end line.
    /// SIGQUIT (Ctrl-\\) too: no backtracer takes the screen over.
    @Test(arguments: [("HUP", 1), ("INT", 2), ("QUIT", 3), ("USR1", 10), ("USR2", 12), ("PIPE", 13), ("ALRM", 14), ("TERM", 15)])
    func terminationSignalsRestoreTheTerminalAndEndTheRecording(signal: String, number: Int) throws {
        let team = "sig\(UInt32.random(in: 1000...9999))"
        let scratch = try Scratch()
        let recording = scratch.path("signal.jsonl")
        let tmux = try Tmux(command: "\(Self.binary) play --team \(team) --speed 10 --record \(recording)", environment: Self.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Anchored so that only the game matches, not the shell that started it.
        kill.arguments = ["pkill", "-\(signal)", "-f", "^\\S*gameday play --team \(team)"]
        try kill.run()
        kill.waitUntilExit()
        let screen = try tmux.wait(for: "EXIT:\(128 + number)")
        let shown = try tmux.screen()
        #expect(screen != nil, "SIG\(signal): \(shown)")
        #expect(screen?.contains("Press space to interact") == false)
        Self.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
        let lines = scratch.read("signal.jsonl")?.split(separator: "\n") ?? []
        #expect(lines.last?.contains("\"type\":\"end\"") == true, "SIG\(signal): the recording ends with its end line")
        let verify = try CLITests.run(["replay", "--verify", recording])
        #expect(verify.status == 0 && !verify.stdout.contains("cut short"), "\(verify.stdout)")
    }

    /// A crash (a failed runtime check) restores the terminal, and names the crash log,
    /// which holds the runtime's message and backtrace (not shown on the terminal).
    @Test func aCrashRestoresTheTerminalAndNamesItsLog() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        var environment = Self.utf8
        environment["XDG_DATA_HOME"] = data
        let tmux = try Tmux(command: "\(Self.binary) play --crash-after-first-frame", environment: environment)
        let screen = try tmux.wait(seconds: 60) { $0.contains("EXIT:") && $0.contains("icanon") }
        #expect(screen != nil)
        #expect(screen?.contains("EXIT:0") == false, "the process died of its trap")
        #expect(screen?.contains("Press space to interact") == false, "no interactive backtracer")
        let text = (screen ?? "").replacingOccurrences(of: "\n", with: "")
        #expect(text.contains("gameday crashed (illegal instruction: a Swift runtime check failed); the terminal is restored. Crash log: \(data)/gameday/crashes/gameday-"), "\(text)")
        Self.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: data + "/gameday/crashes")) ?? []
        #expect(logs.count == 1)
        let log = logs.first.flatMap { try? String(contentsOfFile: data + "/gameday/crashes/" + $0, encoding: .utf8) } ?? ""
        #expect(log.contains("Fatal error: crash requested by --crash-after-first-frame"), "\(log.prefix(500))")
    }

    /// A game that ends normally leaves no empty crash log behind.
    @Test func aNormalExitLeavesNoCrashLog() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("nocrash-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        var environment = Self.utf8
        environment["XDG_DATA_HOME"] = data
        let tmux = try Tmux(command: "\(Self.binary) play --no-record", environment: environment)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("q")
        #expect(try tmux.wait(for: "EXIT:0") != nil)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: data + "/gameday/crashes")) ?? []).isEmpty)
    }

    @Test func anEmptyNoColorKeepsColour() throws {
        var environment = Self.utf8
        environment["NO_COLOR"] = ""
        let tmux = try Tmux(command: "\(Self.binary) play --no-record", environment: environment)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil)
        #expect(try tmux.screen(withColors: true).contains("38;5;"), "colour stays on: no-color.org asks for a value that is not empty")
        try tmux.press("C-c")
    }

    @Test func nonUTF8LocaleFallsBackToASCII() throws {
        let tmux = try Tmux(command: "\(Self.binary) play", width: 100, height: 30, environment: ["LANG": "C", "LC_ALL": "C"])
        try tmux.press("Enter")
        let screen = try tmux.wait(for: "TASKS")
        #expect(screen?.contains("+- > Services") == true || screen?.contains("+-") == true, "ASCII borders")
        #expect(screen.map { $0.unicodeScalars.allSatisfy(\.isASCII) } == true, "nothing but ASCII on screen")
        try tmux.press("C-c")
    }

    @Test func noColorIsMonochrome() throws {
        var environment = Self.utf8
        environment["NO_COLOR"] = "1"
        let tmux = try Tmux(command: "\(Self.binary) play", environment: environment)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil)
        let colored = try tmux.screen(withColors: true)
        #expect(!colored.contains("38;5;"), "no 256-colour foreground")
        #expect(colored.range(of: "\u{1B}\\[3[0-7]m", options: .regularExpression) == nil, "no basic colours")
        #expect(colored.contains("OK"), "states still in words")
        try tmux.press("C-c")
    }

    @Test func terminalThatCannotAddressTheCursorIsRefused() throws {
        let tmux = try Tmux(command: "\(Self.binary) play", environment: ["TERM": "dumb"])
        let screen = try tmux.wait(for: "EXIT:")
        #expect(screen?.contains("cannot address the cursor") == true)
        #expect(screen?.contains("EXIT:2") == true)
        let unknown = try Tmux(command: "\(Self.binary) play", environment: ["TERM": "no-such-terminal"])
        let second = try unknown.wait(for: "EXIT:")
        #expect(second?.contains("unknown terminal type TERM=no-such-terminal") == true)
        #expect(second?.contains("EXIT:2") == true)
    }

    @Test func notATerminalIsOneLineAndStatus2() throws {
        let result = try CLITests.run(["play"])
        #expect(result.status == 2)
        #expect(result.stderr == "gameday: cannot start the console: stdin and stdout must be a terminal (for scripts use: gameday simulate)\n")
        #expect(result.stdout.isEmpty, "no escape codes written into a pipe")
    }
}
