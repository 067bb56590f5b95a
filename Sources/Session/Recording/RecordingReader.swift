import FleetSim
import Foundation
import Scenarios

/// Why a recording cannot be replayed, in one line naming the file and line.
public struct RecordingError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
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
    /// The file's line number of each entry (the header is line 1), for messages about them.
    public var lineNumbers: [Int]

    public var commandTicks: [Int] { entries.compactMap { if case let .command(t, _) = $0 { t } else { nil } } }
    public var injects: [Inject] { entries.compactMap { if case let .inject(t, f) = $0 { Inject(tick: t, fault: f) } else { nil } } }
    /// The last tick the recording covers.
    public var lastTick: Int {
        if case let .end(tick, _, _)? = entries.last { return tick }
        return entries.map(\.tick).max() ?? 0
    }

    /// Files larger than this are refused before they are read (a two-hour
    /// game is well under 1 MiB; a day of play by a busy bot a few MiB).
    public static let maxBytes = 16 * 1024 * 1024
    /// At most this many lines are read: more than a day of play at a command a second.
    public static let maxLines = 250_000
    /// At most this many commands and injects: every one is replayed by a debrief.
    public static let maxCommands = 100_000
    /// The longest game a recording can describe, as in scenario files (24 hours).
    public static let maxDurationSeconds = 24 * 3_600

    /// Reads a recording from its bytes; `file` names it in messages. Every limit
    /// is checked before the work it protects: size, then lines, then commands.
        public static func parse(_ data: Data, file: String) throws(RecordingError) -> Recording {
        guard data.count <= maxBytes else {
            throw RecordingError(description: "\(file): \(data.count) bytes is too large for a recording (at most \(maxBytes))")
        }
        let newlines = data.reduce(into: 0) { count, byte in if byte == UInt8(ascii: "\n") { count += 1 } }
        guard newlines <= maxLines else {
            throw RecordingError(description: "\(file): \(newlines) lines is too many for a recording (at most \(maxLines))")
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A final line without a newline was cut mid-write: ignore it.
        let cutMidLine = data.last != UInt8(ascii: "\n") && !data.isEmpty
        if cutMidLine || lines.last?.isEmpty == true { lines.removeLast() }
        func fail(_ line: Int, _ message: String) -> RecordingError { RecordingError(description: "\(file):\(line): \(message)") }
        guard let first = lines.first else { throw fail(1, "not a gameday recording (the file is empty)") }
        let header: RecordingLine
        do { header = try decode(first) } catch { throw fail(1, "not a gameday recording (no header line: \(describe(error)))") }
        guard header.type == "header" else { throw fail(1, "not a gameday recording (no header line)") }
        guard header.format == RecordingHeader.format else { throw fail(1, "not a gameday recording (format is not '\(RecordingHeader.format)')") }
        guard let version = header.version else { throw fail(1, "the header has no format version") }
        guard (1...RecordingHeader.version).contains(version) else {
            throw fail(1, "recording format version \(version) is not supported (this gameday reads version \(RecordingHeader.version))")
        }
        var recordingHeader = try readHeader(header, fail: { fail(1, $0) }, file: file)
        recordingHeader.commandsTookEffectWhenGiven = version >= 3
        var entries: [RecordingEntry] = []
        var numbers: [Int] = []
        var lastTick = 0
        var commands = 0
        for (n, bytes) in lines.enumerated().dropFirst() {
            let entry = try readEntry(bytes, duration: recordingHeader.durationSeconds, after: lastTick) { fail(n + 1, $0) }
            switch entry {
            case .command, .inject:
                commands += 1
                guard commands <= maxCommands else {
                    throw fail(n + 1, "more than \(maxCommands) commands and injects: too many to replay")
                }
            case .checkpoint, .end: break
            }
            lastTick = entry.tick
            entries.append(entry)
            numbers.append(n + 1)
        }
        let ended: Bool = { if case .end? = entries.last { true } else { false } }()
        let scenario: Scenario
        do { scenario = try ScenarioFile.parse(recordingHeader.scenarioText, file: "\(file) (embedded scenario)").adjusted(for: recordingHeader.difficulty) } catch {
            throw fail(1, "the embedded scenario is invalid: \(error.issues.first?.description ?? "")")
        }
        return Recording(header: recordingHeader, scenario: scenario, entries: entries, isTruncated: !ended, lineCount: lines.count, lineNumbers: numbers)
    }

    private static func readHeader(_ line: RecordingLine, fail: (String) -> RecordingError, file: String) throws(RecordingError) -> RecordingHeader {
        guard let text = line.scenarioText, let hash = line.scenarioHash, let seedText = line.seed, let seed = UInt64(seedText),
              let duration = line.duration, duration > 0,
              let difficulty = line.difficulty.flatMap(Difficulty.init(rawValue:)) else {
            throw fail("the header is missing scenario, seed, duration or difficulty")
        }
        guard duration <= maxDurationSeconds else {
            throw fail("the game's duration \(duration) s is longer than a recording can hold (24 hours)")
        }
        if let team = line.team, team.count > maxTeamLength {
            throw fail("the team name is longer than \(maxTeamLength) characters")
        }
        guard RecordingHeader.hash(of: text) == hash else {
            throw fail("the embedded scenario does not match its hash \(hash): the file was edited or damaged")
        }
        return RecordingHeader(appVersion: line.app ?? "?", scenarioID: line.scenario ?? "?", scenarioText: text, scenarioHash: hash,
                               difficulty: difficulty, seed: seed, durationSeconds: duration, team: line.team ?? "you",
                               parentFile: line.parent, branchTick: line.branchTick, hostTimeline: line.timeline == "host")
    }

    private static func readEntry(_ bytes: Data.SubSequence, duration: Int, after lastTick: Int,
                                  fail: (String) -> RecordingError) throws(RecordingError) -> RecordingEntry {
        let line: RecordingLine
        do { line = try decode(bytes) } catch { throw fail("corrupt line (\(describe(error)))") }
        guard let tick = line.tick else { throw fail("corrupt line (no tick)") }
        guard tick >= lastTick, tick <= duration else { throw fail("tick \(tick) is out of order or past the game's end") }
        switch (line.type, line.text, line.hash) {
        case let ("command", text?, _):
            do throws(CommandError) { return .command(tick: tick, try Command.parse(text)) } catch {
                throw fail("damaged command '\(text)': \(error.message)")
            }
        case let ("inject", text?, _):
            do throws(CommandError) { return .inject(tick: tick, try Fault.parse(text)) } catch {
                throw fail("damaged inject '\(text)': \(error.message)")
            }
        case let ("checkpoint", _, hash?): return .checkpoint(tick: tick, hash: hash, score: line.score ?? 0)
        case let ("end", _, hash?): return .end(tick: tick, hash: hash, score: line.score ?? 0)
        default: throw fail("corrupt line (unknown type '\(line.type)' or a missing field)")
        }
    }

    /// The longest team name a header may carry (the console allows 24 characters).
    static let maxTeamLength = 64

    private static let decoder = JSONDecoder()

    private static func decode(_ bytes: Data.SubSequence) throws -> RecordingLine { try decoder.decode(RecordingLine.self, from: Data(bytes)) }

    /// A decoding error in a few words: which field and what was wrong.
    public static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let field = context.codingPath.last?.stringValue ?? "the line"
            return "'\(field)' must be \(type == Int.self ? "a whole number" : type == Double.self ? "a number" : type == String.self ? "text" : "\(type)")"
        case let .keyNotFound(key, _): return "no '\(key.stringValue)'"
        case .dataCorrupted: return "not a JSON object"
        @unknown default: return "not a JSON object"
        }
    }
}

extension Recording {
    /// A recording of a game in memory (a facilitated team's, for its debrief on the spot):
    /// its commands and injects, and an end line at the session's tick.
    public init(header: RecordingHeader, session: GameSession) {
        self.header = header
        scenario = session.scenario
        var entries: [RecordingEntry] = session.commandLog.map { .command(tick: $0.tick, $0.command) }
        entries += session.injectLog.map { .inject(tick: $0.tick, $0.fault) }
        entries = entries.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
        let world = session.world
        entries.append(.end(tick: world.tick, hash: world.stableHashHex, score: world.score.total))
        self.entries = entries
        isTruncated = false
        lineCount = entries.count + 1
        lineNumbers = Array(2..<(entries.count + 2))
    }
}
