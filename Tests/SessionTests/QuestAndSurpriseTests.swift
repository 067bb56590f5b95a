import FleetSim
import Foundation
import Scenarios
import Testing
@testable import Session

/// Quests pay only what was really done, when it is due; the game holds
/// surprises the team learns of from symptoms alone; the expert plays honestly.
@Suite struct QuestAndSurpriseTests {
    static func scenario(_ extra: String = "") throws -> Scenario {
        let text = """
            id: quests
            title: Quests
            briefing: b
            duration: 30m
            par: 1
            \(extra)
            quests:
              - { title: Autoscaling on web at 00:10, goal: autoscaling, service: web, by: 00:10:00, bonus: 300 }
              - { title: Keep 95% served, goal: availability, percent: 95, bonus: 500 }
            """
        return try ScenarioFile.parse(text, file: "q.yaml")
    }

    @Test func aByQuestPaysOnlyIfItsConditionHoldsAtItsDeadline() throws {
        let toggled = [ScheduledCommand(tick: 60, command: .autoscale(service: "web", change: AutoscaleChange(enabled: true))),
                       ScheduledCommand(tick: 61, command: .autoscale(service: "web", change: AutoscaleChange(enabled: false)))]
        let gamed = try HeadlessRun.play(scenario: try Self.scenario(), seed: 1, durationSeconds: 1_800, script: toggled)
        #expect(gamed.score.questPoints == 500, "on for a second and off again: no autoscaling bonus")
        let kept = [ScheduledCommand(tick: 60, command: .autoscale(service: "web", change: AutoscaleChange(enabled: true, minCapacity: 3)))]
        var session = try GameSession(scenario: try Self.scenario(), seed: 1)
        var next = kept[...]
        var decided: Int?
        while !session.isFinished {
            while let c = next.first, c.tick <= session.world.tick { next = next.dropFirst(); try session.submit(c.command) }
            session.advance()
            if decided == nil, session.world.quests[0].status == .met { decided = session.world.tick - 1 }
        }
        #expect(decided == 600, "decided at 00:10:00, not the moment autoscaling went on")
        #expect(session.world.score.questPoints == 800)
    }

    @Test func aQuestDueAtTheEndIsSettledWhenTheGameEnds() throws {
        let run = try HeadlessRun.play(scenario: try Self.scenario(), seed: 1, durationSeconds: 1_800)
        #expect(run.score.questPoints == 500, "95 % served, checked at the last second")
        let short = try HeadlessRun.play(scenario: try Self.scenario(), seed: 1, durationSeconds: 300)
        #expect(short.score.questPoints == 500, "a shorter game settles its quests at its own end")
    }

    /// A game cut short before its bad deploy arrives: the rollback quest never came up,
    /// so it is neither met nor missed (the console says so), and the full game still has it due.
    @Test func aRollbackQuestWhoseDeployNeverCameWasNeverDue() throws {
        let scenario = try #require(BuiltInScenarios.named("bad-deploy"))
        var short = try GameSession(scenario: scenario, seed: 1, durationSeconds: 5 * 60)
        while !short.isFinished { short.advance() }
        let rollback = short.world.quests.filter { if case .rollback = $0.quest.goal { true } else { false } }
        #expect(!rollback.isEmpty)
        #expect(rollback.allSatisfy { $0.status == .notDue })
        var full = try GameSession(scenario: scenario, seed: 1)
        while !full.isFinished { full.advance() }
        #expect(full.world.quests.filter { if case .rollback = $0.quest.goal { true } else { false } }.allSatisfy { $0.status == .failed },
                "an idle team misses it when the deploy comes")
    }

    @Test func theTeamSeesSymptomsNeverTheInject() throws {
        let scenario = try Self.scenario("""
            timeline:
              - { at: 00:02:00, fault: outage, service: inventory, for: 5m }
            """)
        var match = try Match(scenario: scenario, rivals: [])
        for _ in 0..<600 { match.advance() }
        let feed = match.feed.entries.map(\.text).joined(separator: "\n")
        #expect(!feed.contains("inject"), "the inject itself stays hidden")
        #expect(feed.contains("ALARM"), "its symptoms do not")
    }

    /// The expert decides from what a player sees: a surprise later in the game changes
    /// nothing it does before the surprise shows itself.
    @Test func theExpertCannotSeeTheHiddenTimeline() throws {
        let base = try #require(BuiltInScenarios.named("bad-deploy"))
        let calm = try ScenarioFile.parse(base.sourceText, file: "calm.yaml")
        let marked = base.sourceText.replacingOccurrences(of: "timeline:\n", with: """
            timeline:
              - at: 00:30:00
                fault: latency
                service: payment-provider
                ms: 4000
                for: 10m

            """)
        let surprise = try ScenarioFile.parse(marked, file: "surprise.yaml")
        func commands(_ scenario: Scenario) throws -> [String] {
            var session = try GameSession(scenario: scenario, seed: 7, durationSeconds: 30 * 60)
            var expert: any Bot = ExpertBot()
            while !session.isFinished { session.advance(with: &expert) }
            return session.commandLog.map { "\($0.tick) \($0.command.text)" }
        }
        #expect(surprise.timeline.count == calm.timeline.count + 1)
        #expect(try commands(calm) == commands(surprise))
    }
}
