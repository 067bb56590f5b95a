import ArgumentParser
import FleetSim
import Foundation
import Scenarios
import Session

extension Gameday {
    /// `gameday bench`: measures simulation speed. Run it from a release build.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how fast the simulation runs (use a release build).",
            discussion: """
                Targets: the default fleet at ≥ 100,000 simulated seconds per wall second (a 2-hour \
                game in ≤ 72 ms); 100 services / 10,000 tasks at ≥ 1,000×; time per tick growing \
                linearly from 1k to 10k to 100k tasks.

                Console targets: a 200×60 frame composed in ≤ 1 ms, ≤ 2 KB written to the terminal \
                per frame at steady state, the first frame ≤ 150 ms after launch, < 1 % CPU while paused.

                Example: swift run -c release gameday bench
                """)

        @Option(help: "Repetitions of each measurement; the best is reported.")
        var repeats = 5

        @Flag(help: "Measure only the simulation, not the console.")
        var simulationOnly = false

        func run() throws {
            guard (1...100).contains(repeats) else { throw GamedayError("--repeats must be 1…100, got \(repeats)") }
            #if DEBUG
            print("note: this is a debug build; figures are only meaningful with -c release")
            #endif
            let scenario = BuiltInScenarios.firstDay
            let game = best(of: repeats) {
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
            if !simulationOnly { try ConsoleBenchmarks(repeats: repeats).run() }
        }

        /// `replay --verify` of a two-hour recording (microservices-madness, expert bot).
        private func measureVerify() throws {
            guard let scenario = BuiltInScenarios.named("microservices-madness") else { return }
            var recorder = Recorder(header: RecordingHeader(appVersion: Gameday.version, scenario: scenario, difficulty: .normal,
                                                            seed: scenario.defaultSeed, durationSeconds: scenario.durationSeconds, team: "bench"))
            var lines = [recorder.headerLine]
            var last: GameSession?
            _ = try HeadlessRun.play(scenario: scenario, seed: scenario.defaultSeed, durationSeconds: scenario.durationSeconds, bot: .expert,
                                     onTick: { lines += recorder.lines(for: $0); last = $0 })
            if let last { lines.append(recorder.endLine(for: last)) }
            let data = Data((lines.joined(separator: "\n") + "\n").utf8)
            var checkpoints = 0
            let seconds = best(of: repeats) {
                if let recording = try? Recording.parse(data, file: "bench.jsonl"), let result = try? Verification.run(recording) {
                    checkpoints = result.checkpoints
                }
            }
            print("replay --verify of a 2 h recording (\(lines.count) lines, \(checkpoints) checkpoints): \(format(seconds * 1000)) ms   (target ≤ 100 ms)")
        }

        private func perTick(services: Int, tasksPerService: Int, ticks: Int) throws -> Double {
            let start = try World(fleet: SyntheticFleet.spec(services: services, tasksPerService: tasksPerService), seed: 1)
            let seconds = best(of: repeats) {
                var world = start
                world.run(seconds: ticks)
            }
            return seconds / Double(ticks)
        }

        private func best(of n: Int, _ body: () -> Void) -> Double {
            let clock = ContinuousClock()
            var best = Double.infinity
            for _ in 0..<n {
                let elapsed = clock.measure(body)
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
            return best
        }

        private func format(_ x: Double) -> String { String(format: x < 10 ? "%.2f" : "%.0f", x) }
    }
}
