import FleetSim

/// How loud a feed line or log line is; always shown as a word, never by colour alone.
public enum Severity: Int, Sendable, Comparable, CaseIterable {
    case info, warning, error

    public var label: String {
        switch self {
        case .info: "INFO"
        case .warning: "WARN"
        case .error: "ERROR"
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}

/// One line of the event feed.
public struct FeedEntry: Sendable, Hashable {
    public var tick: Int
    public var subject: String?
    public var text: String
    public var severity: Severity
}

/// One simulated log line of a service.
public struct LogLine: Sendable, Hashable {
    public var tick: Int
    public var severity: Severity
    public var text: String
}

/// The recent history the console shows: the event feed and each service's
/// logs, bounded so a long game costs constant memory.
public struct EventFeed: Sendable {
    public private(set) var entries: [FeedEntry] = []
    /// Log lines per service name, oldest first.
    public private(set) var logs: [String: [LogLine]] = [:]
    /// Incidents opened so far (the console flashes when this grows).
    public private(set) var incidentsOpened = 0

    /// The world's events taken so far (see `World.eventsRecorded`).
    private var eventsTaken = 0

    public static let entriesKept = 400
    public static let logLinesKept = 200

    public init() {}

    /// Takes the world's events not taken yet: a command's line the moment it
    /// is given, a tick's lines after it.
    mutating func absorbEvents(_ world: World) {
        for event in world.events(since: eventsTaken) where !event.isHiddenTruth {
            entries.append(FeedEntry(tick: event.tick, subject: event.subject, text: event.message, severity: Self.severity(of: event.kind)))
            if case .incidentOpened = event.kind { incidentsOpened += 1 }
        }
        eventsTaken = world.eventsRecorded
        if entries.count > Self.entriesKept { entries.removeFirst(entries.count - Self.entriesKept) }
    }

    /// After a tick: its events and each service's new log lines.
    mutating func absorb(_ world: World) {
        absorbEvents(world)
        for (service, line) in LogSynthesizer.lines(for: world) {
            logs[service, default: []].append(line)
            if logs[service]!.count > Self.logLinesKept { logs[service]!.removeFirst() }
        }
    }

    /// A line that does not come from the world: a facilitator's broadcast or hint.
    mutating func note(tick: Int, text: String, severity: Severity) {
        entries.append(FeedEntry(tick: tick, subject: nil, text: text, severity: severity))
        if entries.count > Self.entriesKept { entries.removeFirst(entries.count - Self.entriesKept) }
    }

    public func logs(of service: String) -> [LogLine] { logs[service] ?? [] }

    static func severity(of kind: SimEvent.Kind) -> Severity {
        switch kind {
        case .taskStopped(_, let reason, _): reason.isFailure ? .warning : .info
        case .targetUnhealthy, .launchBackoff, .alarmFired, .commandRejected: .warning
        case .deploymentFailed, .incidentOpened, .incidentReopened, .edgeDown: .error
        case .incidentGrew: .warning
        default: .info
        }
    }
}
