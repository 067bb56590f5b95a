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

                --host: one host holds 200 connected teams at 10× under one core, and a team sees its command's \
                effect within 100 ms (p99) on loopback; reported at 50, 100 and 200 teams.

                --doors: a team over SSH in a 200×60 terminal gets ≤ 2 KB per frame at steady play; the delay \
                from its keypress to the new frame, and from a broadcast to the projector page's stream, on loopback.

                Examples:
                  swift run -c release gameday bench
                  swift run -c release gameday bench --host
                  swift run -c release gameday bench --doors --seconds 20
                """)

        @Option(help: "Repetitions of each measurement; the best is reported.")
        var repeats = 5

        @Flag(help: "Measure only the simulation, not the console.")
        var simulationOnly = false

        @Flag(help: "Measure a facilitated game's host instead: 50, 100 and 200 teams connected over loopback at 10×.")
        var host = false

        @Flag(help: "Measure the room's other doors instead: a team over SSH (bytes per frame, keypress to frame) and the projector page.")
        var doors = false

        @Option(help: "With --host: the team counts to measure, comma-separated.")
        var teams = "50,100,200"

        @Option(help: "With --host: seconds measured at each team count.")
        var seconds = 20

        @Option(help: ArgumentHelp("Run the benchmark's headless host on this port (started by --host).", visibility: .hidden))
        var serveHost: Int?

        func run() throws {
            guard (1...100).contains(repeats) else { throw GamedayError("--repeats must be 1…100, got \(repeats)") }
            let teamCounts = teams.split(separator: ",").compactMap { Int($0) }
            guard !teamCounts.isEmpty, teamCounts.allSatisfy({ (1...256).contains($0) }) else { throw GamedayError("--teams must be counts of 1…256, got '\(teams)'") }
            guard (1...600).contains(seconds) else { throw GamedayError("--seconds must be 1…600, got \(seconds)") }
            do {
                if let port = serveHost { return try HostBenchmarks.serve(port: port, teams: teamCounts[0]) }
                if doors {
                    #if DEBUG
                    print("note: this is a debug build; figures are only meaningful with -c release")
                    #endif
                    return try RoomDoorBenchmarks(seconds: seconds).run()
                }
                if host {
                    #if DEBUG
                    print("note: this is a debug build; figures are only meaningful with -c release")
                    #endif
                    return try HostBenchmarks(teamCounts: teamCounts, seconds: seconds).run()
                }
            } catch let error as BenchmarkError {
                throw GamedayError(error.description)
            }
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
