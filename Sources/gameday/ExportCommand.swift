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

        @Option(help: "Where to write the asciicast (a new file: an existing one is not replaced).")
        var asciicast: String

        @Flag(help: "Replace the --asciicast file if it exists (never a link, device or the recording itself).")
        var force = false

        @Option(help: "Terminal size, WIDTHxHEIGHT (at least 80x24).")
        var size = "120x40"

        @Option(help: "Game seconds per second of video.")
        var speed = 60

        func run() throws {
            let (width, height) = try FrameSize.parse(size)
            guard (1...3_600).contains(speed) else { throw GamedayError("--speed must be 1…3600, got \(speed)") }
            let recording = try RecordingLoader.load(file)
            let cast = try Asciicast.render(recording, width: width, height: height, speed: speed)
            try Self.write(cast, to: asciicast, force: force, input: file)
            StandardOutput.write("wrote \(asciicast): \(Format.fixed(Double(recording.lastTick) / Double(speed), 1)) s of video at \(width)×\(height)")
        }
    }
}

extension Gameday.Export {
    /// Writes the whole cast to a new file, or nothing: a cast cut short by a
    /// full disk is removed, since a video without its end is of no use.
    static func write(_ cast: String, to path: String, force: Bool, input: String) throws(GamedayError) {
        let output: OutputFile
        do {
            output = try OutputFile.create(path, force: force, inputs: [OutputFile.Input(path: input, role: "the recording being exported")])
        } catch {
            throw GamedayError(error.description)
        }
        do throws(WriteFailure) {
            try output.write(cast.utf8)
        } catch {
            output.discard()
            throw GamedayError("cannot write \(path): \(SystemError.reason(error.code)) (nothing was written)")
        }
        if let failure = output.close() {
            _ = unlink(path)
            throw GamedayError("cannot write \(path): \(SystemError.reason(failure.code)) (nothing was written)")
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
                            title: ControlCharacters.escaped("gameday: \(recording.scenario.title) (\(recording.header.team), seed \(recording.header.seed))"))
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
