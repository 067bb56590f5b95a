import FleetSim

/// One inject of a facilitated game, scheduled or given: the scenario's
/// timeline and deck, and the facilitator's injects planned for a game time.
public struct TimelineEntry: Sendable, Hashable, Identifiable {
    public enum Origin: String, Sendable, Hashable { case scenario, facilitator }
    public enum State: Sendable, Hashable {
        case upcoming
        case fired(tick: Int)
        case skipped
    }

    /// A number the facilitator can type (`fire 3`), stable for the whole game.
    public let id: Int
    public var tick: Int
    /// The tick the scenario first gave it (before any delay).
    public let plannedTick: Int
    public let fault: Fault
    public let target: InjectTarget
    public let origin: Origin
    public var state: State

    public var isUpcoming: Bool { state == .upcoming }
}

/// The injects of a facilitated game in tick order, with the controls a
/// facilitator has over the ones still to come: fire now, delay, skip.
public struct InjectTimeline: Sendable {
    public private(set) var entries: [TimelineEntry] = []
    private var nextID = 1

    /// The scenario's injects for this seed and length.
    public init(schedule: [Inject]) {
        for inject in schedule { add(inject.fault, target: .all, at: inject.tick, origin: .scenario) }
    }

    /// Entries still to come at `now`, soonest first: skipped ones too until their
    /// time has passed, so they can be put back.
    public func upcoming(now: Int) -> [TimelineEntry] {
        entries.filter { $0.isUpcoming || ($0.state == .skipped && $0.tick >= now) }.sorted { ($0.tick, $0.id) < ($1.tick, $1.id) }
    }

    public func entry(_ id: Int) -> TimelineEntry? { entries.first { $0.id == id } }

    @discardableResult
    public mutating func add(_ fault: Fault, target: InjectTarget, at tick: Int, origin: TimelineEntry.Origin) -> Int {
        let id = nextID
        nextID += 1
        entries.append(TimelineEntry(id: id, tick: tick, plannedTick: tick, fault: fault, target: target, origin: origin, state: .upcoming))
        return id
    }

    /// Takes the upcoming entries due at `tick` (in tick order) and marks them fired.
    public mutating func takeDue(at tick: Int) -> [TimelineEntry] {
        var due: [TimelineEntry] = []
        for k in entries.indices where entries[k].isUpcoming && entries[k].tick <= tick {
            entries[k].state = .fired(tick: tick)
            due.append(entries[k])
        }
        return due.sorted { ($0.tick, $0.id) < ($1.tick, $1.id) }
    }

    /// Why an entry cannot be changed, if it cannot.
    private func check(_ id: Int) throws(CommandError) -> Int {
        guard let k = entries.firstIndex(where: { $0.id == id }) else { throw CommandError("no inject #\(id) on the timeline") }
        if case let .fired(tick) = entries[k].state { throw CommandError("inject #\(id) already fired at \(GameTime.format(tick))") }
        return k
    }

    /// Marks an entry to fire at `tick` (now); returns it.
    public mutating func fire(_ id: Int, at tick: Int) throws(CommandError) -> TimelineEntry {
        let k = try check(id)
        entries[k].tick = tick
        entries[k].state = .fired(tick: tick)
        return entries[k]
    }

    /// Moves an entry by `seconds`, never before `now`; returns it.
    public mutating func delay(_ id: Int, by seconds: Int, now: Int) throws(CommandError) -> TimelineEntry {
        let k = try check(id)
        entries[k].tick = max(now, entries[k].tick + seconds)
        return entries[k]
    }

    /// Skips an entry, or puts a skipped one back; returns it.
    public mutating func toggleSkip(_ id: Int) throws(CommandError) -> TimelineEntry {
        let k = try check(id)
        entries[k].state = entries[k].state == .skipped ? .upcoming : .skipped
        return entries[k]
    }
}
