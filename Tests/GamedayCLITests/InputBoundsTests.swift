import Foundation
import Testing

/// Every input has a bound, checked before the work it protects: game length,
/// file sizes (checked before reading), devices, thousands of --command options.
@Suite struct InputBoundsTests {
    @Test(arguments: ["simulate", "play"])
    func theGameIsAtMostADay(command: String) throws {
        for duration in ["9223372036854775807", "1000000h", "24h1s"] {
            let result = try CLITests.run([command, "--duration", duration])
            #expect(result.status == 2)
            #expect(result.stderr == "gameday: duration '\(duration)' is longer than 24 hours, the longest game (as in scenario files)\n")
        }
    }

    /// A 3 GB sparse file is refused from its size, before a byte is read.
    @Test func hugeFilesAreRefusedBeforeTheyAreRead() throws {
        let scratch = try Scratch()
        let huge = scratch.path("huge.jsonl")
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 3 << 30) == 0)
        for (arguments, message) in [
            (["debrief", huge], "\(huge): file is 3 GiB; recordings are at most 16 MiB"),
            (["replay", "--verify", huge], "\(huge): file is 3 GiB; recordings are at most 16 MiB"),
            (["export", huge, "--asciicast", scratch.path("x.cast")], "\(huge): file is 3 GiB; recordings are at most 16 MiB"),
            (["themes", "preview", huge], "\(huge): cannot read the theme file: file is 3 GiB; theme files are at most 64 KiB"),
            (["scenarios", "validate", huge], "\(huge):1:1: file is 3 GiB; scenario files are at most 256 KiB"),
            (["simulate", "--scenario", huge], "\(huge):1:1: file is 3 GiB; scenario files are at most 256 KiB"),
        ] {
            let result = try CLITests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    /// /dev/zero never ends: it is a device, not a file, and is not read at all.
    @Test func devicesAreNotRead() throws {
        for (arguments, message) in [
            (["debrief", "/dev/zero"], "/dev/zero: is a device or socket, not a file"),
            (["simulate", "--scenario", "/dev/zero"], "/dev/zero:1:1: is a device or socket, not a file"),
            (["themes", "preview", "/dev/zero"], "/dev/zero: cannot read the theme file: is a device or socket, not a file"),
        ] {
            let result = try CLITests.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    /// Thousands of --command options: read in one pass, each one applied.
    @Test func manyCommandsAreParsed() throws {
        let count = 20_000
        var arguments = ["simulate", "--duration", "2m", "--json"]
        for n in 0..<count { arguments += n % 2 == 0 ? ["--command", "00:01:00 scale web 4"] : ["--command=00:01:30 scale web 5"] }
        let result = try CLITests.run(arguments)
        #expect(result.status == 0 || result.status == 1, "ran (par made or not): \(result.stderr.prefix(300))")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["commands"] as? Int == count)
    }

    @Test func simulateChecksTheTeamNameAsPlayDoes() throws {
        for command in ["simulate", "play"] {
            let result = try CLITests.run([command, "--team", "a/very/long/team/name/that/goes/on"])
            #expect(result.status == 2)
            #expect(result.stderr == "gameday: a team name is at most 24 characters, 'a/very/long/team/name/that/goes/on' has 34\n", "\(result.stderr)")
        }
    }
}
