import ArgumentParser
import Console
import FleetSim
import Foundation
import ScreenKit
import Scenarios
import Session
import Terminal

extension Gameday {
    /// `gameday play` (and `gameday` alone): the full-screen console.
    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Play a scenario in the full-screen console (the default command).",
            discussion: """
                Press ? in the game for every key and command. Rival bot teams play the same \
                scenario and seed alongside you.

                Examples:
                  gameday
                  gameday play --seed 7 --speed 10
                  NO_COLOR=1 gameday play --ascii
                """)

        @OptionGroup var game: GameOptions

        @Option(help: "Starting game speed: \(GameClock.speeds.map { "\($0)" }.joined(separator: ", ")).")
        var speed = 1

        @Option(help: "Your team's name on the scoreboard.")
        var team = "you"

        @Flag(help: "Do not record this game.")
        var noRecord = false

        @Option(help: "Where to write the recording (default: a new file under $XDG_DATA_HOME/gameday/recordings).")
        var record: String?

        @Flag(help: "Replace the --record file if it exists (never a link, device or the scenario file).")
        var force = false

        @OptionGroup var look: ScreenOptions

        @Flag(help: ArgumentHelp("Start, draw the first frame and exit (start-up benchmark).", visibility: .hidden))
        var exitAfterFirstFrame = false

        @Flag(help: ArgumentHelp("Trap after the first frame (tests that a crash restores the terminal).", visibility: .hidden))
        var crashAfterFirstFrame = false

        func validate() throws {
            guard GameClock.speeds.contains(speed) else {
                throw GamedayError("speed must be one of \(GameClock.speeds.map { "\($0)" }.joined(separator: ", ")), got \(speed)")
            }
            if let problem = TeamName.problem(team) { throw GamedayError(problem) }
        }

        /// Where the advice goes when the recording cannot be written.
        static let recordingHint = " (play without recording: --no-record; or choose the file: --record PATH)"

        func run() throws {
            let (scenario, seed, durationSeconds) = try game.resolve()
            let match = try Match(scenario: scenario, seed: seed, durationSeconds: durationSeconds, teamName: team)
            let (screen, themeProblem, crashLog) = try look.start()
            // Recorded only once the console is up: a refused terminal leaves no empty file.
            var recording: GameRecording?
            if !noRecord && !exitAfterFirstFrame && !crashAfterFirstFrame {
                do {
                    recording = try startRecording(scenario: scenario, match: match)
                } catch {
                    screen.stop()
                    crashLog?.finish()
                    throw error
                }
            }
            var loop = ConsoleLoop(screen: screen, app: ConsoleApp(match: match, speed: speed), recording: recording)
            ScreenOptions.prepare(&loop.app, themeProblem: themeProblem)
            loop.app.state.recordingPath = recording?.path
            let status = loop.run(exitAfterFirstFrame: exitAfterFirstFrame || crashAfterFirstFrame)
            if crashAfterFirstFrame { fatalError("crash requested by --crash-after-first-frame") }
            screen.stop()
            crashLog?.finish()
            if let recording = loop.recording {
                if let stop = recording.stop { StandardError.writeLine("gameday: \(stop.summary)") }
                StandardOutput.write("recording: \(recording.path)  (replay with: gameday replay \(recording.path))")
            } else if recording != nil {
                StandardOutput.write("not recorded: the game never left the briefing")
            }
            if status != 0 { throw ExitCode(status) }
        }

        /// Creates the recording (a new file: never replacing one) and writes its header.
        private func startRecording(scenario: Scenario, match: Match) throws(GamedayError) -> GameRecording {
            let environment = ProcessInfo.processInfo.environment
            let header = RecordingHeader(appVersion: Gameday.version, scenario: scenario, difficulty: game.difficulty,
                                         seed: match.world.seed, durationSeconds: match.player.durationSeconds, team: team)
            let file = if let record {
                try RecordingFile.create(record, force: force, inputs: game.inputs + look.inputs, hint: Self.recordingHint)
            } else {
                try RecordingFile.createUnique(in: DataFolders.recordings(environment: environment),
                                               name: "\(scenario.id)-\(DataFolders.stamp())", hint: Self.recordingHint)
            }
            return try GameRecording(file: file, header: header, hint: Self.recordingHint)
        }
    }
}
