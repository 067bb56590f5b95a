import FleetSim
import Foundation
import Scenarios
import Session

/// A debrief as Markdown for people or JSON for tools.
enum DebriefFormat {
    static func markdown(_ d: Debrief) -> String {
        var out = ["# Debrief: \(d.scenarioTitle)", ""]
        out.append("Team **\(d.team)**, scenario `\(d.scenarioID)`, seed \(d.seed), played to \(GameTime.format(d.endTick))"
                   + (d.truncated ? " (recording cut short: replayed to its last complete line)." : "."))
        out += ["", "## Score", ""]
        out.append("**\(Numbers.points(d.score.total))** against par \(Numbers.points(d.par)) (\(d.score.total >= d.par ? "made par" : "below par")), rank \(d.rank) of \(d.standings.count).")
        out += ["", "| team | score |", "| --- | ---: |"]
        for team in d.standings { out.append("| \(team.isPlayer ? "**\(team.name)**" : team.name) | \(Numbers.points(team.score)) |") }
        let s = d.score
        out += ["", "Requests \(s.arrived) arrived, \(s.served) served, \(s.failed) failed; spend $\(String(format: "%.2f", s.spendDollars)); \(s.edgeDownSeconds) s with the front door down."]
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
        for point in d.trend { out.append("| \(point.minute) | \(Numbers.points(point.score)) |") }
        out += ["", "## How the expert bot played the same seed", ""]
        out.append("The expert scored \(Numbers.points(d.expertScore)) (\(d.expertScore >= d.score.total ? "\(Numbers.points(d.expertScore - d.score.total)) more" : "\(Numbers.points(d.score.total - d.expertScore)) less") than you) with \(d.expertCommands.count) commands.")
        let shown = d.expertCommands.filter { !$0.text.hasPrefix("ack ") && !$0.text.hasPrefix("resolve ") }.prefix(20)
        if !shown.isEmpty {
            out += ["", "| time | expert's command | what it changed |", "| --- | --- | --- |"]
            for c in shown { out.append("| \(GameTime.format(c.tick)) | `\(c.text)` | \(c.effect) |") }
        }
        return out.joined(separator: "\n")
    }

    static func json(_ d: Debrief) -> String {
        let object: [String: Any] = [
            "scenario": d.scenarioID, "team": d.team, "seed": String(d.seed), "endTick": d.endTick, "truncated": d.truncated,
            "score": Numbers.round2(d.score.total), "par": d.par, "rank": d.rank,
            "standings": d.standings.map { ["team": $0.name, "score": Numbers.round2($0.score), "you": $0.isPlayer] as [String: Any] },
            "incidents": d.incidents.map { line -> [String: Any] in
                let i = line.incident
                var o: [String: Any] = ["id": i.id, "severity": i.severity, "title": i.title, "openedAt": i.openedAt]
                o["acknowledgedAt"] = i.acknowledgedAt; o["mitigatedAt"] = i.mitigatedAt; o["resolvedAt"] = i.resolvedAt
                o["timeToDetect"] = line.timeToDetect; o["cause"] = line.cause
                return o
            },
            "commands": d.commands.map { ["tick": $0.tick, "command": $0.text, "effect": $0.effect] as [String: Any] },
            "trend": d.trend.map { ["minute": $0.minute, "score": Numbers.round2($0.score)] as [String: Any] },
            "expert": ["score": Numbers.round2(d.expertScore), "commands": d.expertCommands.map { ["tick": $0.tick, "command": $0.text] as [String: Any] }],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func since(_ tick: Int?, _ opened: Int) -> String { tick.map { "\($0 - opened) s" } ?? "never" }
}
