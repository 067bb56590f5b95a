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

        @OptionGroup var game: GameOptions

        @Option(help: "Rival strategy that plays: \(BotKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var bot: BotKind = .idle

        @Option(name: .customLong("command"), help: ArgumentHelp(
            "A player command at a game time, e.g. \"00:10:00 scale rentals 6\". Repeatable.",
            valueName: "TIME COMMAND"))
        var commands: [String] = []

        @Option(help: "Write a recording of the run (JSON Lines) to this file (a new file: an existing one is not replaced).")
        var record: String?

        @Flag(help: "Replace the --record file if it exists (never a link, device or the scenario file).")
        var force = false

        @Option(help: "Team name in the recording.")
        var team = "you"

        @Flag(help: "Print the summary as JSON.")
        var json = false

        @Flag(help: "Print every event (ECS, load balancer, alarms, commands) as it happens, before the summary.")
        var events = false

        /// The exit status when the run finished but its recording could not be written whole (EX_IOERR).
        static let recordingFailedStatus: Int32 = 74

        func validate() throws {
            if let problem = TeamName.problem(team) { throw GamedayError(problem) }
        }

        func run() throws {
            let (scenario, seedValue, durationSeconds) = try game.resolve()
            let script = try commands.map(Self.scheduledCommand)
            try Self.checkServices(in: script, scenario: scenario)
            var recording: GameRecording?
            if let record {
                let header = RecordingHeader(appVersion: Gameday.version, scenario: scenario, difficulty: game.difficulty, seed: seedValue,
                                             durationSeconds: durationSeconds, team: team)
                let file = try RecordingFile.create(record, force: force, inputs: game.inputs, hint: "")
                recording = try GameRecording(file: file, header: header, hint: "")
            }
            var last: GameSession?
            let summary = try HeadlessRun.play(
                scenario: scenario, seed: seedValue, durationSeconds: durationSeconds, bot: bot, script: script,
                onEvent: events ? { StandardOutput.write("\(GameTime.format($0.tick))  \($0.message)") } : nil,
                onTick: recording.map { recording in
                    { session in
                        recording.record(session)
                        last = session
                    }
                })
            if let recording, let last { recording.finish(last) }
            StandardOutput.write(json ? SummaryFormat.json(summary) : SummaryFormat.text(summary))
            if let stop = recording?.stop {
                StandardError.writeLine("gameday: \(stop.summary)")
                throw ExitCode(Self.recordingFailedStatus)
            }
            // Like a test runner: a run that falls short of par fails.
            if !summary.madePar { throw ExitCode(1) }
        }

        static func scheduledCommand(_ text: String) throws -> ScheduledCommand {
            let trimmed = text.drop { $0 == " " }
            guard let space = trimmed.firstIndex(of: " "), let tick = GameTime.parse(String(trimmed[..<space])) else {
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
