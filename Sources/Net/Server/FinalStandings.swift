import FleetSim
import Host
import ScreenKit

/// The standings as the game day ends, in plain words, taken once with the
/// clock stopped: the lines the facilitator's terminal keeps after the console
/// closes, and each team's goodbye, so a game day ended early still tells
/// everyone where they finished. Nothing when the game never started.
public struct FinalStandings: Sendable {
    /// "ended at 00:55:00 of 02:00:00" or "played to the end (02:00:00)".
    public var when: String
    /// One line a team: "1. red  1,234 points" (tied teams share a place).
    public var lines: [String]
    /// Each team's own result, by its index: "red: 1,234 points, rank 1 of 3".
    public var results: [Int: String]

    public init?(_ game: FacilitatedGame) {
        guard game.hasStarted else { return nil }
        let end = GameTime.format(game.settings.durationSeconds)
        when = game.isFinished ? "played to the end (\(end))" : "ended at \(GameTime.format(game.tick)) of \(end)"
        let board = game.leaderboard
        let names = board.map { $0.name + ($0.isBot ? " (bot)" : "") }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let scoreWidth = board.map { Format.fixed($0.score, 0).count }.max() ?? 0
        lines = zip(board, names).map { row, name in
            "\(row.rank). " + Format.fit(name, nameWidth) + "  " + Format.fit(Format.fixed(row.score, 0), scoreWidth, alignRight: true) + " points"
        }
        results = Dictionary(uniqueKeysWithValues: board.map { row in
            (row.team, "\(row.name): \(Format.fixed(row.score, 0)) points, rank \(row.rank) of \(board.count)")
        })
    }
}
