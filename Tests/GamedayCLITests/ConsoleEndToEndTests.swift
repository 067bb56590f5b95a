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

    @Test(arguments: [("TERM", 143), ("HUP", 129)])
    func terminationSignalsRestoreTheTerminal(signal: String, status: Int) throws {
        let team = "sig\(UInt32.random(in: 1000...9999))"
        let tmux = try Tmux(command: "\(Self.binary) play --team \(team)", environment: Self.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Anchored so that only the game matches, not the shell that started it.
        kill.arguments = ["pkill", "-\(signal)", "-f", "^\\S*gameday play --team \(team)"]
        try kill.run()
        kill.waitUntilExit()
        #expect(try tmux.wait(for: "EXIT:\(status)") != nil)
        Self.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        let tmux = try Tmux(command: "\(Self.binary) play --crash-after-first-frame 2>/dev/null", environment: Self.utf8)
        let screen = try tmux.wait { $0.contains("EXIT:") && $0.contains("icanon") }
        #expect(screen != nil)
        #expect(screen?.contains("EXIT:0") == false, "the process died of its trap")
        Self.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
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
