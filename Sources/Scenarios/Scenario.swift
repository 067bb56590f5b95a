import FleetSim

/// A level: the fleet to start from, its traffic and planned spikes, a
/// timeline of faults and a random deck (both resolved per seed), quests,
/// how long it lasts, and the score that counts as a pass at each difficulty.
public struct Scenario: Sendable {
    /// How hard the scenario is as written, a label for lists and the briefing
    /// (`--difficulty` is something else: it scales a scenario's injects).
    public enum Rating: String, Sendable, CaseIterable { case tutorial, easy, normal, hard }

    /// Par at each difficulty: the score a competent team reaches, calibrated
    /// against the expert and idle bots over many seeds (`gameday scenarios calibrate`).
    public struct Pars: Sendable, Hashable {
        public var easy: Double
        public var normal: Double
        public var hard: Double

        public init(easy: Double, normal: Double, hard: Double) {
            self.easy = easy
            self.normal = normal
            self.hard = hard
        }

        /// One par for every difficulty (files that give a single number).
        public init(_ all: Double) { self.init(easy: all, normal: all, hard: all) }

        public subscript(difficulty: Difficulty) -> Double {
            switch difficulty {
            case .easy: easy
            case .normal: normal
            case .hard: hard
            }
        }
    }

    public var id: String
    public var title: String
    /// Shown on the start screen: the situation and what the team has been told.
    public var briefing: String
    public var rating: Rating
    public var durationSeconds: Int
    public var defaultSeed: UInt64
    /// The fleet, its steady traffic and rules; spikes come from `plannedSpikes` per seed.
    public var fleet: FleetSpec
    /// Faults at (roughly) fixed times, in time order.
    public var timeline: [PlannedInject]
    public var plannedSpikes: [PlannedSpike]
    /// Random injects drawn from the seed, on top of the timeline.
    public var deck: InjectDeck?
    public var pars: Pars
    /// The difficulty this copy is set to (`adjusted(for:)`).
    public var difficulty: Difficulty = .normal
    /// The file's text, for `scenarios show` and recordings.
    public var sourceText: String

    public init(id: String, title: String, briefing: String, rating: Rating, durationSeconds: Int, defaultSeed: UInt64,
                fleet: FleetSpec, timeline: [PlannedInject], plannedSpikes: [PlannedSpike] = [], pars: Pars,
                deck: InjectDeck? = nil, sourceText: String = "") {
        self.id = id
        self.title = title
        self.briefing = briefing
        self.rating = rating
        self.durationSeconds = durationSeconds
        self.defaultSeed = defaultSeed
        self.fleet = fleet
        self.timeline = timeline.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        self.plannedSpikes = plannedSpikes
        self.pars = pars
        self.deck = deck
        self.sourceText = sourceText
    }

    /// Par at this copy's difficulty for the whole scenario.
    public var par: Double { pars[difficulty] }

    /// Par for a game of `seconds` (a shorter game is judged pro rata).
    public func par(forSeconds seconds: Int) -> Double {
        seconds == durationSeconds ? par : par * Double(seconds) / Double(max(1, durationSeconds))
    }
}

/// Random injects: after `startSeconds`, on average one every `meanIntervalSeconds`,
/// each picked from the cards by weight and resolved. Drawn once from the game's seed.
public struct InjectDeck: Sendable {
    public struct Card: Sendable {
        public var template: FaultTemplate
        public var weight: Int
        public init(template: FaultTemplate, weight: Int) {
            self.template = template
            self.weight = weight
        }
    }

    public var meanIntervalSeconds: Int
    public var startSeconds: Int
    public var cards: [Card]

    public init(meanIntervalSeconds: Int, startSeconds: Int, cards: [Card]) {
        self.meanIntervalSeconds = meanIntervalSeconds
        self.startSeconds = startSeconds
        self.cards = cards
    }

    public func draw(seed: UInt64, durationSeconds: Int) -> [Inject] {
        let total = cards.reduce(0) { $0 + $1.weight }
        guard total > 0, meanIntervalSeconds > 0 else { return [] }
        var rng = Xoshiro256StarStar(seed: seed ^ 0xDEC0_DEC0_DEC0_DEC0)
        var injects: [Inject] = []
        var tick = startSeconds
        while true {
            // Gaps between half and one and a half mean intervals.
            tick += meanIntervalSeconds / 2 + rng.nextInt(below: meanIntervalSeconds + 1)
            guard tick < durationSeconds else { break }
            var pick = rng.nextInt(below: total)
            for card in cards {
                if pick < card.weight { injects.append(Inject(tick: tick, fault: card.template.resolve(using: &rng))); break }
                pick -= card.weight
            }
        }
        return injects
    }
}
