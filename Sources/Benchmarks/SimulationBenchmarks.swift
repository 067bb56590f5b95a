import FleetSim
import Foundation
import Scenarios
import Session

/// Simulation measurements for `gameday bench`: a whole game of the default
/// fleet, time per tick as the fleet grows, and `replay --verify` of a
/// two-hour recording. Meaningful only in a release build.
public struct SimulationBenchmarks {
    let stopwatch: Stopwatch
    let appVersion: String

    public init(repeats: Int, appVersion: String) {
        stopwatch = Stopwatch(repeats: repeats)
        self.appVersion = appVersion
    }

    public func run() throws {
        let format = Stopwatch.format
        let scenario = BuiltInScenarios.firstDay
        let game = stopwatch.best {
            _ = try? HeadlessRun.play(scenario: scenario, seed: 1, durationSeconds: 7_200)
        }
        print("default fleet, 2 h game (first-day, idle): \(format(game * 1000)) ms  "
            + "= \(Int(7_200 / game).formatted())× real time   (target ≥ 100,000×, ≤ 72 ms)")

        let large = try perTick(services: 100, tasksPerService: 100, ticks: 600)
        print("100 services / 10,000 tasks: \(format(large * 1e6)) µs per tick  "
            + "= \(Int(1 / large).formatted())× real time   (target ≥ 1,000×)")

        print("time per tick by fleet size (target: linear):")
        var previous: (tasks: Int, seconds: Double)?
        for (services, perService, ticks) in [(10, 100, 2_000), (100, 100, 600), (100, 1_000, 60)] {
            let seconds = try perTick(services: services, tasksPerService: perService, ticks: ticks)
            let tasks = services * perService
            var line = "  \(tasks.formatted()) tasks: \(format(seconds * 1e6)) µs per tick, \(format(seconds * 1e9 / Double(tasks))) ns per task"
            if let previous {
                line += ", ×\(format(seconds / previous.seconds)) for ×\(tasks / previous.tasks) tasks"
            }
            print(line)
            previous = (tasks, seconds)
        }
        try measureVerify()
    }

    /// `replay --verify` of a two-hour recording (microservices-madness, expert bot).
    private func measureVerify() throws {
        guard let scenario = BuiltInScenarios.named("microservices-madness") else { return }
        var recorder = Recorder(header: RecordingHeader(appVersion: appVersion, scenario: scenario, difficulty: .normal,
                                                        seed: scenario.defaultSeed, durationSeconds: scenario.durationSeconds, team: "bench"))
        var lines = [recorder.headerLine]
        var last: GameSession?
        _ = try HeadlessRun.play(scenario: scenario, seed: scenario.defaultSeed, durationSeconds: scenario.durationSeconds, bot: .expert,
                                 onTick: { lines += recorder.lines(for: $0); last = $0 })
        if let last { lines.append(recorder.endLine(for: last)) }
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        var checkpoints = 0
        let seconds = stopwatch.best {
            if let recording = try? Recording.parse(data, file: "bench.jsonl"), let result = try? Verification.run(recording) {
                checkpoints = result.checkpoints
            }
        }
        print("replay --verify of a 2 h recording (\(lines.count) lines, \(checkpoints) checkpoints): \(Stopwatch.format(seconds * 1000)) ms   (target ≤ 100 ms)")
    }

    private func perTick(services: Int, tasksPerService: Int, ticks: Int) throws -> Double {
        let start = try World(fleet: SyntheticFleet.spec(services: services, tasksPerService: tasksPerService), seed: 1)
        let seconds = stopwatch.best {
            var world = start
            world.run(seconds: ticks)
        }
        return seconds / Double(ticks)
    }
}
