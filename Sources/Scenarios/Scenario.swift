import FleetSim

/// A level: the fleet to start from, its traffic, a timeline of injects, how
/// long it lasts, and the score that counts as a pass (par).
public struct Scenario: Sendable {
    public enum Difficulty: String, Sendable, CaseIterable { case tutorial, easy, normal, hard }

    public var id: String
    public var title: String
    /// Shown on the start screen: the situation and what to watch for.
    public var briefing: String
    public var difficulty: Difficulty
    public var durationSeconds: Int
    public var defaultSeed: UInt64
    public var fleet: FleetSpec
    /// Injects at fixed ticks, in tick order.
    public var timeline: [Inject]
    /// The score a competent team reaches.
    public var par: Double

    public init(id: String, title: String, briefing: String, difficulty: Difficulty, durationSeconds: Int,
                defaultSeed: UInt64, fleet: FleetSpec, timeline: [Inject], par: Double) {
        self.id = id
        self.title = title
        self.briefing = briefing
        self.difficulty = difficulty
        self.durationSeconds = durationSeconds
        self.defaultSeed = defaultSeed
        self.fleet = fleet
        self.timeline = timeline.sorted { $0.tick < $1.tick }
        self.par = par
    }

    /// Injects due at `tick`, in timeline order.
    public func injects(at tick: Int) -> [Fault] {
        timeline.filter { $0.tick == tick }.map(\.fault)
    }
}
