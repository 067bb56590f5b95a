import ArgumentParser
import Console
import FleetSim
import Foundation
import Scenarios
import ScreenKit
import Session

extension Gameday {
    /// `gameday export FILE --asciicast OUT.cast`: a recording as a terminal video.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a recording as asciicast v2 (plays in asciinema).")

        @Argument(help: "A recording (.jsonl).", completion: .file(extensions: ["jsonl"]))
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
            print("wrote \(asciicast): \(Format.fixed(Double(recording.lastTick) / Double(speed), 1)) s of video at \(width)×\(height)")
        }
    }
}

/// Renders a recording to asciicast v2: a frame every few game seconds.
enum Asciicast {
    static func render(_ recording: Recording, width: Int, height: Int, speed: Int) throws -> String {
        // The replay console at the video's speed: its header, timeline and hints are a replay's.
        let match = try Match(replaying: recording)
        let replay = ReplayState(file: "export", endTick: recording.lastTick, isTruncated: recording.isTruncated,
                                 commandTicks: recording.commandTicks, incidentTicks: [], start: match)
        var app = ConsoleApp(replaying: match, replay: replay, speed: speed, width: width, height: height)
        let header = Header(width: width, height: height,
                            title: "gameday: \(recording.scenario.title) (\(recording.header.team), seed \(recording.header.seed))")
        var lines = [JSONOutput.line(header)]
        let step = max(1, speed / 4)
        var tick = 0
        while true {
            let frame = ANSIRenderer.render(app.render(glyphs: .unicode, now: UInt64.max / 2), theme: .dark, depth: .indexed256)
            let time = Double(tick) / Double(speed)
            lines.append(JSONOutput.line(Event(time: time, data: (tick == 0 ? "\u{1B}[2J" : "") + "\u{1B}[H" + frame)))
            guard tick < recording.lastTick else { break }
            let ticks = min(step, recording.lastTick - tick)
            _ = app.advance(ticks: ticks, now: 0)
            tick += ticks
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The asciicast v2 header line.
    struct Header: Encodable {
        var version = 2
        var width: Int
        var height: Int
        var title: String
        var env = ["TERM": "xterm-256color", "SHELL": "/bin/sh"]
    }

    /// An output event: `[time, "o", data]`.
    struct Event: Encodable {
        var time: Double
        var data: String

        func encode(to encoder: Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(time)
            try array.encode("o")
            try array.encode(data)
        }
    }
}
