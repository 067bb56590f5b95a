import FleetSim
import Foundation
import Scenarios
import Session

/// A session file read back, with the recordings of its teams: enough to
/// replay the session as the facilitator saw it, or to compare the teams.
public struct SessionRecord: Sendable {
    public var header: SessionHeader
    public var scenario: Scenario
    public var events: [SessionEvent]
    /// The teams of people in joining order, with their recordings.
    public var teams: [(name: String, recording: Recording)]
    /// True when the file has no end line (the host was killed): it replays to its last line.
    public var isTruncated: Bool
    public var path: String

    public var settings: GameSettings {
        GameSettings(scenario: scenario, seed: header.seed, durationSeconds: header.durationSeconds, difficulty: header.difficulty,
                     maxTeams: max(header.maxTeams, teams.count), bots: header.bots)
    }

    /// The last tick the session reached.
    public var lastTick: Int { events.last?.tick ?? 0 }

    /// Whether bytes from the start of a file are a session file's (its first line says so).
    public static func isSessionFile(start: Data) -> Bool {
        String(decoding: start.prefix(4_096), as: UTF8.self).contains("\"format\":\"\(SessionHeader.format)\"")
    }

    /// The file name of a team's recording as a session file names it, or why it cannot be one
    /// (the recordings sit beside the session file: a path is refused).
    public static func problem(withRecordingName file: String) -> String? {
        file.contains("/") || file.hasPrefix(".") || file.isEmpty ? "'\(file)' is not a file name" : nil
    }

    /// Reads the lines of a session file (not the team recordings).
    public static func parse(_ data: Data, file: String) throws(RecordingError) -> SessionRecord {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if (data.last != UInt8(ascii: "\n") && !data.isEmpty) || lines.last?.isEmpty == true { lines.removeLast() }
        func fail(_ line: Int, _ message: String) -> RecordingError { RecordingError(description: "\(file):\(line): \(message)") }
        let decoder = JSONDecoder()
        func decode(_ bytes: Data.SubSequence, _ n: Int) throws(RecordingError) -> SessionLine {
            do { return try decoder.decode(SessionLine.self, from: Data(bytes)) } catch { throw fail(n, "corrupt line (\(Recording.describe(error)))") }
        }
        guard let first = lines.first else { throw fail(1, "not a gameday session file (the file is empty)") }
        let h = try decode(first, 1)
        guard h.type == "header", h.format == SessionHeader.format else { throw fail(1, "not a gameday session file (no session header)") }
        guard h.version == SessionHeader.version else {
            throw fail(1, "session format version \(h.version.map(String.init) ?? "none") is not supported (this gameday reads version \(SessionHeader.version))")
        }
        guard let text = h.scenarioText, let hash = h.scenarioHash, let seed = h.seed.flatMap(UInt64.init), let duration = h.duration, duration > 0,
              let difficulty = h.difficulty.flatMap(Difficulty.init(rawValue:)) else {
            throw fail(1, "the header is missing scenario, seed, duration or difficulty")
        }
        guard RecordingHeader.hash(of: text) == hash else { throw fail(1, "the embedded scenario does not match its hash \(hash): the file was edited or damaged") }
        var bots: [BotKind] = []
        for name in h.bots ?? [] {
            guard let kind = BotKind(rawValue: name) else { throw fail(1, "unknown bot '\(name)'") }
            bots.append(kind)
        }
        let scenario: Scenario
        do { scenario = try ScenarioFile.parse(text, file: "\(file) (embedded scenario)").adjusted(for: difficulty) } catch {
            throw fail(1, "the embedded scenario is invalid: \(error.issues.first?.description ?? "")")
        }
        let header = SessionHeader(appVersion: h.app ?? "?", scenarioID: h.scenario ?? scenario.id, scenarioText: text, scenarioHash: hash,
                                   difficulty: difficulty, seed: seed, durationSeconds: duration, maxTeams: h.maxTeams ?? 8, bots: bots)
        var events: [SessionEvent] = []
        var last = 0
        for (n, bytes) in lines.enumerated().dropFirst() {
            let line = try decode(bytes, n + 1)
            guard let tick = line.tick, tick >= last, tick <= duration else { throw fail(n + 1, "missing tick, or out of order") }
            last = tick
            guard let kind = try kind(of: line, fail: { fail(n + 1, $0) }) else { continue }
            events.append(SessionEvent(tick: tick, kind: kind))
        }
        let ended = events.last?.kind == .ended
        return SessionRecord(header: header, scenario: scenario, events: events, teams: [], isTruncated: !ended, path: file)
    }

    private static func kind(of line: SessionLine, fail: (String) -> RecordingError) throws(RecordingError) -> SessionEvent.Kind? {
        func fault() throws(RecordingError) -> Fault {
            guard let text = line.text else { throw fail("\(line.type) without its fault") }
            do throws(CommandError) { return try Fault.parse(text) } catch { throw fail("damaged fault '\(text)': \(error.message)") }
        }
        func need<T>(_ value: T?) throws(RecordingError) -> T {
            guard let value else { throw fail("corrupt line (a field of '\(line.type)' is missing)") }
            return value
        }
        switch line.type {
        case "team": return .teamJoined(team: try need(line.team), recording: try need(line.recording))
        case "connected": return .connected(team: try need(line.team), people: line.people ?? 0)
        case "disconnected": return .disconnected(team: try need(line.team), people: line.people ?? 0)
        case "inject":
            let origin = TimelineEntry.Origin(rawValue: line.origin ?? "") ?? .facilitator
            return .inject(entry: line.entry ?? 0, fault: try fault(), teams: line.teams ?? [], origin: origin)
        case "planned": return .planned(entry: line.entry ?? 0, fault: try fault(), target: .parse(line.target ?? "all"), at: try need(line.at))
        case "delayed": return .delayed(entry: line.entry ?? 0, fault: try fault(), to: try need(line.at))
        case "skipped": return .skipped(entry: line.entry ?? 0, fault: try fault())
        case "restored": return .restored(entry: line.entry ?? 0, fault: try fault())
        case "broadcast": return .broadcast(text: try need(line.text))
        case "hint": return .hint(team: try need(line.team), text: try need(line.text))
        case "started": return .started
        case "paused": return .paused
        case "resumed": return .resumed
        case "speed": return .speed(try need(line.speed))
        case "end": return .ended
        default: throw fail("corrupt line (unknown type '\(line.type.prefix(20))')")
        }
    }
}
