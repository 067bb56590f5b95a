import ArgumentParser
import FleetSim
import Foundation
import Scenarios

extension Gameday {
    /// `gameday scenarios list | show ID | validate FILE`.
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scenarios",
            abstract: "List, show and validate scenarios.",
            subcommands: [List.self, Show.self, Validate.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the built-in scenarios.")

            func run() throws {
                print("ID                      RATING      LENGTH   PAR      TITLE")
                for s in BuiltInScenarios.all {
                    print(s.id.padding(toLength: 24, withPad: " ", startingAt: 0) + s.rating.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                          + GameTime.format(s.durationSeconds).padding(toLength: 9, withPad: " ", startingAt: 0)
                          + String(Int(s.pars.normal)).padding(toLength: 9, withPad: " ", startingAt: 0) + s.title)
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a built-in scenario's file (a start for your own).",
                discussion: "Faults the briefing does not announce, and the random deck, stay hidden unless you ask for --spoilers.")

            @Argument(help: "Scenario id.", completion: .list(BuiltInScenarios.ids))
            var id: String

            @Flag(help: "Show everything, surprises included.")
            var spoilers = false

            func run() throws {
                guard let scenario = BuiltInScenarios.named(id) else {
                    throw GamedayError("unknown scenario '\(id)' (scenarios: \(BuiltInScenarios.ids.joined(separator: ", ")))")
                }
                print(spoilers ? scenario.sourceText : Spoilers.redacted(scenario.sourceText))
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check a scenario file; every problem is listed as file:line:column: key: message.")

            @Argument(help: "Scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
            var file: String

            func run() throws {
                do {
                    let scenario = try ScenarioLookup.load(path: file)
                    StandardOutput.write("\(file): ok: \(scenario.id), \(GameTime.format(scenario.durationSeconds)), \(scenario.timeline.count) injects, \(scenario.fleet.quests.count) quests, par \(Int(scenario.par))")
                } catch {
                    for issue in error.issues { StandardError.writeLine(issue.description) }
                    throw ExitCode(2)
                }
            }
        }
    }
}
