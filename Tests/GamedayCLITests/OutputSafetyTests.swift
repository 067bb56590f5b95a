import Foundation
import Testing

/// Recordings and exports never destroy anything: no file, link, pipe or device
/// at the path is replaced or written through, an output is never one of the
/// inputs, and a folder that cannot be used is one line that suggests --no-record.
@Suite struct OutputSafetyTests {
    static func expectOneLine(_ result: CLITests.Result, status: Int32 = 2, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("Error Domain"), sourceLocation: sourceLocation)
    }

    @Test func anExistingFileIsNotReplacedUnlessForced() throws {
        let scratch = try Scratch()
        let path = try scratch.write("precious.jsonl", "precious\n")
        let refused = try CLITests.run(["simulate", "--duration", "1m", "--record", path])
        Self.expectOneLine(refused, "\(path) already exists: not replacing it (choose another path, or --force to replace it)")
        #expect(scratch.read("precious.jsonl") == "precious\n")
        let forced = try CLITests.run(["simulate", "--duration", "1m", "--record", path, "--force"])
        #expect(forced.status == 0 || forced.status == 1, "ran (0 or 1: par made or not): \(forced.stderr)")
        #expect(scratch.read("precious.jsonl")?.hasPrefix("{\"app\"") == true, "replaced by the recording")
    }

    @Test func aLinkAPipeOrADeviceIsNeverWrittenThrough() throws {
        let scratch = try Scratch()
        let target = try scratch.write("target.txt", "keep me\n")
        let link = scratch.path("link.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for force in [[], ["--force"]] {
            Self.expectOneLine(try CLITests.run(["simulate", "--duration", "1m", "--record", link] + force),
                               "\(link) is a symbolic link: not writing through it")
        }
        #expect(scratch.read("target.txt") == "keep me\n")
        let fifo = scratch.path("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        Self.expectOneLine(try CLITests.run(["simulate", "--duration", "1m", "--record", fifo, "--force"]), "is a device, pipe or socket, not a file")
        Self.expectOneLine(try CLITests.run(["simulate", "--duration", "1m", "--record", "/dev/null", "--force"]),
                           "/dev/null is a device, pipe or socket, not a file: not writing to it")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
        let recording = try scratch.recording()
        Self.expectOneLine(try CLITests.run(["export", recording, "--asciicast", link]), "is a symbolic link")
        Self.expectOneLine(try CLITests.run(["export", recording, "--asciicast", scratch.folder.path]), "is a folder")
    }

    @Test func anOutputThatIsAnInputIsRefusedEvenWithForce() throws {
        let scratch = try Scratch()
        let recording = try scratch.recording()
        let before = scratch.read("r.jsonl")
        for force in [[], ["--force"]] {
            Self.expectOneLine(try CLITests.run(["export", recording, "--asciicast", recording] + force),
                               "\(recording) is the recording being exported: refusing to overwrite it")
        }
        let hardLink = scratch.path("same.cast")
        #expect(link(recording, hardLink) == 0)
        Self.expectOneLine(try CLITests.run(["export", recording, "--asciicast", hardLink, "--force"]), "is the recording being exported")
        #expect(scratch.read("r.jsonl") == before)
        let scenario = try scratch.write("my.yaml", try CLITests.run(["scenarios", "show", "flash-sale"]).stdout)
        for force in [[], ["--force"]] {
            Self.expectOneLine(try CLITests.run(["simulate", "--scenario", scenario, "--record", scenario] + force),
                               "\(scenario) is the scenario file being played: refusing to overwrite it")
        }
        #expect(scratch.read("my.yaml")?.hasPrefix("id: flash-sale") == true)
    }

    @Test func anUnusableFolderIsOneLineInWords() throws {
        let long = "/tmp/" + String(repeating: "n", count: 300) + ".jsonl"
        for (path, reason) in [("/proc/nope/x.jsonl", "cannot create the folder /proc/nope"), (long, "the name is too long"),
                               ("/dev/null/x.jsonl", "a part of the path is not a folder")] {
            Self.expectOneLine(try CLITests.run(["simulate", "--duration", "1m", "--record", path]), reason)
        }
    }

    @Test(arguments: [("XDG_DATA_HOME=/dev/null", ""), ("", "--record /proc/nope/x.jsonl")])
    func playWithAnUnusableRecordingsFolderSaysToPlayWithoutRecording(environment: String, option: String) throws {
        var env = ConsoleEndToEndTests.utf8
        if let equals = environment.firstIndex(of: "=") {
            env[String(environment[..<equals])] = String(environment[environment.index(after: equals)...])
        }
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play \(option)", environment: env)
        // The line wraps in the pane: join the rows back together.
        let screen = try #require(try tmux.wait(for: "EXIT:")).replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("EXIT:2"), "\(screen)")
        #expect(screen.contains("(play without recording: --no-record; or choose the file: --record PATH)"), "\(screen)")
        #expect(!screen.contains("NSCocoaErrorDomain"))
        ConsoleEndToEndTests.expectRestored(try tmux.wait(for: "icanon") ?? tmux.screen())
    }

    /// The reproduction: an 8 KiB disk fills during a two-hour game.
    @Test(.enabled(if: TinyDisk.canMount, "mounting a tmpfs needs root; aFileSizeLimitStopsTheRecordingNotTheRun covers the same path"))
    func aFullDiskStopsTheRecordingNotTheRun() throws {
        let disk = try #require(TinyDisk.mount(kilobytes: 8))
        defer { TinyDisk.unmount(disk) }
        let path = disk + "/x.jsonl"
        let result = try CLITests.run(["simulate", "--scenario", "microservices-madness", "--bot", "expert", "--record", path])
        #expect(result.status == 74, "EX_IOERR: \(result.stderr)")
        #expect(result.stdout.contains("world hash"), "the run finished and printed its summary")
        #expect(result.stderr.hasPrefix("gameday: recording stopped at 00:"), "\(result.stderr)")
        #expect(result.stderr.contains("no space left on the device (disk full); \(path) holds the game up to there (a valid recording, cut short)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let verify = try CLITests.run(["replay", "--verify", path])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("cut short") && verify.stdout.contains("checkpoints match"))
    }

    /// Without privileges: a file size limit makes the write fail (EFBIG) the same way.
    @Test func aFileSizeLimitStopsTheRecordingNotTheRun() throws {
        let scratch = try Scratch()
        let path = scratch.path("limited.jsonl")
        // dash counts ulimit -f in 512-byte blocks: 4 KiB, room for the header and a few minutes.
        let result = try CLITests.run(["-c", "ulimit -f 8 && exec \"$0\" simulate --duration 30m --record \"$1\"", CLITests.binary.path, path],
                                      executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("file too large; \(path) holds the game up to there"), "\(result.stderr)")
        let verify = try CLITests.run(["replay", "--verify", path])
        #expect(verify.status == 0 && verify.stdout.contains("cut short"), "\(verify.stdout)\(verify.stderr)")
    }
}
