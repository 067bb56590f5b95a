import FleetSim
import Scenarios
import Session
import Testing

/// Every shipped scenario parses and round-trips; winnable-not-trivial is
/// checked through the command line in GamedayCLITests (ParCheckTests).
@Suite struct ScenarioPackTests {
    @Test func everyShippedScenarioParses() throws {
        for source in BuiltInScenarios.sources {
            #expect(throws: Never.self, "\(source.file)") { try ScenarioFile.parse(source.text, file: source.file) }
        }
        #expect(BuiltInScenarios.all.count == BuiltInScenarios.sources.count)
        #expect(BuiltInScenarios.all.count >= 6)
    }

    @Test func showPrintsAFileThatParsesBackToTheSameScenario() throws {
        for scenario in BuiltInScenarios.all {
            let again = try ScenarioFile.parse(scenario.sourceText, file: "copy.yaml")
            #expect(again.id == scenario.id)
            #expect(again.timeline == scenario.timeline)
        }
    }

    @Test func difficultyScalesInjectsAndBudget() throws {
        let scenario = try #require(BuiltInScenarios.named("flash-sale"))
        let easy = scenario.adjusted(for: .easy), hard = scenario.adjusted(for: .hard)
        let multiplier = { (s: Scenario) in s.fleet.traffic.spikes[0].multiplier }
        #expect(multiplier(easy) < multiplier(scenario))
        #expect(multiplier(hard) > multiplier(scenario))
        #expect(easy.fleet.scoring.budgetDollars > scenario.fleet.scoring.budgetDollars)
        #expect(hard.fleet.scoring.budgetDollars < scenario.fleet.scoring.budgetDollars)
        #expect(scenario.adjusted(for: .normal).fleet.traffic.spikes == scenario.fleet.traffic.spikes)
    }

    @Test func deckDrawsTheSameInjectsForTheSameSeed() throws {
        let scenario = try #require(BuiltInScenarios.named("microservices-madness"))
        let a = scenario.schedule(seed: 5, durationSeconds: scenario.durationSeconds)
        #expect(a == scenario.schedule(seed: 5, durationSeconds: scenario.durationSeconds))
        #expect(a != scenario.schedule(seed: 6, durationSeconds: scenario.durationSeconds))
        #expect(a.count > scenario.timeline.count, "the deck adds random injects")
        #expect(zip(a, a.dropFirst()).allSatisfy { $0.tick <= $1.tick })
    }

    @Test func questsPayTheirBonusWhenMet() throws {
        let scenario = try #require(BuiltInScenarios.named("bad-deploy"))
        let script = [ScheduledCommand(tick: 11 * 60, command: .rollback(service: "rentals"))]
        let run = try HeadlessRun.play(scenario: scenario, seed: 1, durationSeconds: 20 * 60, script: script)
        #expect(run.score.questPoints == 600)
        let late = [ScheduledCommand(tick: 16 * 60, command: .rollback(service: "rentals"))]
        let missed = try HeadlessRun.play(scenario: scenario, seed: 1, durationSeconds: 20 * 60, script: late)
        #expect(missed.score.questPoints == 0)
    }

    @Test func everyFaultKindReadsFromAScenarioFile() throws {
        for kind in FaultKinds.all {
            let lines = kind.parameters.map { p -> String in
                switch p.kind {
                case .service: "    \(p.key): rentals"
                case .version: "    \(p.key): v2"
                case .zone: "    \(p.key): b"
                case .count, .number: "    \(p.key): \(NumberText.format(p.range.lowerBound))"
                case .duration: "    \(p.key): 5m"
                }
            }
            let text = "id: one\ntitle: One\nbriefing: b\nduration: 1h\npar: 1\ntimeline:\n  - at: 00:10:00\n    fault: \(kind.name)\n" + lines.joined(separator: "\n") + "\n"
            let scenario = try ScenarioFile.parse(text, file: "\(kind.name).yaml")
            #expect(scenario.timeline.map(\.fault.kind.name) == [kind.name])
        }
    }
}

