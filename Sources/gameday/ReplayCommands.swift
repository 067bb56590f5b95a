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

        @Argument(help: "A recording (.jsonl).")
        var file: String

        @Option(help: "markdown or json.")
        var format: OutputFormat = .markdown

        func run() throws {
            let recording = try RecordingLoader.load(file)
            let debrief = try Debrief.make(recording)
            print(format == .markdown ? DebriefFormat.markdown(debrief) : DebriefFormat.json(debrief))
        }
    }

    /// `gameday export FILE --asciicast OUT.cast`: a recording as a terminal video.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a recording as asciicast v2 (plays in asciinema).")

        @Argument(help: "A recording (.jsonl).")
        var file: String

        @Option(help: "Where to write the asciicast.")
        var asciicast: String

        @Option(help: "Terminal size, WIDTHxHEIGHT (at least 80x24).")
        var size = "120x40"

        @Option(help: "Game seconds per second of video.")
        var speed = 60

        func run() throws {
            let (width, height) = try FrameSize.parse(size)
            guard (1...3_600).contains(speed) else { throw GamedayError("--speed must be 1…3600, got \(speed)") }
            let recording = try RecordingLoader.load(file)
            let cast = try Asciicast.render(recording, width: width, height: height, speed: speed)
            guard FileManager.default.createFile(atPath: asciicast, contents: Data(cast.utf8)) else {
                throw GamedayError("cannot write \(asciicast)")
            }
            print("wrote \(asciicast): \(Numbers.seconds(Double(recording.lastTick) / Double(speed))) of video at \(width)×\(height)")
        }
    }
}

/// Loads a recording or turns its problem into the one-line error.
enum RecordingLoader {
    static func load(_ file: String) throws -> Recording {
        do { return try Recording.load(path: file) } catch { throw GamedayError(error.description) }
    }
}

/// Renders a recording to asciicast v2: a frame every few game seconds.
enum Asciicast {
    static func render(_ recording: Recording, width: Int, height: Int, speed: Int) throws -> String {
        var app = ConsoleApp(match: try Match(replaying: recording), width: width, height: height)
        _ = app.handle(.enter, now: 0)
        let header: [String: Any] = [
            "version": 2, "width": width, "height": height,
            "title": "gameday: \(recording.scenario.title) (\(recording.header.team), seed \(recording.header.seed))",
            "env": ["TERM": "xterm-256color", "SHELL": "/bin/sh"],
        ]
        var lines = [json(header)]
        let step = max(1, speed / 4)
        var tick = 0
        while true {
            let frame = ANSIRenderer.render(app.render(glyphs: .unicode, now: UInt64.max / 2), theme: .dark, depth: .indexed256)
            let time = Double(tick) / Double(speed)
            lines.append(json([time, "o", (tick == 0 ? "\u{1B}[2J" : "") + "\u{1B}[H" + frame]))
            guard tick < recording.lastTick else { break }
            let ticks = min(step, recording.lastTick - tick)
            _ = app.advance(ticks: ticks, now: 0)
            tick += ticks
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ value: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }
}
