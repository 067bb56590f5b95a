import Host
import Session

/// A team's debrief from the game in memory, for the facilitator's console
/// at the end of a game: the same text `gameday debrief` prints for its recording.
enum FacilitatorDebrief {
    static func view(of team: Int, in game: FacilitatedGame) -> DebriefView {
        let settings = game.settings
        let name = game.match.teams[team].name
        let header = RecordingHeader(appVersion: "", scenario: settings.scenario, difficulty: settings.difficulty, seed: settings.seed,
                                     durationSeconds: settings.durationSeconds, team: name, hostTimeline: true)
        let recording = Recording(header: header, session: game.match.teams[team].session)
        guard var debrief = try? Debrief.make(recording) else {
            return DebriefView(team: name, lines: ["The debrief could not be made: the scenario's fleet is invalid."])
        }
        // Ranked against the room (the teams and bots that played this game day), not solo play's rivals.
        debrief.standings = game.match.standings(viewing: team)
        return DebriefView(team: name, lines: DebriefText.markdown(debrief).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
}
