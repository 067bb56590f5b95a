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
        #expect(try tmux.wait(for: "injected into your fleet: spike 6 900") != nil)

        try tmux.press(":")
        try tmux.type("scale web 8")
        try tmux.press("Enter")
        let scaled = try tmux.wait { screen in screen.split(separator: "\n").contains { $0.contains(" web ") && $0.contains("/8") } }
        #expect(scaled != nil, "the web row shows desired 8")
        #expect(try tmux.wait(for: "web desired count 3 → 8") != nil, "the event feed reports the change")
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

/// Recordings as a person uses them: a killed session still replays; exports play in asciinema.
@Suite(.serialized) struct RecordingEndToEndTests {
    @Test func aSessionKilledWithSIGKILLStillReplays() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("killed-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let team = "kill\(UInt32.random(in: 1000...9999))"
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --speed 120 --team \(team) --record \(path)",
                            environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        try tmux.press(":")
        try tmux.type("scale web 6")
        try tmux.press("Enter")
        // Let at least three simulated minutes pass at 120×.
        #expect(try tmux.wait(seconds: 30) { $0.contains("00:03:") || $0.contains("00:04:") } != nil)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        kill.arguments = ["pkill", "-KILL", "-f", "^\\S*gameday play --speed 120 --team \(team)"]
        try kill.run()
        kill.waitUntilExit()
        #expect(try tmux.wait(for: "EXIT:137") != nil)
        let verify = try CLITests.run(["replay", "--verify", path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("cut short"))
        #expect(verify.stdout.contains("checkpoints match"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"text\":\"scale web 6\""))
    }

    @Test func exportPlaysInAsciinema() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("r.jsonl").path, cast = folder.appendingPathComponent("r.cast").path
        _ = try CLITests.run(["simulate", "--scenario", "bad-deploy", "--bot", "expert", "--duration", "10m", "--record", recording])
        let export = try CLITests.run(["export", recording, "--asciicast", cast, "--size", "100x30", "--speed", "120"])
        #expect(export.status == 0, "\(export.stderr)")
        let header = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")[0]
        #expect(header.contains("\"version\":2") && header.contains("\"width\":100") && header.contains("\"height\":30"))
        // asciinema cat needs a terminal: script(1) gives it one.
        let player = Process()
        player.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        player.arguments = ["-qec", "asciinema cat \(cast)", "/dev/null"]
        let out = Pipe()
        player.standardOutput = out
        player.standardInput = FileHandle.nullDevice
        try player.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        player.waitUntilExit()
        #expect(player.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("Team score"))
    }

    @Test func badRecordingsAreOneLineAndStatus2() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl").path
        try "{\"type\":\"header\",\"format\":\"gameday-recording\",\"version\":7}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for command in [["replay", "--verify", path], ["debrief", path], ["export", path, "--asciicast", "/tmp/x.cast"], ["replay", "/no/such.jsonl"]] {
            let result = try CLITests.run(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try CLITests.run(["replay", "--verify", path]).stderr.contains("recording format version 7 is not supported"))
    }
}

/// The shipped demo recording replays, in the console and headless.
@Suite(.serialized) struct DemoTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo/flash-sale-expert.jsonl").path

    @Test func demoVerifies() throws {
        let result = try CLITests.run(["replay", "--verify", Self.demo])
        #expect(result.status == 0, "re-record the demo if the simulation changed: \(result.stdout)")
        #expect(result.stdout.contains("61 checkpoints match"))
    }

    @Test func demoReplaysInTheConsoleAndCanBeTakenOver() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("demo.jsonl").path
        try FileManager.default.copyItem(atPath: Self.demo, toPath: copy)
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) replay \(copy) --speed 60", environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "REPLAY 00:00:") != nil)
        for _ in 0..<10 { try tmux.type("]") }
        #expect(try tmux.wait(for: "REPLAY 00:1") != nil, "seeking forward ten minutes")
        try tmux.type("T")
        #expect(try tmux.wait(for: "you have the pager") != nil)
        try tmux.press("q")
        try tmux.press("y")
        let end = try tmux.wait(for: "EXIT:0")
        #expect(end?.contains("branch recording:") == true)
        let branch = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.contains("-branch-") }
        #expect(branch != nil)
        if let branch {
            let verify = try CLITests.run(["replay", "--verify", folder.appendingPathComponent(branch).path])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }
}

/// A bad theme never stops the game: it starts in dark and says why.
@Suite(.serialized) struct ThemeEndToEndTests {
    @Test func aBadThemeStartsWithDarkAndSaysWhy() throws {
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --no-record --theme \(ThemeCLITests.broken) 2>/dev/null",
                            environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "is not a colour") != nil, "the problem is on screen")
        try tmux.press(":")
        try tmux.type("theme light")
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "theme light") != nil)
        try tmux.press("C-c")
        #expect(try tmux.wait(for: "EXIT:130") != nil)
    }
}
