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
        let multiplier = { (s: Scenario) in s.plannedSpikes[0].multiplier.upperBound }
        #expect(multiplier(easy) < multiplier(scenario))
        #expect(multiplier(hard) > multiplier(scenario))
        #expect(easy.fleet.scoring.budgetDollars > scenario.fleet.scoring.budgetDollars)
        #expect(hard.fleet.scoring.budgetDollars < scenario.fleet.scoring.budgetDollars)
        #expect(scenario.adjusted(for: .normal).plannedSpikes == scenario.plannedSpikes)
        #expect(easy.par == scenario.pars.easy && hard.par == scenario.pars.hard, "each difficulty has its own par")
    }

    @Test func eachSeedDrawsItsOwnPlanAndTheSameSeedTheSamePlan() throws {
        let scenario = try #require(BuiltInScenarios.named("microservices-madness"))
        let a = scenario.plan(seed: 5, durationSeconds: scenario.durationSeconds)
        let again = scenario.plan(seed: 5, durationSeconds: scenario.durationSeconds)
        let other = scenario.plan(seed: 6, durationSeconds: scenario.durationSeconds)
        #expect(a.injects == again.injects && a.spikes == again.spikes)
        #expect(a.injects != other.injects, "another seed moves times and draws another deck")
        #expect(a.spikes != other.spikes, "another seed draws other spike sizes")
        #expect(a.injects.count > scenario.timeline.count, "the deck adds random injects")
        #expect(zip(a.injects, a.injects.dropFirst()).allSatisfy { $0.tick <= $1.tick })
        // Every draw stays within the windows the file declares.
        for planned in scenario.timeline {
            let drawn = a.injects.filter { $0.fault.kind.name == planned.template.kind && abs($0.tick - planned.at) <= planned.jitter }
            #expect(!drawn.isEmpty, "\(planned.template.text) within ±\(planned.jitter) s of \(planned.at)")
        }
        for (planned, drawn) in zip(scenario.plannedSpikes, a.spikes) {
            #expect(planned.multiplier.contains(drawn.multiplier) && planned.seconds.contains(drawn.durationSeconds))
            #expect(abs(drawn.startTick - planned.at) <= planned.jitter)
        }
    }

    @Test func questsPayTheirBonusWhenMet() throws {
        let scenario = try #require(BuiltInScenarios.named("bad-deploy"))
        let script = [ScheduledCommand(tick: 11 * 60, command: .rollback(service: "rentals"))]
        let run = try HeadlessRun.play(scenario: scenario, seed: 1, durationSeconds: 20 * 60, script: script)
        let acknowledge = 300.0, rollback = 600.0
        // The acknowledge quest is due at the end of the game: it is settled then (no incident waited).
        #expect(run.score.questPoints == rollback + acknowledge)
        // The clock starts when v2 takes traffic (a rolling deploy's first new task in service, about
        // three minutes after the deploy at ten): rolling back at nineteen minutes is too late.
        let late = [ScheduledCommand(tick: 19 * 60, command: .rollback(service: "rentals"))]
        let missed = try HeadlessRun.play(scenario: scenario, seed: 1, durationSeconds: 20 * 60, script: late)
        #expect(missed.score.questPoints < rollback, "rolled back after the five minutes: no rollback bonus")
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
            #expect(scenario.timeline.map(\.template.kind) == [kind.name])
        }
    }
}

