import ArgumentParser
import Foundation
import Scenarios
import ScreenKit
import Session

extension Gameday {
    /// `gameday balance`: plays every scenario over many seeds with every bot and
    /// degenerate strategy, and checks the score rewards good operations.
    struct Balance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario balance over many seeds: expert vs par, idle, and strategies that game the score.",
            discussion: """
                For each scenario and difficulty: the expert bot must make par on at least 90 % of seeds, \
                the idle bot must miss it on every seed, and the overprovision and autoscaler bots and every \
                degenerate strategy (static ×2 and ×3 fleets, the order pipeline switched off, 60 s timeouts, \
                autoscaling flapped on and off, the expert's script from one seed replayed on others) must \
                average below the expert. Prints the scores and a suggested par; exits 1 on any violation.
                Run it from a release build: swift run -c release gameday balance
                """)

        @Option(name: .customLong("scenario"), help: "Scenario ids or files (default: every built-in scenario).")
        var scenarios: [String] = []

        @Option(help: "Seeds per scenario and difficulty.")
        var seeds = 20

        @Option(help: "easy, normal, hard or all. Degenerate strategies are played at normal only.")
        var difficulty = "all"

        func run() throws {
            guard (1...500).contains(seeds) else { throw GamedayError("--seeds must be 1…500, got \(seeds)") }
            let difficulties: [Difficulty]
            if difficulty == "all" { difficulties = Difficulty.allCases } else {
                guard let one = Difficulty(rawValue: difficulty) else { throw GamedayError("--difficulty must be easy, normal, hard or all, got '\(difficulty)'") }
                difficulties = [one]
            }
            let chosen = try (scenarios.isEmpty ? BuiltInScenarios.ids : scenarios).map(ScenarioLookup.find)
            let clock = ContinuousClock(), start = clock.now
            var violations: [String] = []
            var games = 0
            for scenario in chosen {
                for level in difficulties {
                    let adjusted = scenario.adjusted(for: level)
                    let strategies: [Strategy] = level == .normal
                        ? BotKind.allCases.map(Strategy.bot) + Strategy.degenerate : [.bot(.expert), .bot(.idle)]
                    let report = try BalanceRun.report(adjusted, strategies: strategies, seeds: (1...seeds).map(UInt64.init))
                    games += strategies.count * seeds
                    print(BalanceRun.table(report))
                    violations += report.violations
                    if level == .normal { violations += try BalanceRun.questsTheExpertMisses(adjusted) }
                }
            }
            let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) * 1e-18
            print("\(games) games in \(Format.fixed(seconds, 1)) s")
            guard violations.isEmpty else {
                for violation in violations { print("✖ \(violation)") }
                throw ExitCode(1)
            }
            print("balance ok")
        }
    }
}

/// Plays the games of a balance report on every core, and prints it.
enum BalanceRun {
    /// Results written from worker threads, each into its own slot.
    private final class Slots: @unchecked Sendable {
        var values: [Double]
        var failure: String?
        let lock = NSLock()
        init(count: Int) { values = Array(repeating: 0, count: count) }
    }

    static func report(_ scenario: Scenario, strategies: [Strategy], seeds: [UInt64]) throws -> BalanceReport {
        let jobs = strategies.flatMap { strategy in seeds.map { (strategy, $0) } }
        let slots = Slots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { n in
            let (strategy, seed) = jobs[n]
            do {
                let score = try strategy.play(scenario, seed: seed)
                slots.lock.lock(); slots.values[n] = score; slots.lock.unlock()
            } catch {
                slots.lock.lock(); slots.failure = "\(error)"; slots.lock.unlock()
            }
        }
        if let failure = slots.failure { throw GamedayError("balance: \(failure)") }
        let scores = strategies.enumerated().map { k, strategy in
            (strategy: strategy, scores: Array(slots.values[(k * seeds.count)..<((k + 1) * seeds.count)]))
        }
        return BalanceReport(scenario: scenario.id, difficulty: scenario.difficulty, par: scenario.par, scores: scores)
    }

    /// Every quest must be within reach: the expert meets each one on the scenario's own seed.
    static func questsTheExpertMisses(_ scenario: Scenario) throws -> [String] {
        var session = try GameSession(scenario: scenario)
        var expert: any Bot = ExpertBot()
        while !session.isFinished { session.advance(with: &expert) }
        let missed = session.world.quests.filter { $0.status != .met }.map(\.quest.title)
        print("  quests: the expert meets \(session.world.quests.count - missed.count) of \(session.world.quests.count) on seed \(scenario.defaultSeed)\n")
        return missed.map { "\(scenario.id): the expert misses the quest '\($0)' on the scenario's own seed" }
    }

    static func table(_ report: BalanceReport) -> String {
        func n(_ x: Double) -> String { Format.fit(Format.fixed(x, 0), 9, alignRight: true) }
        var lines = ["\(report.scenario) · \(report.difficulty.rawValue) · par \(Format.fixed(report.par, 0))"
                     + (report.suggestedPar.map { " (suggested \(Format.fixed($0, 0)))" } ?? " (no par separates expert from idle)")]
        lines.append("  " + Format.fit("strategy", 26) + Format.fit("mean", 9, alignRight: true) + Format.fit("min", 9, alignRight: true)
                     + Format.fit("max", 9, alignRight: true) + "  made par")
        for (strategy, scores) in report.scores {
            let made = scores.filter { $0 >= report.par }.count
            lines.append("  " + Format.fit(strategy.name, 26) + n(BalanceReport.mean(scores)) + n(scores.min() ?? 0) + n(scores.max() ?? 0)
                         + "  \(made)/\(scores.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
