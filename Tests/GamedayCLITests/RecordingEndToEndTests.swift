import Foundation
import Testing

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
        let video = String(decoding: data, as: UTF8.self)
        #expect(video.contains("Team score"))
        #expect(video.contains("120×"), "the header gives the video's speed, not 1×")
        #expect(!video.contains("a ack"), "a replay offers no acknowledging")
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
