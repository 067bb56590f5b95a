import Console
import FleetSim
import Foundation
import Scenarios
import ScreenKit
import Session

/// A debrief as Markdown for people or JSON for tools.
enum DebriefFormat {
    static func markdown(_ d: Debrief) -> String { DebriefText.markdown(d) }

    static func json(_ d: Debrief) -> String { JSONOutput.pretty(Report(d)) }


    private struct Report: Encodable {
        struct Team: Encodable { var team: String; var score: Double; var you: Bool }
        struct IncidentLine: Encodable {
            var id, severity: Int; var title: String; var openedAt: Int
            var acknowledgedAt, mitigatedAt, resolvedAt, timeToDetect: Int?; var cause: String?
        }
        struct CommandLine: Encodable { var tick: Int; var command: String; var effect: String? }
        struct Point: Encodable { var minute: Int; var score: Double }
        struct Expert: Encodable { var score: Double; var commands: [CommandLine] }
        struct Diverged: Encodable { var tick: Int; var line: Int?; var description: String }
        struct Injected: Encodable { var tick: Int; var fault: String; var source: String }
        var scenario, team, seed: String
        var diverged: Diverged?
        var endTick: Int, truncated: Bool, score: Double, par: Double, rank: Int
        var standings: [Team], injected: [Injected], incidents: [IncidentLine], commands: [CommandLine], trend: [Point], expert: Expert

        init(_ d: Debrief) {
            let round = NumberText.hundredths
            scenario = d.scenarioID; team = d.team; seed = String(d.seed); endTick = d.endTick; truncated = d.truncated
            score = round(d.score.total); par = d.par; rank = d.rank
            diverged = d.divergence.map { Diverged(tick: $0.tick, line: $0.line, description: $0.description) }
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
