import FleetSim
import Scenarios
import Testing
@testable import Session

@Suite struct GameSessionTests {
    @Test func scenarioInjectsArriveAtTheirTick() throws {
        var session = try GameSession(scenario: BuiltInScenarios.firstDay, durationSeconds: 11 * 60)
        var injectedAt: Int?
        while !session.isFinished {
            session.advance()
            if injectedAt == nil, session.world.events.contains(where: { if case .faultInjected = $0.kind { true } else { false } }) {
                injectedAt = session.world.tick - 1
            }
        }
        #expect(injectedAt == session.schedule.first?.tick)
        #expect(session.world.tick == 11 * 60)
    }

    @Test func submittedCommandsAreCheckedThenLoggedWithTheirTick() throws {
        var session = try GameSession(scenario: BuiltInScenarios.firstDay)
        session.advance()
        #expect(throws: CommandError.self) { try session.submit(.scale(service: "nope", count: 1)) }
        try session.submit(.scale(service: "web", count: 5))
        session.advance()
        #expect(session.commandLog == [LoggedCommand(tick: 1, command: .scale(service: "web", count: 5))])
        #expect(session.world.service(named: "web")?.desiredCount == 5)
    }

    @Test func headlessRunsAreReproducible() throws {
        let script = [ScheduledCommand(tick: 300, command: .scale(service: "web", count: 6))]
        let a = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 11, durationSeconds: 1_800, bot: .autoscaler, script: script)
        let b = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 11, durationSeconds: 1_800, bot: .autoscaler, script: script)
        let c = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 12, durationSeconds: 1_800, bot: .autoscaler, script: script)
        #expect(a.worldHash == b.worldHash)
        #expect(a.score == b.score)
        #expect(a.worldHash != c.worldHash)
    }

    @Test func rejectedScriptedCommandsAreReportedNotApplied() throws {
        let script = [ScheduledCommand(tick: 10, command: .rollback(service: "web"))]
        let run = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: 60, script: script)
        #expect(run.commandCount == 0)
        #expect(run.rejectedCommands == ["00:00:10 rollback web: web has no earlier version to roll back to"])
    }

    @Test func botsUseThePlayerCommandAPI() throws {
        let over = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: 120, bot: .overprovision)
        let idle = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: 120, bot: .idle)
        #expect(over.commandCount == 9, "one scale per service that runs tasks")
        #expect(idle.commandCount == 0)
        #expect(over.score.spendDollars > idle.score.spendDollars)
    }

    @Test func autoscalerBotBeatsIdleOnTheSpike() throws {
        let idle = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: 30 * 60, bot: .idle)
        let auto = try HeadlessRun.play(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: 30 * 60, bot: .autoscaler)
        #expect(auto.score.failed < idle.score.failed)
        #expect(auto.score.total > idle.score.total)
    }
}

@Suite struct GameClockTests {
    @Test(arguments: [("2h", 7_200), ("90m", 5_400), ("45s", 45), ("1h30m", 5_400), ("3600", 3_600),
                      ("10:00", 600), ("01:30:00", 5_400), ("0s", 0)])
    func parsesDurations(text: String, seconds: Int) {
        #expect(GameTime.parse(text) == seconds)
    }

    @Test(arguments: ["", "two hours", "-5", "5x", "1:2:3:4", "00:61", "h", "12h3", "99999999999999999999s"])
    func rejectsNonsense(text: String) {
        #expect(GameTime.parse(text) == nil)
    }

    @Test func formatsAsClock() {
        #expect(GameTime.format(0) == "00:00:00")
        #expect(GameTime.format(3_725) == "01:02:05")
    }
}
