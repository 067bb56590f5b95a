import ArgumentParser
import Benchmarks
import Foundation

extension Gameday {
    /// `gameday bench`: measures simulation and console speed. Run it from a release build.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how fast the simulation and the console run (use a release build).",
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
            do {
                try SimulationBenchmarks(repeats: repeats, appVersion: Gameday.version).run()
                if !simulationOnly { try ConsoleBenchmarks(repeats: repeats).run() }
            } catch let error as BenchmarkError {
                throw GamedayError(error.description)
            }
        }
    }
}
