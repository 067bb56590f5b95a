import FleetSim
import Host
import ScreenKit
import Session

/// What the facilitator's console asks its host to do.
public enum FacilitatorEffect: Sendable, Hashable {
    /// End the session (every team's game stops).
    case quit
    /// Load and use this theme (a name or a path).
    case switchTheme(String)
}

/// The facilitator's console, free of any terminal and network: keys come
/// in with the game they act on (clock, injects, timeline, messages), frames
/// are rendered from the game. The host owns the game and runs this on its
/// own thread; tests drive it key by key.
public struct FacilitatorApp: Sendable {
    public var state = FacilitatorState()
    public private(set) var width: Int
    public private(set) var height: Int

    public init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var layout: FacilitatorLayout { FacilitatorLayout(width: width, height: height, tab: state.tab, teams: teamCount) }

    /// Rows the leaderboard had at the last frame the host asked for (sizes the teams pane).
    public var teamCount = 8

    public func render(game: FacilitatedGame, glyphs: Glyphs, now: UInt64) -> CellBuffer {
        var app = self
        app.teamCount = game.match.teams.count
        return FacilitatorRenderer.render(app: app, game: game, glyphs: glyphs, now: now)
    }

    /// Shows a message in the status bar (the host's news: a theme loaded, a team joined).
    public mutating func notify(_ text: String, isError: Bool, now: UInt64) {
        state.message = StatusMessage(text: text, isError: isError, expiresAt: now + ConsoleApp.messageMilliseconds)
    }

    /// The team the panes are about: the selected one, else the leader.
    public func selectedTeam(in game: FacilitatedGame) -> Int? {
        if let team = state.selectedTeam, game.match.teams.indices.contains(team) { return team }
        return game.leaderboard.first?.team
    }

    /// The selected upcoming inject, else the next one.
    public func selectedEntry(in game: FacilitatedGame) -> TimelineEntry? {
        let upcoming = game.timeline.upcoming(now: game.tick)
        return upcoming.first { $0.id == state.selectedEntry } ?? upcoming.first
    }

    public mutating func handle(_ key: Key, game: inout FacilitatedGame, now: UInt64) -> [FacilitatorEffect] {
        teamCount = game.match.teams.count
        if state.overlay == .shoulder { return handleShoulder(key, game: game, now: now) }
        let scopes = state.activeScopes(gameOver: game.isFinished)
        if let binding = ConsoleKeys.bindings.binding(for: key, in: scopes) {
            return perform(binding.action, key: key, game: &game, now: now)
        }
        if state.mode == .command, state.commandLine.handle(key) {
            state.completions = []
            if state.message?.isError == true { state.message = nil }
        }
        return []
    }

    private mutating func perform(_ action: ConsoleAction, key: Key, game: inout FacilitatedGame, now: UInt64) -> [FacilitatorEffect] {
        switch action {
        case .showHelp:
            state.overlay = .help
            state.helpScroll = 0
        case .quit: state.overlay = .quitConfirm
        case .quitNow, .confirmQuit: return [.quit]
        case .cancelQuit: state.overlay = .none
        case .closeOverlay:
            state.overlay = .none
            state.debrief = nil
        case .openCommandLine:
            state.mode = .command
            state.commandLine.clear()
            state.completions = []
        case .togglePause:
            act(game.hasStarted && !game.clock.isPaused ? .pause : .resume, game: &game, now: now)
        case .faster:
            let speeds = GameClock.speeds
            act(.speed(speeds[min(speeds.count - 1, (speeds.firstIndex(of: game.clock.speed) ?? 0) + 1)]), game: &game, now: now)
        case .slower:
            let speeds = GameClock.speeds
            act(.speed(speeds[max(0, (speeds.firstIndex(of: game.clock.speed) ?? 0) - 1)]), game: &game, now: now)
        case .selectNext: move(by: 1, game: game)
        case .selectPrevious: move(by: -1, game: game)
        case .pageDown: move(by: 10, game: game)
        case .pageUp: move(by: -10, game: game)
        case .selectFirst: move(by: -100_000, game: game)
        case .selectLast: move(by: 100_000, game: game)
        case .focusNext: moveFocus(by: 1)
        case .focusPrevious: moveFocus(by: -1)
        case .showTab:
            guard case let .char(c) = key, let n = Int(String(c)), FacilitatorPane.tabbed.indices.contains(n - 1) else { break }
            state.tab = FacilitatorPane.tabbed[n - 1]
            state.focus = state.tab
        case .lookOverShoulder:
            if state.focus == .deck {
                prefill("inject to \(target(game)) \(FaultKinds.all[state.selectedFault].name) ")
            } else if let team = selectedTeam(in: game) {
                watch(team, game: game)
            } else {
                fail("no team yet: teams appear here when they join", now: now)
            }
        case let .prefillInject(everyTeam):
            let fault = state.focus == .deck ? FaultKinds.all[state.selectedFault].name + " " : ""
            prefill("inject to \(everyTeam ? "all" : target(game)) \(fault)")
        case .fireNow, .delayInject, .skipInject:
            guard let entry = selectedEntry(in: game) else { fail("no upcoming inject", now: now); break }
            let command: FacilitatorCommand = action == .fireNow ? .fire(entry: entry.id)
                : action == .delayInject ? .delay(entry: entry.id, seconds: 60) : .skip(entry: entry.id)
            act(command, game: &game, now: now)
        case .prefillBroadcast: prefill("broadcast ")
        case .prefillHint:
            guard let team = selectedTeam(in: game), !game.match.teams[team].isBot else { fail("select a team of people first", now: now); break }
            prefill("hint \(game.match.teams[team].name) ")
        case .openDebrief:
            guard let team = selectedTeam(in: game) else { break }
            state.debrief = FacilitatorDebrief.view(of: team, in: game)
            state.overlay = .debrief
        case .scrollDown: scroll(by: 1)
        case .scrollUp: scroll(by: -1)
        case .scrollPageDown: scroll(by: scrollPage)
        case .scrollPageUp: scroll(by: -scrollPage)
        case .scrollTop: scroll(by: -100_000)
        case .scrollBottom: scroll(by: 100_000)
        case .runCommandLine: return run(state.commandLine.text, game: &game, now: now)
        case .complete:
            let (text, candidates) = FacilitatorCompletion.complete(state.commandLine.text, game: game, themes: state.themeNames)
            state.commandLine.set(text)
            state.completions = candidates.count > 1 ? candidates : []
        case .cancelCommandLine:
            state.commandLine.clear()
            state.completions = []
            state.mode = .normal
            state.message = nil
        default: break
        }
        return []
    }

    /// The selected team's name for an inject's target, or `all` when there is none.
    private func target(_ game: FacilitatedGame) -> String {
        selectedTeam(in: game).map { game.match.teams[$0].name } ?? "all"
    }

    private mutating func prefill(_ text: String) {
        state.mode = .command
        state.commandLine.set(text)
        state.completions = []
    }

    /// Does a facilitator command and says how it went.
    mutating func act(_ command: FacilitatorCommand, game: inout FacilitatedGame, now: UInt64) {
        do throws(CommandError) {
            say(try game.perform(command), now: now)
        } catch {
            fail(error.message, now: now)
        }
    }

    mutating func say(_ text: String, now: UInt64) { state.message = StatusMessage(text: text, isError: false, expiresAt: now + ConsoleApp.messageMilliseconds) }
    mutating func fail(_ text: String, now: UInt64) { state.message = StatusMessage(text: text, isError: true, expiresAt: now + ConsoleApp.messageMilliseconds) }

    /// A page of the open window (help or a debrief): what it shows at once, less a line kept for context.
    private var scrollPage: Int {
        let shown = state.overlay == .debrief ? DebriefWindow.page(height: height) : HelpOverlay.window(width: width, height: height).inner.height
        return max(1, shown - 1)
    }

    private mutating func scroll(by step: Int) {
        if state.overlay == .debrief, var debrief = state.debrief {
            let rows = DebriefWindow.rows(debrief, width: width).count
            debrief.scroll = max(0, min(debrief.scroll + step, rows - DebriefWindow.page(height: height)))
            state.debrief = debrief
        } else {
            let most = HelpOverlay.maxScroll(width: width, height: height, facilitator: true, doors: state.doorLines)
            state.helpScroll = max(0, min(state.helpScroll + step, most))
        }
    }

    private mutating func moveFocus(by step: Int) {
        let order = layout.panes.map(\.pane)
        guard !order.isEmpty else { return }
        let index = order.firstIndex(of: state.focus) ?? 0
        state.focus = order[(index + step + order.count) % order.count]
        if FacilitatorPane.tabbed.contains(state.focus) { state.tab = state.focus }
    }

    /// Moves the selection of the focused pane (the teams list when game over).
    private mutating func move(by step: Int, game: FacilitatedGame) {
        switch game.isFinished ? .teams : state.focus {
        case .teams, .truth:
            let rows = game.leaderboard
            guard !rows.isEmpty else { return }
            let index = rows.firstIndex { $0.team == selectedTeam(in: game) } ?? 0
            let next = max(0, min(rows.count - 1, index + step))
            state.selectedTeam = rows[next].team
            if let rect = layout.rect(of: .teams) {
                state.teamsView.reveal(next, rows: LeaderboardPane.rows(in: rect, focused: state.focus == .teams), count: rows.count)
            }
        case .injects:
            let upcoming = game.timeline.upcoming(now: game.tick)
            guard !upcoming.isEmpty else { return }
            let index = upcoming.firstIndex { $0.id == selectedEntry(in: game)?.id } ?? 0
            let next = max(0, min(upcoming.count - 1, index + step))
            state.selectedEntry = upcoming[next].id
            if let rect = layout.rect(of: .injects) { state.injectsView.reveal(next, rows: max(0, rect.inner.height - 2), count: upcoming.count) }
        case .deck:
            state.selectedFault = max(0, min(FaultKinds.all.count - 1, state.selectedFault + step))
            if let rect = layout.rect(of: .deck) { state.deckView.reveal(state.selectedFault, rows: max(0, rect.inner.height - 1), count: FaultKinds.all.count) }
        case .log:
            state.logScroll = max(0, min(game.log.count - 1, state.logScroll - step))
        }
    }
}
