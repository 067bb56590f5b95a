import FleetSim
import Foundation
import Scenarios
import Session

/// What a session file's header says: the game every team played.
public struct SessionHeader: Sendable, Hashable {
    public static let format = "gameday-session"
    public static let version = 1

    public var appVersion: String
    public var scenarioID: String
    public var scenarioText: String
    public var scenarioHash: String
    public var difficulty: Difficulty
    public var seed: UInt64
    public var durationSeconds: Int
    public var maxTeams: Int
    public var bots: [BotKind]

    public init(appVersion: String, settings: GameSettings) {
        self.appVersion = appVersion
        scenarioID = settings.scenario.id
        scenarioText = settings.scenario.sourceText
        scenarioHash = RecordingHeader.hash(of: settings.scenario.sourceText)
        difficulty = settings.difficulty
        seed = settings.seed
        durationSeconds = settings.durationSeconds
        maxTeams = settings.maxTeams
        bots = settings.bots
    }

    init(appVersion: String, scenarioID: String, scenarioText: String, scenarioHash: String, difficulty: Difficulty, seed: UInt64,
         durationSeconds: Int, maxTeams: Int, bots: [BotKind]) {
        self.appVersion = appVersion
        self.scenarioID = scenarioID
        self.scenarioText = scenarioText
        self.scenarioHash = scenarioHash
        self.difficulty = difficulty
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.maxTeams = maxTeams
        self.bots = bots
    }
}

/// A session file line as JSON: one flat object whose `type` says which fields it has.
struct SessionLine: Codable {
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
    var maxTeams: Int?
    var bots: [String]?
    var tick: Int?
    var team: String?
    var teams: [String]?
    var recording: String?
    var people: Int?
    var entry: Int?
    var text: String?
    var origin: String?
    var target: String?
    var at: Int?
    var speed: Int?

    init(type: String) { self.type = type }
}

/// The session file of a facilitated game: JSON Lines, a versioned header
/// first, then one line per session event with its tick. Written as the game
/// goes (`SessionRecorder`), read back for `replay` and `debrief`. Each team's
/// own recording sits beside it, named by `recordingName`.
public enum SessionFile {
    /// The file name of a team's recording in the session's folder: its joining
    /// number and its name, so two names never share a file.
    public static func recordingName(team: String, number: Int) -> String {
        let slug = team.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return (number < 10 ? "0\(number)" : "\(number)") + "-" + String(slug) + ".jsonl"
    }

    public static func line(_ header: SessionHeader) -> String {
        var line = SessionLine(type: "header")
        line.format = SessionHeader.format
        line.version = SessionHeader.version
        line.app = header.appVersion
        line.scenario = header.scenarioID
        line.scenarioText = header.scenarioText
        line.scenarioHash = header.scenarioHash
        line.difficulty = header.difficulty.rawValue
        line.seed = String(header.seed)
        line.duration = header.durationSeconds
        line.maxTeams = header.maxTeams
        line.bots = header.bots.map(\.rawValue)
        return encode(line)
    }

    public static func line(_ event: SessionEvent) -> String {
        var line: SessionLine
        switch event.kind {
        case let .teamJoined(team, recording):
            line = SessionLine(type: "team")
            line.team = team
            line.recording = recording
        case let .connected(team, people), let .disconnected(team, people):
            line = SessionLine(type: { if case .connected = event.kind { "connected" } else { "disconnected" } }())
            line.team = team
            line.people = people
        case let .inject(entry, fault, teams, origin):
            line = SessionLine(type: "inject")
            line.entry = entry
            line.text = fault.text
            line.teams = teams
            line.origin = origin.rawValue
        case let .planned(entry, fault, target, at):
            line = SessionLine(type: "planned")
            line.entry = entry
            line.text = fault.text
            line.target = target.text
            line.at = at
        case let .delayed(entry, fault, to):
            line = SessionLine(type: "delayed")
            line.entry = entry
            line.text = fault.text
            line.at = to
        case let .skipped(entry, fault), let .restored(entry, fault):
            line = SessionLine(type: { if case .skipped = event.kind { "skipped" } else { "restored" } }())
            line.entry = entry
            line.text = fault.text
        case let .broadcast(text):
            line = SessionLine(type: "broadcast")
            line.text = text
        case let .hint(team, text):
            line = SessionLine(type: "hint")
            line.team = team
            line.text = text
        case .started: line = SessionLine(type: "started")
        case .paused: line = SessionLine(type: "paused")
        case .resumed: line = SessionLine(type: "resumed")
        case let .speed(n):
            line = SessionLine(type: "speed")
            line.speed = n
        case .ended: line = SessionLine(type: "end")
        }
        line.tick = event.tick
        return encode(line)
    }

    private static func encode(_ line: SessionLine) -> String { JSONText.string(line) }
}

/// Turns a facilitated game's progress into session file lines. Pure: the
/// host appends them to the file.
public struct SessionRecorder: Sendable {
    public let header: SessionHeader
    private var written = 0

    public init(header: SessionHeader) { self.header = header }

    public var headerLine: String { SessionFile.line(header) }

    /// Lines for the events logged since the last call.
    public mutating func lines(for game: FacilitatedGame) -> [String] {
        defer { written = game.log.count }
        return game.log.dropFirst(written).map(SessionFile.line)
    }
}
