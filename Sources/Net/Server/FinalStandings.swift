import FleetSim
import Host
import ScreenKit

/// The standings as the game day ends, in plain words: the lines the
/// facilitator's terminal keeps after the console closes, and each team's
/// goodbye, so a game day ended early still tells everyone where they finished.
public enum FinalStandings {
    /// "ended at 00:55:00 of 02:00:00" or "played to the end (02:00:00)".
    public static func when(_ game: FacilitatedGame) -> String {
        let end = GameTime.format(game.settings.durationSeconds)
        return game.isFinished ? "played to the end (\(end))" : "ended at \(GameTime.format(game.tick)) of \(end)"
    }

    /// One line a team: "1. red  1,234 points" (tied teams share a place).
    public static func lines(_ game: FacilitatedGame) -> [String] {
        let board = game.leaderboard
        let nameWidth = board.map { DisplayWidth.of($0.name + ($0.isBot ? " (bot)" : "")) }.max() ?? 0
        let scoreWidth = board.map { Format.fixed($0.score, 0).count }.max() ?? 0
        return board.map { row in
            "\(row.rank). " + Format.fit(row.name + (row.isBot ? " (bot)" : ""), nameWidth) + "  "
                + Format.fit(Format.fixed(row.score, 0), scoreWidth, alignRight: true) + " points"
        }
    }

    /// A team's own result for its goodbye: "red: 1,234 points, rank 1 of 3".
    public static func result(of team: Int, in game: FacilitatedGame) -> String? {
        let board = game.leaderboard
        guard let row = board.first(where: { $0.team == team }) else { return nil }
        return "\(row.name): \(Format.fixed(row.score, 0)) points, rank \(row.rank) of \(board.count)"
    }
}
