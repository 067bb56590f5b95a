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

        @Option(help: "Where to write the recording (default: under $XDG_DATA_HOME/gameday/recordings).")
        var record: String?

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

        func run() throws {
            let (scenario, seed, durationSeconds) = try game.resolve()
            let match = try Match(scenario: scenario, seed: seed, durationSeconds: durationSeconds, teamName: team)
            let (screen, themeProblem) = try look.start()
            // Recorded only once the console is up: a refused terminal leaves no empty file.
            let environment = ProcessInfo.processInfo.environment
            var recording: (file: RecordingFile, recorder: Recorder)?
            if !noRecord && !exitAfterFirstFrame && !crashAfterFirstFrame {
                let header = RecordingHeader(appVersion: Gameday.version, scenario: scenario, difficulty: game.difficulty,
                                             seed: match.world.seed, durationSeconds: match.player.durationSeconds, team: team)
                let file: RecordingFile
                do {
                    file = try RecordingFile(path: record ?? RecordingFile.defaultPath(scenario: scenario.id, environment: environment))
                } catch {
                    screen.stop()
                    throw error
                }
                let recorder = Recorder(header: header)
                file.append([recorder.headerLine])
                recording = (file, recorder)
            }
            var loop = ConsoleLoop(screen: screen, app: ConsoleApp(match: match, speed: speed))
            if let file = recording?.file, var recorder = recording?.recorder {
                loop.onProgress = { session in file.append(recorder.lines(for: session)) }
                loop.onFinish = { session in file.append(recorder.lines(for: session) + [recorder.endLine(for: session)]) }
            }
            ScreenOptions.prepare(&loop.app, themeProblem: themeProblem)
            let status = loop.run(exitAfterFirstFrame: exitAfterFirstFrame || crashAfterFirstFrame)
            if crashAfterFirstFrame { fatalError("crash requested by --crash-after-first-frame") }
            screen.stop()
            if let file = recording?.file {
                file.close()
                print("recording: \(file.path)  (replay with: gameday replay \(file.path))")
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
