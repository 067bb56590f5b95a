import Foundation
import Testing

/// Runs the real `gameday` binary as a user would, checking output and exit status.
@Suite struct CLITests {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static var binary: URL {
        // The test bundle sits in the same build products folder as the executable.
        let products = Bundle.main.bundleURL
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("gameday")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return products.appendingPathComponent("gameday")
    }

    /// Runs `executable` (the built binary by default), optionally in another folder and environment.
    static func run(_ arguments: [String], executable: URL? = nil, in folder: URL? = nil,
                    environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func simulatePrintsTheSameHashOnEveryRun() throws {
        let args = ["simulate", "--seed", "3", "--duration", "20m", "--bot", "autoscaler", "--command", "00:05:00 scale web 5"]
        let a = try Self.run(args), b = try Self.run(args)
        #expect(a.status == b.status)
        #expect(a.stdout.contains("world hash"))
        #expect(a.stdout == b.stdout)
    }

    @Test func simulateJSONHasTheScoreParts() throws {
        let result = try Self.run(["simulate", "--duration", "10m", "--json"])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["scenario"] as? String == "first-day")
        #expect((json?["worldHash"] as? String)?.count == 16)
        #expect(json?["parts"] is [String: Any])
        #expect(json?["durationSeconds"] as? Int == 600)
        #expect(json?["madePar"] as? Bool == false)
    }

    static let shippedScenarios = ["first-day", "flash-sale", "bad-deploy", "crash-loop", "az-outage", "tightly-coupled", "microservices-madness"]

    @Test func theParCheckCoversEveryShippedScenario() throws {
        let list = try Self.run(["scenarios", "list"])
        let ids = list.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(ids == Self.shippedScenarios)
    }

    /// Every shipped level is winnable and not trivial, exactly as CI would ask:
    /// `gameday simulate --scenario X --bot expert` exits 0, with `--bot idle` it exits 1.
    @Test(arguments: shippedScenarios)
    func expertReachesParAndIdleFallsShort(scenario: String) throws {
        let expert = try Self.run(["simulate", "--scenario", scenario, "--bot", "expert"])
        #expect(expert.status == 0, "\(scenario): \(expert.stdout)")
        #expect(expert.stdout.contains("(made par)"))
        let idle = try Self.run(["simulate", "--scenario", scenario, "--bot", "idle"])
        #expect(idle.status == 1, "\(scenario) is too easy: \(idle.stdout)")
        #expect(idle.stdout.contains("(below par)"))
    }

    @Test(arguments: [
        (["simulate", "--scenario", "nope"], "unknown scenario 'nope' (scenarios: first-day, flash-sale,"),
        (["simulate", "--scenario", "/no/such/file.yaml"], "/no/such/file.yaml:1:1: no such file"),
        (["simulate", "--difficulty", "extreme"], "extreme"),
        (["scenarios", "show", "nope"], "unknown scenario 'nope'"),
        (["faults", "nope"], "unknown fault 'nope'"),
        (["simulate", "--seed=-4"], "seed must be 0 or more, got -4"),
        (["simulate", "--duration", "two hours"], "cannot read duration 'two hours'"),
        (["simulate", "--bot", "genius"], "genius"),
        (["simulate", "--command", "00:10:00 scale unicorns 3"], "unknown service 'unicorns' (services: router,"),
        (["simulate", "--command", "scale web 3"], "--command needs a time then a command"),
        (["simulate", "--command", "00:01:00 scale web lots"], "COUNT must be a whole number, got 'lots'"),
        (["fly"], "fly"),
    ])
    func badInputIsOneLineAndExitStatus2(arguments: [String], message: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func brokenScenarioFilesAreReportedWithFileLineAndColumn() throws {
        let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScenariosTests/Broken/unknown-service.yaml").path
        for command in [["scenarios", "validate", broken], ["simulate", "--scenario", broken], ["play", "--scenario", broken]] {
            let result = try Self.run(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("unknown-service.yaml:10:14: timeline[0].service: unknown service 'webb'"), "\(result.stderr)")
            #expect(result.stderr.contains("unknown-service.yaml:12:5: timeline[1]: unknown zone 'q'"))
        }
        let shipped = try Self.run(["scenarios", "show", "az-outage"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("az-\(UUID().uuidString).yaml").path
        try shipped.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let valid = try Self.run(["scenarios", "validate", file])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("ok: az-outage"))
        let played = try Self.run(["simulate", "--scenario", file, "--duration", "5m"])
        #expect(played.stdout.contains("az-outage"))
    }

    @Test(arguments: [["--help"], ["simulate", "--help"], ["bench", "--help"], ["--version"], ["scenarios", "list"],
                      ["scenarios", "show", "flash-sale"], ["faults"], ["faults", "latency"], ["play", "--help"]])
    func helpAndVersionExitZero(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
    }
}
