import Host
import ScreenKit
import Session

/// Looking over a team's shoulder: the team's own console, read-only, with
/// its panes, selection and overlays, and keys to go back or to the next team.
extension FacilitatorApp {
    /// Opens a team's console read-only.
    mutating func watch(_ team: Int, game: FacilitatedGame) {
        var console = ConsoleApp.initialState(match: game.match, team: team, role: .shoulder)
        console.screen = game.isFinished ? .ended : .playing
        state.shoulder = console
        state.shoulderTeam = team
        state.selectedTeam = team
        state.overlay = .shoulder
    }

    /// The watched team's console as the facilitator sees it.
    func shoulderApp(game: FacilitatedGame) -> ConsoleApp? {
        guard let console = state.shoulder, game.match.teams.indices.contains(state.shoulderTeam) else { return nil }
        var app = ConsoleApp(match: game.match, team: state.shoulderTeam, state: console, width: width, height: height - 1)
        app.state.clock = game.clock
        app.state.pausedText = game.hasStarted ? "PAUSED" : "NOT STARTED"
        return app
    }

    mutating func handleShoulder(_ key: Key, game: FacilitatedGame, now: UInt64) -> [FacilitatorEffect] {
        if key == .ctrl("c") { return [.quit] }
        guard var app = shoulderApp(game: game) else {
            state.overlay = .none
            return []
        }
        // Esc goes back unless the team's console has something of its own to close.
        let busy = app.state.overlay != .none || app.state.mode != .normal || !app.state.filterText.isEmpty
        if let binding = ConsoleKeys.bindings.binding(for: key, in: [.shoulder]), !(key == .escape && busy) {
            switch binding.action {
            case .backToFacilitator:
                state.overlay = .none
                state.shoulder = nil
            case .previousTeam, .nextTeam:
                let order = game.leaderboard.map(\.team)
                let index = order.firstIndex(of: state.shoulderTeam) ?? 0
                let next = order[(index + (binding.action == .nextTeam ? 1 : order.count - 1)) % order.count]
                watch(next, game: game)
            default: break
            }
            return []
        }
        let effects = app.handle(key, now: now)
        state.shoulder = app.state
        if effects.contains(.quit) {
            state.overlay = .none
            state.shoulder = nil
        }
        return []
    }
}
