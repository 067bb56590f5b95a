import FleetSim
import Foundation
import Host
import ScreenKit
import Session

/// A facilitated session's debrief as Markdown or JSON: every team side by
/// side, each incident's times in every team, and what the facilitator did.
enum SessionDebriefFormat {
    static func markdown(_ d: SessionDebrief) -> String {
        let record = d.record
        func time(_ seconds: Int?) -> String { seconds.map(Format.duration) ?? "never" }
        var out = ["# Session debrief: \(record.scenario.title)", ""]
        out.append("Scenario `\(record.scenario.id)`, seed \(record.header.seed), \(record.header.difficulty.rawValue), "
                   + "\(d.comparison.teams.filter { !$0.isBot }.count) teams, played to \(GameTime.format(d.endTick))"
                   + (record.isTruncated ? " (session file cut short: replayed to its last line)." : "."))
        out += ["", "## Teams", "", "| rank | team | score | incidents | mean time to acknowledge | mean time to mitigate | commands |",
                "| ---: | --- | ---: | ---: | --- | --- | ---: |"]
        for team in d.comparison.teams {
            out.append("| \(team.rank) | \(team.isBot ? "\(team.name) (bot)" : "**\(team.name)**") | \(Format.fixed(team.score, 1)) | \(team.incidents) | "
                       + "\(team.meanTimeToAcknowledge.map(Format.duration) ?? "—") | \(team.meanTimeToMitigate.map(Format.duration) ?? "—") | \(team.commands) |")
        }
        out += ["", "## Incidents side by side", "", "Time to acknowledge / time to mitigate; — when the team had no such incident.", ""]
        if d.comparison.incidents.isEmpty { out.append("No team had an incident.") } else {
            let teams = d.comparison.teams
            out.append("| incident | first opened | " + teams.map(\.name).joined(separator: " | ") + " |")
            out.append("| --- | --- | " + teams.map { _ in "---" }.joined(separator: " | ") + " |")
            for row in d.comparison.incidents {
                let cells = teams.map { team in row.times[team.index].map { "\(time($0.acknowledge)) / \(time($0.mitigate))" } ?? "—" }
                out.append("| \(row.title) | \(GameTime.format(row.firstOpened)) | " + cells.joined(separator: " | ") + " |")
            }
        }
        out += ["", "## What the facilitator did", ""]
        if d.facilitator.isEmpty { out.append("Nothing but run the clock.") } else {
            out += ["| time | event |", "| --- | --- |"]
            for event in d.facilitator { out.append("| \(GameTime.format(event.tick)) | \(event.message.replacingOccurrences(of: "|", with: "\\|")) |") }
        }
        out += ["", "Each team's own debrief: `gameday debrief` on its recording beside the session file:", ""]
        for (name, _) in record.teams { out.append("- \(name)") }
        return out.joined(separator: "\n")
    }

    static func json(_ d: SessionDebrief) -> String { JSONOutput.pretty(Report(d)) }

    private struct Report: Encodable {
        struct Team: Encodable {
            var rank: Int; var team: String; var bot: Bool; var score: Double; var incidents: Int
            var meanTimeToAcknowledge, meanTimeToMitigate: Int?; var commands: Int
        }
        struct Times: Encodable { var team: String; var acknowledge, mitigate: Int? }
        struct Incident: Encodable { var title: String; var firstOpened: Int; var teams: [Times] }
        struct Event: Encodable { var tick: Int; var event: String }
        var scenario: String, seed: String, endTick: Int, truncated: Bool
        var teams: [Team], incidents: [Incident], facilitator: [Event]

        init(_ d: SessionDebrief) {
            scenario = d.record.scenario.id
            seed = String(d.record.header.seed)
            endTick = d.endTick
            truncated = d.record.isTruncated
            teams = d.comparison.teams.map {
                Team(rank: $0.rank, team: $0.name, bot: $0.isBot, score: NumberText.hundredths($0.score), incidents: $0.incidents,
                     meanTimeToAcknowledge: $0.meanTimeToAcknowledge, meanTimeToMitigate: $0.meanTimeToMitigate, commands: $0.commands)
            }
            let names = Dictionary(d.comparison.teams.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
            incidents = d.comparison.incidents.map { row in
                Incident(title: row.title, firstOpened: row.firstOpened,
                         teams: row.times.keys.sorted().map { Times(team: names[$0] ?? "?", acknowledge: row.times[$0]?.acknowledge, mitigate: row.times[$0]?.mitigate) })
            }
            facilitator = d.facilitator.map { Event(tick: $0.tick, event: $0.message) }
        }
    }
}
