import Foundation
import Testing

/// Recordings in the console: a disk that fills during a game, and branch
/// recordings that never overwrite each other.
@Suite(.serialized) struct RecordingConsoleTests {
    /// A scenario whose recording header is about `headerBytes` long: first-day
    /// padded with a comment (the header holds the scenario's whole text).
    static func paddedScenario(in scratch: Scratch, headerBytes: Int) throws -> String {
        let text = try CLITests.run(["scenarios", "show", "first-day"]).stdout
        let probe = try scratch.write("probe.yaml", text)
        let probeRecording = scratch.path("probe.jsonl")
        _ = try CLITests.run(["simulate", "--scenario", probe, "--duration", "1m", "--record", probeRecording])
        let header = try #require(scratch.read("probe.jsonl")?.split(separator: "\n").first?.utf8.count)
        let padding = max(0, headerBytes - header - 4)
        return try scratch.write("padded.yaml", text + "\n# " + String(repeating: "x", count: padding) + "\n")
    }

    @Test(.enabled(if: TinyDisk.canMount, "mounting a tmpfs needs root"))
    func aFullDiskDuringPlayTellsThePlayerAndTheGameGoesOn() throws {
        let scratch = try Scratch()
        // One 4 KiB page: the header and a few minutes of checkpoints.
        let scenario = try Self.paddedScenario(in: scratch, headerBytes: 3_700)
        let disk = try #require(TinyDisk.mount(kilobytes: 4))
        defer { TinyDisk.unmount(disk) }
        let path = disk + "/game.jsonl"
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --scenario \(scenario) --duration 15m --speed 120 --record \(path)",
                            environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        let stopped = try tmux.wait(seconds: 30, until: { $0.contains("recording stopped: DISK FULL at 00:0") })
        #expect(stopped != nil, "the player is told")
        #expect(try tmux.wait(seconds: 30, until: { $0.contains("Game over") }) != nil, "the game goes on to its end")
        let end = try tmux.screen().replacingOccurrences(of: "\n", with: " ")
        #expect(end.contains("recording stopped: DISK FULL at 00:0"), "the end screen says so: \(end)")
        try tmux.press("q")
        let exit = try #require(try tmux.wait(for: "EXIT:"))
        #expect(exit.contains("EXIT:0"))
        #expect(exit.contains("recording stopped at 00:0"), "and so does the line after the game")
        let verify = try CLITests.run(["replay", "--verify", path])
        #expect(verify.status == 0, "the file so far is valid: \(verify.stdout)\(verify.stderr)")
    }

    /// Quitting at the briefing plays nothing, so it keeps nothing: no file is left
    /// behind, and the line after the game says why.
    @Test func quittingAtTheBriefingLeavesNoRecording() throws {
        let scratch = try Scratch()
        let path = scratch.path("game.jsonl")
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --record \(path)", environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("q")
        try tmux.press("y")
        let exit = try #require(try tmux.wait(for: "EXIT:"))
        #expect(exit.contains("EXIT:0"))
        #expect(exit.contains("not recorded: the game never left the briefing"), "\(exit)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A game played to its end names its recording on the end screen, with the
    /// command that debriefs it, and the file verifies.
    @Test func theEndScreenNamesTheRecording() throws {
        let scratch = try Scratch()
        let path = scratch.path("game.jsonl")
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --duration 2m --speed 60 --record \(path)",
                            environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        let end = try #require(try tmux.wait(seconds: 30, until: { $0.contains("Game over") }))
        let joined = end.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains("gameday debrief \(path)"), "\(end)")
        try tmux.press("q")
        #expect(try tmux.wait(for: "EXIT:")?.contains("recording: \(path)") == true)
        #expect(try CLITests.run(["replay", "--verify", path]).status == 0)
    }

    /// Taking over twice at the same second writes two branch files, never one over the other.
    @Test func branchesAtTheSameTickGetTheirOwnFiles() throws {
        let scratch = try Scratch()
        let copy = scratch.path("demo.jsonl")
        try FileManager.default.copyItem(atPath: DemoTests.demo, toPath: copy)
        for round in 1...2 {
            let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) replay \(copy)", environment: ConsoleEndToEndTests.utf8)
            #expect(try tmux.wait(for: "REPLAY 00:00:") != nil)
            try tmux.press("Space")
            try tmux.press(":")
            try tmux.type("goto 00:10:00")
            try tmux.press("Enter")
            #expect(try tmux.wait(for: "REPLAY 00:10:00") != nil, "round \(round)")
            try tmux.type("T")
            #expect(try tmux.wait(for: "you have the pager") != nil)
            try tmux.press("q")
            try tmux.press("y")
            #expect(try tmux.wait(for: "EXIT:0")?.contains("branch recording:") == true)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted()
        #expect(files == ["demo-branch-600-2.jsonl", "demo-branch-600.jsonl", "demo.jsonl"])
    }
}

/// A paste of 100,000 characters: read in slices between frames, so the console
/// keeps answering, and the game clock (which waits while the player types, as it
/// does behind help) goes on as soon as the command line closes, with no backlog of
/// keys to work through. The command line keeps its first 4,096 characters and says so.
@Suite(.serialized) struct PasteTests {
    static func gameTime(_ screen: String) -> String? {
        screen.range(of: #"\d\d:\d\d:\d\d / "#, options: .regularExpression).map { String(screen[$0].prefix(8)) }
    }

    @Test func aHugePasteNeitherHangsTheConsoleNorStopsTheClock() throws {
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --no-record --speed 5", environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "TASKS") != nil)
        try tmux.press(":")
        let chunk = String(repeating: "a", count: 4_000)
        for _ in 0..<25 { try tmux.type(chunk) }
        let capped = try tmux.wait(seconds: 30, until: { $0.contains("holds at most 4096 characters") })
        #expect(capped != nil, "the cap is said")
        let status = capped?.split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.hasPrefix(":…aaaa"), "the tail and the cursor show: \(status)")
        try tmux.press("Escape")
        let before = Self.gameTime(try tmux.screen())
        let after = try tmux.wait(seconds: 20) { Self.gameTime($0).map { $0 > (before ?? "") } ?? false }
        #expect(after != nil, "the game clock goes on once the command line closes: \(before ?? "?")")
        try tmux.press(":")
        try tmux.type("pause")
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "PAUSED") != nil, "the command line still works")
        try tmux.press("C-c")
        #expect(try tmux.wait(for: "EXIT:130") != nil)
    }
}
