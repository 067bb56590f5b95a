import ArgumentParser
import FleetSim
import Foundation
import Scenarios
import Session

extension BotKind: ExpressibleByArgument {}
extension Difficulty: ExpressibleByArgument {}

extension Gameday {
    /// `gameday simulate`: plays a scenario headless and prints the summary.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a scenario without a screen and print the score.",
            discussion: """
                The same scenario, seed, bot and commands give the same world hash on every run. \
                The exit status is 0 when the score reaches the scenario's par, 1 when it falls short.

                Examples:
                  gameday simulate
                  gameday simulate --seed 7 --duration 30m --bot autoscaler
                  gameday simulate --command "00:09:00 scale web 6" --events
                """)

        @Option(help: "Scenario id (\(BuiltInScenarios.ids.joined(separator: ", "))) or a scenario file.")
        var scenario = "first-day"

        @Option(help: "Inject intensity and budget: easy, normal (as written) or hard.")
        var difficulty: Difficulty = .normal

        @Option(parsing: .unconditional, help: "Random seed (0 or more); defaults to the scenario's own.")
        var seed: Int64?

        @Option(help: "How long to play: 2h, 90m, 45s, 1h30m or HH:MM:SS; defaults to the scenario's length.")
        var duration: String?

        @Option(help: "Rival strategy that plays: \(BotKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var bot: BotKind = .idle

        @Option(name: .customLong("command"), help: ArgumentHelp(
            "A player command at a game time, e.g. \"00:10:00 scale rentals 6\". Repeatable.",
            valueName: "TIME COMMAND"))
        var commands: [String] = []

        @Option(help: "Write a recording of the run (JSON Lines) to this file.")
        var record: String?

        @Option(help: "Team name in the recording.")
        var team = "you"

        @Flag(help: "Print the summary as JSON.")
        var json = false

        @Flag(help: "Print every event (ECS, load balancer, alarms, commands) as it happens, before the summary.")
        var events = false

        func run() throws {
            let scenario = try ScenarioLookup.find(self.scenario).adjusted(for: difficulty)
            if let seed, seed < 0 { throw GamedayError("seed must be 0 or more, got \(seed)") }
            var durationSeconds = scenario.durationSeconds
            if let duration {
                guard let seconds = GameClock.parse(duration), seconds > 0 else {
                    throw GamedayError("cannot read duration '\(duration)' (use e.g. 2h, 90m, 45s, 1h30m or 01:30:00)")
                }
                durationSeconds = seconds
            }
            let script = try commands.map(Self.scheduledCommand)
            let seedValue = seed.map { UInt64($0) } ?? scenario.defaultSeed
            try Self.checkServices(in: script, scenario: scenario)
            var recording: (file: RecordingFile, recorder: Recorder)?
            if let record {
                let header = RecordingHeader(appVersion: Gameday.version, scenario: scenario, difficulty: difficulty, seed: seedValue,
                                             durationSeconds: durationSeconds, team: team)
                let file = try RecordingFile(path: record)
                let recorder = Recorder(header: header)
                file.append([recorder.headerLine])
                recording = (file, recorder)
            }
            var last: GameSession?
            let summary = try HeadlessRun.play(
                scenario: scenario, seed: seedValue, durationSeconds: durationSeconds, bot: bot, script: script,
                onEvent: events ? { print("\(GameClock.format($0.tick))  \($0.message)") } : nil,
                onTick: recording == nil ? nil : { session in
                    recording!.file.append(recording!.recorder.lines(for: session))
                    last = session
                })
            if let recording, let last {
                recording.file.append([recording.recorder.endLine(for: last)])
                recording.file.close()
            }
            print(json ? SummaryFormat.json(summary) : SummaryFormat.text(summary))
            // Like a test runner: a run that falls short of par fails.
            if !summary.madePar { throw ExitCode(1) }
        }

        static func scheduledCommand(_ text: String) throws -> ScheduledCommand {
            let trimmed = text.drop { $0 == " " }
            guard let space = trimmed.firstIndex(of: " "), let tick = GameClock.parse(String(trimmed[..<space])) else {
                throw GamedayError("--command needs a time then a command, e.g. \"00:10:00 scale rentals 6\", got '\(text)'")
            }
            do throws(CommandError) {
                return ScheduledCommand(tick: tick, command: try Command.parse(String(trimmed[space...])))
            } catch {
                throw GamedayError("--command '\(text)': \(error.message)")
            }
        }

        /// Catches commands naming services the scenario does not have before the run starts.
        static func checkServices(in script: [ScheduledCommand], scenario: Scenario) throws {
            let world = try World(fleet: scenario.fleet, seed: scenario.defaultSeed)
            for scheduled in script {
                guard let name = scheduled.command.service, world.service(named: name) == nil else { continue }
                throw GamedayError("--command '\(scheduled.command.text)': unknown service '\(name)' (services: \(world.services.map(\.name).joined(separator: ", ")))")
            }
        }
    }
}
