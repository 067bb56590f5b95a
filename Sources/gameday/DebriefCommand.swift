import ArgumentParser
import Console
import FleetSim
import Foundation
import ScreenKit
import Scenarios
import Session

extension Gameday {
    /// `gameday debrief FILE`: what happened, what each person did, what would have worked.
    struct DebriefCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "debrief",
            abstract: "Summarise a recorded game: incidents, commands, score trend, and how the expert played it.")

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case markdown, json }

        @Argument(help: "A recording (.jsonl).", completion: .file(extensions: ["jsonl"]))
        var file: String

        @Option(help: "markdown or json.")
        var format: OutputFormat = .markdown

        func run() throws {
            let recording = try RecordingLoader.load(file)
            let debrief = try Debrief.make(recording)
            StandardOutput.write(format == .markdown ? DebriefFormat.markdown(debrief) : DebriefFormat.json(debrief))
        }
    }
}
