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
            "gameday simulate: \(s.scenarioID), seed \(s.seed), \(GameClock.format(s.durationSeconds)), bot \(s.bot)",
            "",
            "score         \(points(score.total))   par \(points(s.par)) (\(parMark))",
            "  requests    +\(points(score.requestPoints))   fast \(count(score.servedFast)) · ok \(count(score.servedOk)) · slow \(count(score.servedSlow))",
            "  quests      +\(points(score.questPoints))",
            "  failures    -\(points(score.failurePoints))   \(count(score.failed)) failed requests",
            "  cost        -\(points(score.costPoints))   \(dollars(score.spendDollars)) spent",
            "  over budget -\(points(score.budgetPoints))   \(score.overBudgetMinutes) min over budget",
            "  edge down   -\(points(score.edgeDownPoints))   \(score.edgeDownSeconds) s with no healthy target",
            "requests      \(count(score.arrived)) arrived · \(count(score.served)) served · \(count(score.failed)) failed · \(count(score.waiting)) waiting",
            "availability  \(percent(score.availability))",
            "p99 latency   \(ms(s.typicalP99Ms)) median minute · \(ms(s.worstP99Ms)) worst minute",
            "incidents     \(s.incidents.count)",
        ]
        for incident in s.incidents {
            lines.append("  #\(incident.id) sev\(incident.severity) \(incident.title)  opened \(GameClock.format(incident.openedAt))"
                + "  acked \(time(incident.acknowledgedAt))  mitigated \(time(incident.mitigatedAt))  resolved \(time(incident.resolvedAt))")
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
            score = round2(b.total); par = s.par; madePar = s.madePar
            parts = Parts(requests: round2(b.requestPoints), quests: round2(b.questPoints), failures: round2(-b.failurePoints), cost: round2(-b.costPoints),
                          overBudget: round2(-b.budgetPoints), edgeDown: round2(-b.edgeDownPoints))
            requests = Requests(arrived: b.arrived, servedFast: b.servedFast, servedOk: b.servedOk, servedSlow: b.servedSlow,
                                failed: b.failed, waiting: b.waiting)
            spendDollars = round2(b.spendDollars); edgeDownSeconds = b.edgeDownSeconds
            p99MedianMinuteMs = round2(s.typicalP99Ms); p99WorstMinuteMs = round2(s.worstP99Ms)
            incidents = s.incidents.map {
                IncidentLine(id: $0.id, severity: $0.severity, title: $0.title, openedAt: $0.openedAt,
                             acknowledgedAt: $0.acknowledgedAt, mitigatedAt: $0.mitigatedAt, resolvedAt: $0.resolvedAt)
            }
            commands = s.commandCount; rejectedCommands = s.rejectedCommands; worldHash = s.worldHash
        }
    }

}

/// Number formats shared by the summaries.
func points(_ x: Double) -> String { String(format: "%.1f", x) }
func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic)) }
func dollars(_ x: Double) -> String { String(format: "$%.2f", x) }
func percent(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
func ms(_ x: Double) -> String { String(format: "%.0f ms", x) }
func time(_ tick: Int?) -> String { tick.map(GameClock.format) ?? "—" }
private func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
