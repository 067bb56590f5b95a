import FleetSim
import Foundation
import Scenarios

/// What a recording's header says: enough to rebuild the game exactly.
public struct RecordingHeader: Sendable, Hashable {
    public static let format = "gameday-recording"
    public static let version = 1

    public var appVersion: String
    public var scenarioID: String
    /// The scenario file's full text, so a recording replays without the file.
    public var scenarioText: String
    /// FNV-1a of `scenarioText`, as 16 hex digits; checked on load.
    public var scenarioHash: String
    public var difficulty: Difficulty
    public var seed: UInt64
    public var durationSeconds: Int
    public var team: String
    /// For a take-over: the recording it branched from and the tick.
    public var parentFile: String?
    public var branchTick: Int?

    public init(appVersion: String, scenario: Scenario, difficulty: Difficulty, seed: UInt64, durationSeconds: Int, team: String,
                parentFile: String? = nil, branchTick: Int? = nil) {
        self.appVersion = appVersion
        scenarioID = scenario.id
        scenarioText = scenario.sourceText
        scenarioHash = Self.hash(of: scenario.sourceText)
        self.difficulty = difficulty
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.team = team
        self.parentFile = parentFile
        self.branchTick = branchTick
    }

    public static func hash(of text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text)
        let hex = String(hasher.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// One line of a recording after the header.
public enum RecordingEntry: Sendable, Hashable {
    /// A player command, applied at the start of `tick`.
    case command(tick: Int, text: String)
    /// A fault injected during play (not the scenario's own timeline).
    case inject(tick: Int, text: String)
    /// The world hash at the start of `tick` (every simulated minute).
    case checkpoint(tick: Int, hash: String, score: Double)
    /// The game ended at `tick`.
    case end(tick: Int, hash: String, score: Double)

    public var tick: Int {
        switch self {
        case let .command(t, _), let .inject(t, _), let .checkpoint(t, _, _), let .end(t, _, _): t
        }
    }
}

/// Encodes recording lines as JSON, one object per line, keys sorted.
public enum RecordingEncoder {
    public static func line(_ header: RecordingHeader) -> String {
        var object: [String: Any] = [
            "type": "header", "format": RecordingHeader.format, "version": RecordingHeader.version,
            "app": header.appVersion, "scenario": header.scenarioID, "scenarioText": header.scenarioText,
            "scenarioHash": header.scenarioHash, "difficulty": header.difficulty.rawValue, "seed": String(header.seed),
            "duration": header.durationSeconds, "team": header.team,
        ]
        if let parent = header.parentFile { object["parent"] = parent }
        if let tick = header.branchTick { object["branchTick"] = tick }
        return encode(object)
    }

    public static func line(_ entry: RecordingEntry) -> String {
        switch entry {
        case let .command(tick, text): encode(["type": "command", "tick": tick, "text": text])
        case let .inject(tick, text): encode(["type": "inject", "tick": tick, "text": text])
        case let .checkpoint(tick, hash, score): encode(["type": "checkpoint", "tick": tick, "hash": hash, "score": rounded(score)])
        case let .end(tick, hash, score): encode(["type": "end", "tick": tick, "hash": hash, "score": rounded(score)])
        }
    }

    private static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    private static func encode(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
