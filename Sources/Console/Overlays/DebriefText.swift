import FleetSim
import ScreenKit
import Session

/// A debrief as Markdown: what `gameday debrief` prints and what the
/// facilitator reads on the console at the end of a game.
public enum DebriefText {
    public static func markdown(_ d: Debrief) -> String {
        let points = { (x: Double) in Format.fixed(x, 1) }
        var out = ["# Debrief: \(d.scenarioTitle)", ""]
        out.append("Team **\(d.team)**, scenario `\(d.scenarioID)`, seed \(d.seed), played to \(GameTime.format(d.endTick))"
                   + (d.truncated ? " (recording cut short: replayed to its last complete line)." : "."))
        if let divergence = d.divergence {
            out += ["", "**The recording diverged** at \(GameTime.format(divergence.tick))\(divergence.line.map { " (line \($0))" } ?? ""): "
                    + "\(divergence.description). It was edited, damaged, or made by a gameday whose simulation differs: "
                    + "from there on this debrief shows the game as replayed here, not as it was played."]
        }
        out += ["", "## Score", ""]
        out.append("**\(points(d.score.total))** against par \(points(d.par)) (\(d.score.total >= d.par ? "made par" : "below par")), rank \(d.rank) of \(d.standings.count).")
        out += ["", "| team | score |", "| --- | ---: |"]
        for team in d.standings { out.append("| \(team.isPlayer ? "**\(team.name)**" : team.name) | \(points(team.score)) |") }
        if d.hadPracticeInjects {
            out += ["", "This game had practice injects (`:inject`); every team got them too, so the ranking is still on equal terms."]
        }
        let s = d.score
        out += ["", "Requests \(s.arrived) arrived, \(s.served) served, \(s.failed) failed; \(s.ordersOnTime) orders on time, \(s.ordersLate) late; "
                + "spend $\(Format.fixed(s.spendDollars, 2)); \(s.edgeDownSeconds) s with the front door down."]
        out += ["", "| part | points | |", "| --- | ---: | --- |"]
        for part in ScoreParts.of(s, rules: d.rules) { out.append("| \(part.label) | \(Format.signed(part.points, 1)) | \(part.note) |") }
        out += ["", "## What happened", "", "What was injected, and when: the team saw only the symptoms.", ""]
        if d.injected.isEmpty { out.append("Nothing was injected.") } else {
            out += ["| time | fault | |", "| --- | --- | --- |"]
            for fault in d.injected {
                let source = switch fault.source {
                case .announced: "announced in the briefing"
                case .surprise: "surprise"
                case .practice: "practice inject"
                case .host: "fired by the facilitator's host"
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

    static func since(_ tick: Int?, _ opened: Int) -> String { tick.map { "\($0 - opened) s" } ?? "never" }
}
