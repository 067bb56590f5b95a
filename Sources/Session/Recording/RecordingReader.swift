import FleetSim
import Foundation
import Scenarios

/// Why a recording cannot be replayed, in one line naming the file and line.
public struct RecordingError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A recording read back: header, entries, and whether it was cut short
/// (a killed session leaves no end line, or half a last line).
public struct Recording: Sendable {
    public var header: RecordingHeader
    public var scenario: Scenario
    public var entries: [RecordingEntry]
    /// True when the file has no end line: it replays up to its last complete line.
    public var isTruncated: Bool
    /// Complete lines read.
    public var lineCount: Int

    public var commands: [(tick: Int, text: String)] { entries.compactMap { if case let .command(t, s) = $0 { (t, s) } else { nil } } }
    public var injects: [(tick: Int, text: String)] { entries.compactMap { if case let .inject(t, s) = $0 { (t, s) } else { nil } } }
    public var checkpoints: [(tick: Int, hash: String)] { entries.compactMap { if case let .checkpoint(t, h, _) = $0 { (t, h) } else { nil } } }
    /// The last tick the recording covers.
    public var lastTick: Int {
        if case let .end(tick, _, _)? = entries.last { return tick }
        return entries.map(\.tick).max() ?? 0
    }

    /// Files larger than this are refused (a two-hour game is well under 1 MB).
    public static let maxBytes = 64 * 1024 * 1024

    public static func load(path: String) throws(RecordingError) -> Recording {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RecordingError(description: "\(path): cannot read the file (does it exist?)")
        }
        guard data.count <= maxBytes else { throw RecordingError(description: "\(path): \(data.count) bytes is too large for a recording") }
        return try parse(data, file: path)
    }

    public static func parse(_ data: Data, file: String) throws(RecordingError) -> Recording {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A final line without a newline was cut mid-write: ignore it.
        let cutMidLine = data.last != UInt8(ascii: "\n") && !data.isEmpty
        if cutMidLine || lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, let header = try? object(first), header["type"] as? String == "header" else {
            throw RecordingError(description: "\(file):1: not a gameday recording (no header line)")
        }
        guard header["format"] as? String == RecordingHeader.format else {
            throw RecordingError(description: "\(file):1: not a gameday recording (format is not '\(RecordingHeader.format)')")
        }
        guard let version = header["version"] as? Int, version == RecordingHeader.version else {
            throw RecordingError(description: "\(file):1: recording format version \(header["version"].map { "\($0)" } ?? "missing") is not supported (this gameday reads version \(RecordingHeader.version))")
        }
        guard let text = header["scenarioText"] as? String, let hash = header["scenarioHash"] as? String,
              let seedText = header["seed"] as? String, let seed = UInt64(seedText),
              let duration = header["duration"] as? Int, duration > 0,
              let difficulty = (header["difficulty"] as? String).flatMap(Difficulty.init(rawValue:)) else {
            throw RecordingError(description: "\(file):1: the header is missing scenario, seed, duration or difficulty")
        }
        guard RecordingHeader.hash(of: text) == hash else {
            throw RecordingError(description: "\(file):1: the embedded scenario does not match its hash \(hash): the file was edited or damaged")
        }
        let scenario: Scenario
        do { scenario = try ScenarioFile.parse(text, file: "\(file) (embedded scenario)").adjusted(for: difficulty) } catch {
            throw RecordingError(description: "\(file):1: the embedded scenario is invalid: \(error.issues.first?.description ?? "")")
        }
        var recordingHeader = RecordingHeader(appVersion: header["app"] as? String ?? "?", scenario: scenario, difficulty: difficulty,
                                              seed: seed, durationSeconds: duration, team: header["team"] as? String ?? "you",
                                              parentFile: header["parent"] as? String, branchTick: header["branchTick"] as? Int)
        recordingHeader.scenarioText = text
        recordingHeader.scenarioHash = hash
        var entries: [RecordingEntry] = []
        var lastTick = 0
        for (n, line) in lines.enumerated().dropFirst() {
            let where_ = "\(file):\(n + 1)"
            guard let object = try? object(line), let type = object["type"] as? String, let tick = object["tick"] as? Int else {
                throw RecordingError(description: "\(where_): corrupt line (not a JSON object with a type and a tick)")
            }
            guard tick >= lastTick, tick <= duration else {
                throw RecordingError(description: "\(where_): tick \(tick) is out of order or past the game's end")
            }
            lastTick = tick
            switch (type, object["text"] as? String, object["hash"] as? String) {
            case ("command", let text?, _): entries.append(.command(tick: tick, text: text))
            case ("inject", let text?, _): entries.append(.inject(tick: tick, text: text))
            case ("checkpoint", _, let hash?): entries.append(.checkpoint(tick: tick, hash: hash, score: object["score"] as? Double ?? 0))
            case ("end", _, let hash?): entries.append(.end(tick: tick, hash: hash, score: object["score"] as? Double ?? 0))
            default: throw RecordingError(description: "\(where_): corrupt line (unknown type '\(type)' or a missing field)")
            }
        }
        let ended: Bool = { if case .end? = entries.last { true } else { false } }()
        return Recording(header: recordingHeader, scenario: scenario, entries: entries, isTruncated: !ended, lineCount: lines.count)
    }

    private static func object(_ line: Data.SubSequence) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { throw RecordingError(description: "") }
        return object
    }
}
