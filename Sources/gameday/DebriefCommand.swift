import ArgumentParser
import Console
import FleetSim
import Foundation
import Host
import ScreenKit
import Scenarios
import Session

extension Gameday {
    /// `gameday debrief FILE`: what happened, what each person did, what would have worked.
    struct DebriefCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "debrief",
            abstract: "Summarise a recorded game: incidents, commands, score trend, and how the expert played it.",
            discussion: "Given a facilitated session's file (session.jsonl), it compares every team of the session.")

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case markdown, json }

        @Argument(help: "A recording or a session file (.jsonl).", completion: .file(extensions: ["jsonl"]))
        var file: String

        @Option(help: "markdown or json.")
        var format: OutputFormat = .markdown

        func run() throws {
            if SessionLoader.isSessionFile(file) {
                let debrief = try SessionDebrief.make(try SessionLoader.load(file))
                StandardOutput.write(format == .markdown ? SessionDebriefFormat.markdown(debrief) : SessionDebriefFormat.json(debrief))
                return
            }
            let recording = try RecordingLoader.load(file)
            let debrief = try Debrief.make(recording)
            StandardOutput.write(format == .markdown ? DebriefFormat.markdown(debrief) : DebriefFormat.json(debrief))
        }
    }
}
