import ArgumentParser
import Console
import FleetSim
import Foundation
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

        @Option(help: "Scenario id (\(BuiltInScenarios.ids.joined(separator: ", "))) or a scenario file.")
        var scenario = "first-day"

        @Option(help: "Inject intensity and budget: easy, normal (as written) or hard.")
        var difficulty: Difficulty = .normal

        @Option(parsing: .unconditional, help: "Random seed (0 or more); defaults to the scenario's own.")
        var seed: Int64?

        @Option(help: "How long to play (2h, 90m, 01:30:00); defaults to the scenario's length.")
        var duration: String?

        @Option(help: "Starting game speed: \(TickScheduler.speeds.map { "\($0)" }.joined(separator: ", ")).")
        var speed = 1

        @Option(help: "Your team's name on the scoreboard.")
        var team = "you"

        @Flag(help: "Do not record this game.")
        var noRecord = false

        @Option(help: "Where to write the recording (default: under $XDG_DATA_HOME/gameday/recordings).")
        var record: String?

        @Option(help: "Theme name (gameday themes list) or a theme file; also $GAMEDAY_THEME.")
        var theme: String?

        @Flag(help: "No colour (also set by the NO_COLOR environment variable).")
        var noColor = false

        @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
        var ascii = false

        @Flag(help: ArgumentHelp("Start, draw the first frame and exit (start-up benchmark).", visibility: .hidden))
        var exitAfterFirstFrame = false

        @Flag(help: ArgumentHelp("Trap after the first frame (tests that a crash restores the terminal).", visibility: .hidden))
        var crashAfterFirstFrame = false

        func validate() throws {
            guard TickScheduler.speeds.contains(speed) else {
                throw GamedayError("speed must be one of \(TickScheduler.speeds.map { "\($0)" }.joined(separator: ", ")), got \(speed)")
            }
            guard (1...24).contains(team.count), team.allSatisfy({ $0.isLetter || $0.isNumber || "-_ .".contains($0) }) else {
                throw GamedayError("team name must be 1…24 letters, digits, spaces, - _ or ., got '\(team)'")
            }
        }

        func run() throws {
            let scenario = try ScenarioLookup.find(self.scenario).adjusted(for: difficulty)
            if let seed, seed < 0 { throw GamedayError("seed must be 0 or more, got \(seed)") }
            var durationSeconds: Int?
            if let duration {
                guard let seconds = GameClock.parse(duration), seconds > 0 else {
                    throw GamedayError("cannot read duration '\(duration)' (use e.g. 2h, 90m, 45s, 1h30m or 01:30:00)")
                }
                durationSeconds = seconds
            }
            let match = try Match(scenario: scenario, seed: seed.map { UInt64($0) }, durationSeconds: durationSeconds, teamName: team)
            let startingTheme = ThemeLoader.startingTheme(option: theme, environment: ProcessInfo.processInfo.environment)
            for message in startingTheme.messages { StandardError.writeLine("gameday: \(message)") }
            let screen: TerminalScreen
            do {
                screen = try TerminalScreen.start(theme: startingTheme.theme, noColor: noColor, forceASCII: ascii,
                                                  environment: ProcessInfo.processInfo.environment)
            } catch {
                throw GamedayError("cannot start the console: \(error.message)")
            }
            // Recorded only once the console is up: a refused terminal leaves no empty file.
            let environment = ProcessInfo.processInfo.environment
            var recording: (file: RecordingFile, recorder: Recorder)?
            if !noRecord && !exitAfterFirstFrame && !crashAfterFirstFrame {
                let header = RecordingHeader(appVersion: Gameday.version, scenario: scenario, difficulty: difficulty,
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
            if var (file, recorder) = recording {
                loop.onProgress = { session in file.append(recorder.lines(for: session)) }
                loop.onFinish = { session in file.append(recorder.lines(for: session) + [recorder.endLine(for: session)]) }
            }
            loop.app.state.themeNames = ThemeLoader.available(environment: ProcessInfo.processInfo.environment).map(\.name)
            if let problem = startingTheme.messages.first { loop.app.notify(problem, isError: true, now: 0, milliseconds: 15_000) }
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
