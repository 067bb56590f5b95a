import FleetSim
import Foundation
import Scenarios

/// What a recording's header says: enough to rebuild the game exactly.
public struct RecordingHeader: Sendable, Hashable {
    public static let format = "gameday-recording"
    /// The newest format version this gameday reads and the one it writes: 3,
    /// where each command took effect when it was given, one after another.
    /// Versions 1 (solo) and 2 (the host fired the timeline) were written when
    /// a tick's commands were all checked against the world before the tick,
    /// then applied at its start; they replay by that rule. Older readers
    /// refuse version 3, which they would misread.
    public static let version = 3

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
    /// True when a host fired the scenario's timeline (a facilitated game): every
    /// inject the team got is then a line of the file, and replays do not run the timeline.
    public var hostTimeline: Bool
    /// True for files of version 3 and every file written now: each command took
    /// effect when given. False for versions 1 and 2 (see `version`).
    public var commandsTookEffectWhenGiven = true

    /// The format version the file is (or was) written with (see `version`).
    public var formatVersion: Int { commandsTookEffectWhenGiven ? 3 : hostTimeline ? 2 : 1 }

    public init(appVersion: String, scenario: Scenario, difficulty: Difficulty, seed: UInt64, durationSeconds: Int, team: String,
                parentFile: String? = nil, branchTick: Int? = nil, hostTimeline: Bool = false) {
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
        self.hostTimeline = hostTimeline
    }

    /// A header as read back from a file.
    init(appVersion: String, scenarioID: String, scenarioText: String, scenarioHash: String, difficulty: Difficulty, seed: UInt64,
         durationSeconds: Int, team: String, parentFile: String?, branchTick: Int?, hostTimeline: Bool) {
        self.appVersion = appVersion
        self.scenarioID = scenarioID
        self.scenarioText = scenarioText
        self.scenarioHash = scenarioHash
        self.difficulty = difficulty
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.team = team
        self.parentFile = parentFile
        self.branchTick = branchTick
        self.hostTimeline = hostTimeline
    }

    public static func hash(of text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text)
        return StableHasher.hex(hasher.value)
    }
}

/// One line of a recording after the header, with its command or inject read and typed.
public enum RecordingEntry: Sendable, Hashable {
    /// A player command given at `tick` (before that second's step), in the order given.
    case command(tick: Int, Command)
    /// A fault injected during play (not the scenario's own timeline), at the start of `tick`'s step.
    case inject(tick: Int, Fault)
    /// The world hash at `tick` (every simulated minute), after the lines before it in the file.
    case checkpoint(tick: Int, hash: String, score: Double)
    /// The game ended at `tick`.
    case end(tick: Int, hash: String, score: Double)

    public var tick: Int {
        switch self {
        case let .command(t, _), let .inject(t, _), let .checkpoint(t, _, _), let .end(t, _, _): t
        }
    }
}

/// A recording line as JSON: one flat object whose `type` says which fields it has.
/// The encoder writes it; the reader decodes it and checks the fields its type needs.
struct RecordingLine: Codable {
    var type: String
    var format: String?
    var version: Int?
    var app: String?
    var scenario: String?
    var scenarioText: String?
    var scenarioHash: String?
    var difficulty: String?
    var seed: String?
    var duration: Int?
    var team: String?
    var parent: String?
    var branchTick: Int?
    /// "host" when a host fired the scenario's timeline (versions 2 and 3).
    var timeline: String?
    var tick: Int?
    var text: String?
    var hash: String?
    var score: Double?

    init(type: String) { self.type = type }
}

/// Encodes recording lines as JSON, one object per line, keys sorted.
public enum RecordingEncoder {
    public static func line(_ header: RecordingHeader) -> String {
        var line = RecordingLine(type: "header")
        line.format = RecordingHeader.format
        line.version = header.formatVersion
        line.app = header.appVersion
        line.scenario = header.scenarioID
        line.scenarioText = header.scenarioText
        line.scenarioHash = header.scenarioHash
        line.difficulty = header.difficulty.rawValue
        line.seed = String(header.seed)
        line.duration = header.durationSeconds
        line.team = header.team
        line.parent = header.parentFile
        line.branchTick = header.branchTick
        line.timeline = header.hostTimeline ? "host" : nil
        return encode(line)
    }

    public static func line(_ entry: RecordingEntry) -> String {
        var line: RecordingLine
        switch entry {
        case let .command(tick, command):
            line = RecordingLine(type: "command")
            line.text = command.text
            line.tick = tick
        case let .inject(tick, fault):
            line = RecordingLine(type: "inject")
            line.text = fault.text
            line.tick = tick
        case let .checkpoint(tick, hash, score), let .end(tick, hash, score):
            line = RecordingLine(type: { if case .end = entry { "end" } else { "checkpoint" } }())
            line.tick = tick
            line.hash = hash
            line.score = NumberText.hundredths(score)
        }
        return encode(line)
    }

    private static func encode(_ line: RecordingLine) -> String { JSONText.string(line) }
}
