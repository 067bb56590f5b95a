import Console
import FleetSim
import Foundation
import Scenarios
import ScreenKit
import Session

/// The end-of-game summary as text for people or JSON for scripts.
enum SummaryFormat {
    static func text(_ s: RunSummary) -> String {
        let score = s.score
        let parMark = s.madePar ? "made par" : "below par"
        func points(_ x: Double) -> String { Format.signed(x, 1) }
        let count = Format.grouped
        var lines = [
            "gameday simulate: \(s.scenarioID), seed \(s.seed), \(GameTime.format(s.durationSeconds)), \(s.player)",
            "",
            "score         \(Format.fixed(score.total, 1))   par \(Format.fixed(s.par, 1)) (\(parMark))",
        ]
        for part in ScoreParts.of(score, rules: s.rules) {
            lines.append("  " + Format.fit(part.label, 12) + Format.fit(points(part.points), 11, alignRight: true) + "   " + part.note)
        }
        lines += [
            "requests      \(count(score.arrived)) arrived · \(count(score.served)) served (fast \(count(score.servedFast)) · ok \(count(score.servedOk)) · slow \(count(score.servedSlow))) · \(count(score.failed)) failed · \(count(score.waiting)) waiting",
            "availability  \(Format.fixed(score.availability * 100, 2))%",
            "p99 latency   \(Format.fixed(s.typicalP99Ms, 0)) ms median minute · \(Format.fixed(s.worstP99Ms, 0)) ms worst minute",
            "incidents     \(s.incidents.count)",
        ]
        func time(_ tick: Int?) -> String { tick.map(GameTime.format) ?? "—" }
        for incident in s.incidents {
            lines.append("  #\(incident.id) sev\(incident.severity) \(incident.title)  opened \(GameTime.format(incident.openedAt))"
                + "  acked \(time(incident.acknowledgedAt))  mitigated \(time(incident.mitigatedAt))  resolved \(time(incident.resolvedAt))")
        }
        lines.append("commands      \(s.commandCount) applied, \(s.rejectedCommands.count) rejected")
        for rejected in s.rejectedCommands { lines.append("  rejected \(rejected)") }
        lines.append("world hash    \(s.worldHash)")
        return lines.joined(separator: "\n")
    }

    static func json(_ s: RunSummary) -> String { JSONOutput.pretty(Report(s)) }

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
            let round = NumberText.hundredths
            scenario = s.scenarioID; seed = s.seed; bot = s.bot; durationSeconds = s.durationSeconds
            score = round(b.total); par = s.par; madePar = s.madePar
            parts = Parts(requests: round(b.requestPoints), quests: round(b.questPoints), failures: round(-b.failurePoints), cost: round(-b.costPoints),
                          overBudget: round(-b.budgetPoints), edgeDown: round(-b.edgeDownPoints))
            requests = Requests(arrived: b.arrived, servedFast: b.servedFast, servedOk: b.servedOk, servedSlow: b.servedSlow,
                                failed: b.failed, waiting: b.waiting)
            spendDollars = round(b.spendDollars); edgeDownSeconds = b.edgeDownSeconds
            p99MedianMinuteMs = round(s.typicalP99Ms); p99WorstMinuteMs = round(s.worstP99Ms)
            incidents = s.incidents.map {
                IncidentLine(id: $0.id, severity: $0.severity, title: $0.title, openedAt: $0.openedAt,
                             acknowledgedAt: $0.acknowledgedAt, mitigatedAt: $0.mitigatedAt, resolvedAt: $0.resolvedAt)
            }
            commands = s.commandCount; rejectedCommands = s.rejectedCommands; worldHash = s.worldHash
        }
    }
}

/// The command line's JSON (`JSONText`), made safe to print on a terminal
/// (`ControlCharacters.jsonEscaped`).
enum JSONOutput {
    static func pretty<T: Encodable>(_ value: T) -> String { ControlCharacters.jsonEscaped(JSONText.string(value, pretty: true)) }
    static func line<T: Encodable>(_ value: T) -> String { ControlCharacters.jsonEscaped(JSONText.string(value)) }
}
