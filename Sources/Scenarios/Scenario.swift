import FleetSim

/// A level: the fleet to start from, its traffic, a timeline of injects, how
/// long it lasts, and the score that counts as a pass (par).
public struct Scenario: Sendable {
    /// How hard the scenario is as written, a label for lists and the briefing
    /// (`--difficulty` is something else: it scales a scenario's injects).
    public enum Rating: String, Sendable, CaseIterable { case tutorial, easy, normal, hard }

    public var id: String
    public var title: String
    /// Shown on the start screen: the situation and what to watch for.
    public var briefing: String
    public var rating: Rating
    public var durationSeconds: Int
    public var defaultSeed: UInt64
    public var fleet: FleetSpec
    /// Injects at fixed ticks, in tick order.
    public var timeline: [Inject]
    /// The score a competent team reaches.
    public var par: Double
    /// Random injects drawn from the seed, on top of the timeline.
    public var deck: InjectDeck?
    /// The file's text, for `scenarios show` and recordings.
    public var sourceText: String

    public init(id: String, title: String, briefing: String, rating: Rating, durationSeconds: Int,
                defaultSeed: UInt64, fleet: FleetSpec, timeline: [Inject], par: Double, deck: InjectDeck? = nil, sourceText: String = "") {
        self.id = id
        self.title = title
        self.briefing = briefing
        self.rating = rating
        self.durationSeconds = durationSeconds
        self.defaultSeed = defaultSeed
        self.fleet = fleet
        self.timeline = timeline.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
        self.par = par
        self.deck = deck
        self.sourceText = sourceText
    }

    /// Every inject of a game with this seed and length, in tick order: the
    /// timeline plus the deck's draws. The same seed always gives the same list.
    public func schedule(seed: UInt64, durationSeconds: Int) -> [Inject] {
        var all = timeline.filter { $0.tick < durationSeconds }
        if let deck { all += deck.draw(seed: seed, durationSeconds: durationSeconds) }
        return all.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
    }
}

/// Random injects: after `startSeconds`, on average one every `meanIntervalSeconds`,
/// each picked from the cards by weight. Drawn once from the game's seed.
public struct InjectDeck: Sendable {
    public struct Card: Sendable {
        public var fault: Fault
        public var weight: Int
        public init(fault: Fault, weight: Int) {
            self.fault = fault
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
                if pick < card.weight { injects.append(Inject(tick: tick, fault: card.fault)); break }
                pick -= card.weight
            }
        }
        return injects
    }
}
