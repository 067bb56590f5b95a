import ArgumentParser
import FleetSim
import Foundation

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
        let code: Int32
        do {
            var command = try parseAsRoot()
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
            StandardError.writeLine("gameday: \(failure.message)")
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

/// A problem with what the user gave us, reported as one line, exit status 2.
struct GamedayError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

enum StandardError {
    static func writeLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
