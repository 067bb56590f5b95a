import FleetSim
import Foundation
import Scenarios
import ScreenKit
import Session

/// A debrief as Markdown for people or JSON for tools.
enum DebriefFormat {
    static func markdown(_ d: Debrief) -> String {
        let points = { (x: Double) in Format.fixed(x, 1) }
        var out = ["# Debrief: \(d.scenarioTitle)", ""]
        out.append("Team **\(d.team)**, scenario `\(d.scenarioID)`, seed \(d.seed), played to \(GameTime.format(d.endTick))"
                   + (d.truncated ? " (recording cut short: replayed to its last complete line)." : "."))
        out += ["", "## Score", ""]
        out.append("**\(points(d.score.total))** against par \(points(d.par)) (\(d.score.total >= d.par ? "made par" : "below par")), rank \(d.rank) of \(d.standings.count).")
        out += ["", "| team | score |", "| --- | ---: |"]
        for team in d.standings { out.append("| \(team.isPlayer ? "**\(team.name)**" : team.name) | \(points(team.score)) |") }
        if d.hadPracticeInjects {
            out += ["", "This game had practice injects (`:inject`); every team got them too, so the ranking is still on equal terms."]
        }
        let s = d.score
        out += ["", "Requests \(s.arrived) arrived, \(s.served) served, \(s.failed) failed; spend $\(Format.fixed(s.spendDollars, 2)); \(s.edgeDownSeconds) s with the front door down."]
        out += ["", "## What happened", "", "What was injected, and when: the team saw only the symptoms.", ""]
        if d.injected.isEmpty { out.append("Nothing was injected.") } else {
            out += ["| time | fault | |", "| --- | --- | --- |"]
            for fault in d.injected {
                let source = switch fault.source {
                case .announced: "announced in the briefing"
                case .surprise: "surprise"
                case .practice: "practice inject"
                }
                out.append("| \(GameTime.format(fault.tick)) | `\(fault.text)` | \(source) |")
            }
        }
        out += ["", "## Incidents", ""]
        if d.incidents.isEmpty { out.append("None.") } else {
            out += ["| # | sev | incident | opened | detect | acknowledge | mitigate | resolved | likely cause |",
                    "| ---: | --- | --- | --- | --- | --- | --- | --- | --- |"]
            for line in d.incidents {
                let i = line.incident
                out.append("| \(i.id) | \(i.severity) | \(i.title) | \(GameTime.format(i.openedAt)) | \(line.timeToDetect.map { "\($0) s" } ?? "—") | "
                           + "\(since(i.acknowledgedAt, i.openedAt)) | \(since(i.mitigatedAt, i.openedAt)) | \(i.resolvedAt.map(GameTime.format) ?? "never") | \(line.cause.map { "`\($0)`" } ?? "—") |")
            }
        }
        out += ["", "## Commands", ""]
        if d.commands.isEmpty { out.append("No commands were given.") } else {
            out += ["| time | command | what it changed |", "| --- | --- | --- |"]
            for c in d.commands { out.append("| \(GameTime.format(c.tick)) | `\(c.text)` | \(c.effect) |") }
        }
        out += ["", "## Score trend", "", "| minute | score |", "| ---: | ---: |"]
        for point in d.trend { out.append("| \(point.minute) | \(points(point.score)) |") }
        out += ["", "## How the expert bot played the same seed", ""]
        let gap = d.expertScore - d.score.total
        out.append("The expert scored \(points(d.expertScore)) (\(points(abs(gap))) \(gap >= 0 ? "more" : "less") than you) with \(d.expertCommands.count) commands.")
        let shown = d.expertCommands.filter { !$0.text.hasPrefix("ack ") && !$0.text.hasPrefix("resolve ") }.prefix(20)
        if !shown.isEmpty {
            out += ["", "| time | expert's command | what it changed |", "| --- | --- | --- |"]
            for c in shown { out.append("| \(GameTime.format(c.tick)) | `\(c.text)` | \(c.effect) |") }
        }
        return out.joined(separator: "\n")
    }

    static func json(_ d: Debrief) -> String { JSONOutput.pretty(Report(d)) }

    private static func since(_ tick: Int?, _ opened: Int) -> String { tick.map { "\($0 - opened) s" } ?? "never" }

    private struct Report: Encodable {
        struct Team: Encodable { var team: String; var score: Double; var you: Bool }
        struct IncidentLine: Encodable {
            var id, severity: Int; var title: String; var openedAt: Int
            var acknowledgedAt, mitigatedAt, resolvedAt, timeToDetect: Int?; var cause: String?
        }
        struct CommandLine: Encodable { var tick: Int; var command: String; var effect: String? }
        struct Point: Encodable { var minute: Int; var score: Double }
        struct Expert: Encodable { var score: Double; var commands: [CommandLine] }
        struct Injected: Encodable { var tick: Int; var fault: String; var source: String }
        var scenario, team, seed: String
        var endTick: Int, truncated: Bool, score: Double, par: Double, rank: Int
        var standings: [Team], injected: [Injected], incidents: [IncidentLine], commands: [CommandLine], trend: [Point], expert: Expert

        init(_ d: Debrief) {
            let round = NumberText.hundredths
            scenario = d.scenarioID; team = d.team; seed = String(d.seed); endTick = d.endTick; truncated = d.truncated
            score = round(d.score.total); par = d.par; rank = d.rank
            standings = d.standings.map { Team(team: $0.name, score: round($0.score), you: $0.isPlayer) }
            injected = d.injected.map { Injected(tick: $0.tick, fault: $0.text, source: $0.source.rawValue) }
            incidents = d.incidents.map {
                let i = $0.incident
                return IncidentLine(id: i.id, severity: i.severity, title: i.title, openedAt: i.openedAt, acknowledgedAt: i.acknowledgedAt,
                                    mitigatedAt: i.mitigatedAt, resolvedAt: i.resolvedAt, timeToDetect: $0.timeToDetect, cause: $0.cause)
            }
            commands = d.commands.map { CommandLine(tick: $0.tick, command: $0.text, effect: $0.effect) }
            trend = d.trend.map { Point(minute: $0.minute, score: round($0.score)) }
            expert = Expert(score: round(d.expertScore), commands: d.expertCommands.map { CommandLine(tick: $0.tick, command: $0.text, effect: nil) })
        }
    }
}
