import FleetSim
import Foundation
import Scenarios
import Session

/// The end-of-game summary as text for people or JSON for scripts.
enum SummaryFormat {
    static func text(_ s: RunSummary) -> String {
        let score = s.score
        let parMark = s.madePar ? "made par" : "below par"
        var lines = [
            "gameday simulate: \(s.scenarioID), seed \(s.seed), \(GameTime.format(s.durationSeconds)), bot \(s.bot)",
            "",
            "score         \(Numbers.points(score.total))   par \(Numbers.points(s.par)) (\(parMark))",
            "  requests    +\(Numbers.points(score.requestPoints))   fast \(Numbers.count(score.servedFast)) · ok \(Numbers.count(score.servedOk)) · slow \(Numbers.count(score.servedSlow))",
            "  quests      +\(Numbers.points(score.questPoints))",
            "  failures    -\(Numbers.points(score.failurePoints))   \(Numbers.count(score.failed)) failed requests",
            "  cost        -\(Numbers.points(score.costPoints))   \(Numbers.dollars(score.spendDollars)) spent",
            "  over budget -\(Numbers.points(score.budgetPoints))   \(score.overBudgetMinutes) min over budget",
            "  edge down   -\(Numbers.points(score.edgeDownPoints))   \(score.edgeDownSeconds) s with no healthy target",
            "requests      \(Numbers.count(score.arrived)) arrived · \(Numbers.count(score.served)) served · \(Numbers.count(score.failed)) failed · \(Numbers.count(score.waiting)) waiting",
            "availability  \(Numbers.percent(score.availability))",
            "p99 latency   \(Numbers.ms(s.typicalP99Ms)) median minute · \(Numbers.ms(s.worstP99Ms)) worst minute",
            "incidents     \(s.incidents.count)",
        ]
        for incident in s.incidents {
            lines.append("  #\(incident.id) sev\(incident.severity) \(incident.title)  opened \(GameTime.format(incident.openedAt))"
                + "  acked \(Numbers.time(incident.acknowledgedAt))  mitigated \(Numbers.time(incident.mitigatedAt))  resolved \(Numbers.time(incident.resolvedAt))")
        }
        lines.append("commands      \(s.commandCount) applied, \(s.rejectedCommands.count) rejected")
        for rejected in s.rejectedCommands { lines.append("  rejected \(rejected)") }
        lines.append("world hash    \(s.worldHash)")
        return lines.joined(separator: "\n")
    }

    static func json(_ s: RunSummary) -> String {
        let report = Report(s)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }

    private struct Report: Encodable {
        struct Parts: Encodable { var requests, quests, failures, cost, overBudget, edgeDown: Double }
        struct Requests: Encodable { var arrived, servedFast, servedOk, servedSlow, failed, waiting: Int }
        struct IncidentLine: Encodable {
            var id: Int; var severity: Int; var title: String
            var openedAt: Int; var acknowledgedAt: Int?; var mitigatedAt: Int?; var resolvedAt: Int?
        }
        var scenario: String, seed: UInt64, bot: String, durationSeconds: Int
        var score: Double, par: Double, madePar: Bool, parts: Parts, requests: Requests
        var spendDollars: Double, edgeDownSeconds: Int, p99MedianMinuteMs: Double, p99WorstMinuteMs: Double
        var incidents: [IncidentLine], commands: Int, rejectedCommands: [String], worldHash: String

        init(_ s: RunSummary) {
            let b = s.score
            scenario = s.scenarioID; seed = s.seed; bot = s.bot; durationSeconds = s.durationSeconds
            score = Numbers.round2(b.total); par = s.par; madePar = s.madePar
            parts = Parts(requests: Numbers.round2(b.requestPoints), quests: Numbers.round2(b.questPoints), failures: Numbers.round2(-b.failurePoints), cost: Numbers.round2(-b.costPoints),
                          overBudget: Numbers.round2(-b.budgetPoints), edgeDown: Numbers.round2(-b.edgeDownPoints))
            requests = Requests(arrived: b.arrived, servedFast: b.servedFast, servedOk: b.servedOk, servedSlow: b.servedSlow,
                                failed: b.failed, waiting: b.waiting)
            spendDollars = Numbers.round2(b.spendDollars); edgeDownSeconds = b.edgeDownSeconds
            p99MedianMinuteMs = Numbers.round2(s.typicalP99Ms); p99WorstMinuteMs = Numbers.round2(s.worstP99Ms)
            incidents = s.incidents.map {
                IncidentLine(id: $0.id, severity: $0.severity, title: $0.title, openedAt: $0.openedAt,
                             acknowledgedAt: $0.acknowledgedAt, mitigatedAt: $0.mitigatedAt, resolvedAt: $0.resolvedAt)
            }
            commands = s.commandCount; rejectedCommands = s.rejectedCommands; worldHash = s.worldHash
        }
    }
}
