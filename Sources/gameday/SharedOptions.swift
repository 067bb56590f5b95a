import FleetSim
import ArgumentParser
import Console
import Foundation
import ScreenKit
import Scenarios
import Session
import Terminal

/// Which game to play: scenario, difficulty, seed and length (`play` and `simulate`).
struct GameOptions: ParsableArguments {
    @Option(help: "Scenario id (\(BuiltInScenarios.ids.joined(separator: ", "))) or a scenario file.",
            completion: .list(BuiltInScenarios.ids))
    var scenario = "first-day"

    @Option(help: "Inject intensity and budget: easy, normal (as written) or hard.")
    var difficulty: Difficulty = .normal

    @Option(parsing: .unconditional, help: "Random seed (0 or more); defaults to the scenario's own.")
    var seed: Int64?

    @Option(help: "How long to play: 2h, 90m, 45s, 1h30m or HH:MM:SS; defaults to the scenario's length.")
    var duration: String?

    /// The longest game, as in scenario files: 24 hours.
    static let maxDurationSeconds = 24 * 3_600

    /// The scenario at the chosen difficulty, the seed and the length, or a one-line error.
    func resolve() throws -> (scenario: Scenario, seed: UInt64, durationSeconds: Int) {
        let found = try ScenarioLookup.find(scenario).adjusted(for: difficulty)
        if let seed, seed < 0 { throw GamedayError("seed must be 0 or more, got \(seed)") }
        var durationSeconds = found.durationSeconds
        if let duration {
            guard let seconds = GameTime.parse(duration), seconds > 0 else {
                throw GamedayError("cannot read duration '\(duration)' (use e.g. 2h, 90m, 45s, 1h30m or 01:30:00)")
            }
            guard seconds <= Self.maxDurationSeconds else {
                throw GamedayError("duration '\(duration)' is longer than 24 hours, the longest game (as in scenario files)")
            }
            durationSeconds = seconds
        }
        return (found, seed.map { UInt64($0) } ?? found.defaultSeed, durationSeconds)
    }

    /// The scenario file a game reads, which its recording must not overwrite.
    var inputs: [OutputFile.Input] {
        ScenarioLookup.isFile(scenario) ? [OutputFile.Input(path: scenario, role: "the scenario file being played")] : []
    }
}

/// How the console looks: theme, colour, glyphs (`play` and `replay`).
struct ScreenOptions: ParsableArguments {
    @Option(help: "Theme name (gameday themes list) or a theme file; also $GAMEDAY_THEME.",
            completion: .list(ShippedThemes.files.map(\.name)))
    var theme: String?

    @Flag(help: "No colour (also set by the NO_COLOR environment variable).")
    var noColor = false

    @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
    var ascii = false

    /// Starts the full-screen terminal with the chosen theme, stderr going to a
    /// crash log while it is up. Theme problems are returned (the game starts in
    /// dark); a terminal that cannot be used is a one-line error.
    func start() throws -> (screen: TerminalScreen, themeProblem: String?, crashLog: CrashLog?) {
        let environment = ProcessInfo.processInfo.environment
        let starting = ThemeLoader.startingTheme(option: theme, environment: environment)
        for message in starting.messages { StandardError.writeLine("gameday: \(message)") }
        let crashLog = CrashLog.create(environment: environment)
        do {
            let screen = try TerminalScreen.start(theme: starting.theme, noColor: noColor, forceASCII: ascii, environment: environment,
                                                  diagnostics: crashLog?.diagnostics)
            return (screen, starting.messages.first, crashLog)
        } catch {
            crashLog?.finish()
            throw GamedayError("cannot start the console: \(error.message)")
        }
    }

    /// The theme file the console reads, which a recording must not overwrite.
    var inputs: [OutputFile.Input] {
        guard let theme, theme.contains("/") || theme.hasSuffix(".yaml") else { return [] }
        return [OutputFile.Input(path: theme, role: "the theme file")]
    }

    /// Tells the console the themes it can switch to and any problem with the starting one.
    static func prepare(_ app: inout ConsoleApp, themeProblem: String?) {
        app.state.themeNames = ThemeLoader.available(environment: ProcessInfo.processInfo.environment).map(\.name)
        if let themeProblem { app.notify(themeProblem, isError: true, now: 0, milliseconds: 15_000) }
    }
}

/// `WIDTHxHEIGHT` for frames and exports.
enum FrameSize {
    static func parse(_ text: String) throws -> (width: Int, height: Int) {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (80...400).contains(parts[0]), (24...200).contains(parts[1]) else {
            throw GamedayError("--size must be WIDTHxHEIGHT between 80x24 and 400x200, got '\(text)'")
        }
        return (parts[0], parts[1])
    }
}
