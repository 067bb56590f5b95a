import FleetSim
import Scenarios

/// Turns a game's progress into recording lines: every command and inject
/// with its tick, a checkpoint of the world hash every simulated minute,
/// and an end line. Pure: the host appends the lines to a file and flushes.
public struct Recorder: Sendable {
    public let header: RecordingHeader
    private var commandsWritten = 0
    private var injectsWritten = 0
    private var lastCheckpoint = -1

    /// A checkpoint every simulated minute.
    public static let checkpointSeconds = 60

    public init(header: RecordingHeader) { self.header = header }

    /// The header line, written first.
    public var headerLine: String { RecordingEncoder.line(header) }

    /// Lines for what happened since the last call (call after every tick).
    public mutating func lines(for session: GameSession) -> [String] {
        var lines: [String] = []
        let tick = session.world.tick
        while commandsWritten < session.commandLog.count {
            let logged = session.commandLog[commandsWritten]
            lines.append(RecordingEncoder.line(.command(tick: logged.tick, logged.command)))
            commandsWritten += 1
        }
        while injectsWritten < session.injectLog.count {
            let logged = session.injectLog[injectsWritten]
            lines.append(RecordingEncoder.line(.inject(tick: logged.tick, logged.fault)))
            injectsWritten += 1
        }
        // After the commands of earlier ticks, so ticks never go backwards in the file.
        if tick % Self.checkpointSeconds == 0 && tick > lastCheckpoint {
            lastCheckpoint = tick
            lines.append(RecordingEncoder.line(.checkpoint(tick: tick, hash: session.world.stableHashHex, score: session.world.score.total)))
        }
        return lines
    }

    /// The end line, written when the game ends or the player quits.
    public func endLine(for session: GameSession) -> String {
        RecordingEncoder.line(.end(tick: session.world.tick, hash: session.world.stableHashHex, score: session.world.score.total))
    }
}

/// Where a replay first parted from its recording: a checkpoint whose world
/// hash differs, or a recorded command or inject the world refused.
public struct Divergence: Sendable, Hashable {
    public var tick: Int
    /// The file's line, when known.
    public var line: Int?
    public var description: String
}

/// A recording's commands and injects fed back into a session at their
/// ticks, with every checkpoint compared to the world hash.
public struct ReplayScript: Sendable {
    public let entries: [RecordingEntry]
    private let lineNumbers: [Int]
    private var next = 0
    /// The first place the replay parted from the recording.
    public private(set) var divergence: Divergence?
    public private(set) var checkpointsMatched = 0
    /// Formats 1 and 2: a tick's commands were checked against the world before
    /// the tick, then applied in order (see `RecordingHeader.version`).
    private let checksBeforeTick: Bool

    public init(_ recording: Recording) {
        entries = recording.entries
        lineNumbers = recording.lineNumbers
        checksBeforeTick = !recording.header.commandsTookEffectWhenGiven
    }

    /// Applies everything due at the session's current tick; call before each
    /// advance, and once more at the last tick (commands given then count too).
    /// Returns the injects it gave, for the other teams of a match.
    @discardableResult
    public mutating func feed(_ session: inout GameSession) -> [Fault] {
        var injected: [Fault] = []
        let tick = session.world.tick
        var beforeTick: World?
        while next < entries.count, entries[next].tick <= tick {
            let line = next < lineNumbers.count ? lineNumbers[next] : nil
            switch entries[next] {
            case let .command(_, command):
                do throws(CommandError) {
                    if checksBeforeTick {
                        if beforeTick == nil { beforeTick = session.world }
                        try beforeTick?.check(command)
                        session.submitCheckedEarlier(command)
                    } else {
                        try session.submit(command)
                    }
                } catch {
                    diverge(Divergence(tick: tick, line: line, description: "the recorded command '\(command.text)' was refused: \(error.message)"))
                }
            case let .inject(_, fault):
                do throws(CommandError) {
                    try session.submit(fault)
                    injected.append(fault)
                } catch {
                    diverge(Divergence(tick: tick, line: line, description: "the recorded inject '\(fault.text)' was refused: \(error.message)"))
                }
            case let .checkpoint(at, hash, _), let .end(at, hash, _):
                if at == tick {
                    let found = session.world.stableHashHex
                    if found == hash {
                        checkpointsMatched += 1
                    } else {
                        diverge(Divergence(tick: tick, line: line, description: "expected world hash \(hash), found \(found)"))
                    }
                }
            }
            next += 1
        }
        return injected
    }

    private mutating func diverge(_ found: Divergence) {
        if divergence == nil { divergence = found }
    }
}

/// The result of checking a recording headless (`gameday replay --verify`).
public struct Verification: Sendable {
    public var checkpoints: Int
    public var divergence: Divergence?
    public var lastTick: Int
    public var isTruncated: Bool
    /// When each incident opened, for the replay timeline.
    public var incidentTicks: [Int] = []

    /// Replays the whole recording (player only: rivals do not affect the hash).
    public static func run(_ recording: Recording) throws(FleetSpecError) -> Verification {
        var session = try GameSession(scenario: recording.scenario, seed: recording.header.seed,
                                      durationSeconds: recording.header.durationSeconds, followsTimeline: !recording.header.hostTimeline)
        var script = ReplayScript(recording)
        let end = recording.lastTick
        while session.world.tick < end {
            script.feed(&session)
            session.advance()
        }
        script.feed(&session)
        return Verification(checkpoints: script.checkpointsMatched + (script.divergence == nil ? 0 : 1), divergence: script.divergence,
                            lastTick: end, isTruncated: recording.isTruncated, incidentTicks: session.world.incidents.map(\.openedAt))
    }
}
