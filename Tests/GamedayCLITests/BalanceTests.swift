import Foundation
import Testing

/// The score teaches: every shipped scenario, at every difficulty, over 20 seeds —
/// the expert makes par on at least 90 % of them, idle on none, every naive bot and
/// degenerate strategy averages below the expert, and the expert reaches every quest.
/// About 2,000 games, so they run on a release build (built here into `.build-release`);
/// `gameday balance` prints the table and exits 1 on any violation.
@Suite(.serialized) struct BalanceTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyShippedScenarioIsBalancedOverTwentySeeds() throws {
        let build = try Self.shell("swift build -c release --product gameday --scratch-path .build-release 2>&1")
        try #require(build.status == 0, "release build failed:\n\(build.output.suffix(2_000))")
        let balance = try Self.shell(".build-release/release/gameday balance --seeds 20 --difficulty all")
        #expect(balance.status == 0, "\(balance.output)")
        #expect(balance.output.contains("balance ok"))
    }

    static func shell(_ command: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = package
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
