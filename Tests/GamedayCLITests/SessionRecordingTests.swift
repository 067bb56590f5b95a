import Foundation
import Testing

/// A facilitated session's recordings: never over an existing session, and a
/// team whose recording cannot be written is named to the facilitator at once
/// and again after the game (it was skipped in silence).
@Suite(.serialized) struct SessionRecordingTests {
    @Test func anExistingSessionFileIsNotReplaced() throws {
        let scratch = try Scratch()
        let session = try scratch.write("session.jsonl", "precious\n")
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) facilitate --listen 127.0.0.1:\(try FacilitatedEndToEndTests.freePort()) --record \(scratch.folder.path)",
                            environment: ConsoleEndToEndTests.utf8)
        let screen = try #require(try tmux.wait(for: "EXIT:")).replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("EXIT:2"))
        #expect(screen.contains("\(session) already exists: not replacing it"), "\(screen)")
        #expect(scratch.read("session.jsonl") == "precious\n")
    }

    @Test(.enabled(if: TinyDisk.canMount, "mounting a tmpfs needs root"))
    func aTeamThatCannotBeRecordedIsNamedToTheFacilitator() throws {
        // One 4 KiB page: the session file's header fits; a team recording's does not.
        let disk = try #require(TinyDisk.mount(kilobytes: 4))
        defer { TinyDisk.unmount(disk) }
        let port = try FacilitatedEndToEndTests.freePort()
        let token = "tiny-disk-\(UInt32.random(in: 1000...9999))"
        let facilitator = try Tmux(command: "\(ConsoleEndToEndTests.binary) facilitate --scenario flash-sale --listen 127.0.0.1:\(port) --token \(token) --record \(disk)/day",
                                   width: 120, height: 40, environment: ConsoleEndToEndTests.utf8)
        #expect(try facilitator.wait(for: "NOT STARTED") != nil)
        let red = try Tmux(command: "\(ConsoleEndToEndTests.binary) join 127.0.0.1:\(port) --token \(token) --team red",
                           environment: ConsoleEndToEndTests.utf8)
        #expect(try red.wait(for: "Enter the console") != nil)
        try red.press("Enter")
        let told = try facilitator.wait(seconds: 20) { $0.replacingOccurrences(of: "\n", with: "").contains("team red is not recorded") }
        let shown = try facilitator.screen()
        #expect(told != nil, "the facilitator is told at once: \(shown)")
        try facilitator.press("q")
        #expect(try facilitator.wait(for: "End the game day?") != nil)
        try facilitator.press("y")
        let end = try #require(try facilitator.wait(for: "EXIT:")).replacingOccurrences(of: "\n", with: "")
        #expect(end.contains("gameday: team red is not recorded: cannot write the recording"), "and again after the game: \(end)")
        #expect(end.contains("no space left on the"), "the reason, in words")
        let verify = try CLITests.run(["replay", "--verify", disk + "/day/session.jsonl"])
        #expect(!verify.stderr.contains("Error Domain"), "\(verify.stderr)")
    }
}
