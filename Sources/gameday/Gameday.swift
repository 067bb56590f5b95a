import ArgumentParser
import FleetSim
import Foundation
import Session

/// `gameday`: the terminal game-day console for the Unicorn.Rentals fleet.
@main
struct Gameday: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "gameday",
        abstract: "A terminal game day: keep the Unicorn.Rentals microservice fleet serving.",
        discussion: """
            The DevOps team quit last week and the pager is yours. Survive traffic spikes, \
            crashing containers and bad deploys while the scoreboard counts every request.
            """,
        version: version,
        subcommands: [Play.self, Facilitate.self, Join.self, Simulate.self, Replay.self, DebriefCommand.self, Export.self, Scenarios.self, Faults.self,
                      Themes.self, Balance.self, Bench.self],
        defaultSubcommand: Play.self
    )

    /// Runs the command line, and turns every error into one line on stderr
    /// with exit status 2 (usage and input errors) or the command's own code.
    static func main() {
        Backtracer.configureForTheConsole(arguments: CommandLine.arguments)
        // Past a file size limit (ulimit -f) a write then fails with EFBIG, which is
        // reported in words, instead of the signal ending the process.
        signal(SIGXFSZ, SIG_IGN)
        let code: Int32
        do {
            var arguments = Array(CommandLine.arguments.dropFirst())
            // Repeated --command values are parsed here, in linear time (see CommandArguments).
            let scheduled = arguments.first == "simulate" ? CommandArguments.extract("--command", from: &arguments) : []
            var command = try parseAsRoot(arguments)
            if var simulate = command as? Simulate {
                simulate.commands += scheduled
                command = simulate
            }
            try command.run()
            code = 0
        } catch {
            code = report(error)
        }
        Foundation.exit(code)
    }

    static func report(_ error: Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        if let failure = error as? GamedayError {
            for line in failure.lines { StandardError.writeLine("gameday: \(line)") }
            return 2
        }
        if let invalid = error as? FleetSpecError {
            StandardError.writeLine("gameday: invalid fleet: \(invalid.description)")
            return 2
        }
        let exitCode = exitCode(for: error)
        if exitCode == .success {
            // --help and --version
            print(fullMessage(for: error))
            return 0
        }
        StandardError.writeLine("gameday: \(message(for: error).replacingOccurrences(of: "\n", with: " "))")
        return 2
    }
}

/// A problem with what the user gave us, reported as one line per problem
/// (a theme file can have several), exit status 2.
struct GamedayError: Error, CustomStringConvertible {
    var lines: [String]
    init(_ message: String) { lines = [message] }
    init(lines: [String]) { self.lines = lines.isEmpty ? ["unknown problem"] : lines }
    /// The first problem, for places with room for one line (the console's status line).
    var message: String { lines[0] }
    var description: String { lines.joined(separator: "\n") }
}

/// Messages for people on stderr: one line each, with every control character
/// spelled out (`ControlCharacters`), since they quote files, recordings and arguments.
enum StandardError {
    static func writeLine(_ text: String) {
        let line = ControlCharacters.escaped(text) + "\n"
        // A closed or full stderr leaves nowhere to say so: the write is best effort.
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, line.utf8.count) }
    }
}

/// Output for people on stdout (summaries, debriefs, paths written), with control
/// characters spelled out and line breaks kept. Output that is meant to carry
/// escape sequences (a theme preview) is printed as it is, not through here.
enum StandardOutput {
    static func write(_ text: String) {
        print(ControlCharacters.escaped(text, keepingLineBreaks: true))
    }
}
