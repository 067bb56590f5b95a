import FleetSim
import ScreenKit
import Session

/// Key dispatch: every key is looked up in `ConsoleKeys.bindings` for the
/// scopes of the console's current state, and its action performed here.
extension ConsoleApp {
    /// The scopes whose bindings apply now, most specific first.
    public var activeScopes: [KeyScope] { state.activeScopes }

    public mutating func handle(_ key: Key, now: UInt64) -> [ConsoleEffect] {
        let effects: [ConsoleEffect]
        if let binding = ConsoleKeys.table.binding(for: key, in: activeScopes) {
            let power = binding.action.power
            if !state.role.grants(power, replaying: state.replay != nil) {
                fail(state.role.refusal(for: power, replaying: state.replay != nil, team: teamName), now: now)
                effects = []
            } else {
                effects = perform(binding.action, key: key, now: now)
            }
        } else {
            effects = type(key, now: now)
            // Text typed on the command line moves no selection: a paste stays cheap.
            if state.mode == .command { return effects }
        }
        revealSelections()
        return effects
    }

    /// A key no binding claims: text for the command line or the filter.
    private mutating func type(_ key: Key, now: UInt64) -> [ConsoleEffect] {
        switch state.mode {
        case .command:
            let refused: Bool = if case .char = key { state.commandLine.isFull } else { false }
            if state.commandLine.handle(key) {
                state.completions = []
                if state.message?.isError == true { state.message = nil }
            }
            if refused { fail("the command line holds at most \(state.commandLine.maxLength) characters", now: now) }
        case .filter:
            _ = state.filter.handle(key)
            let visible = Self.visible(world, filter: state.filterText)
            if let first = visible.first, !visible.contains(where: { $0.name == state.selectedService }) {
                state.selectedService = first.name
            }
        case .normal: break
        }
        return []
    }

    private mutating func perform(_ action: ConsoleAction, key: Key, now: UInt64) -> [ConsoleEffect] {
        switch action {
        case .showHelp: state.overlay = .help; state.helpScroll = 0
        case .openCommandLine:
            state.mode = .command
            state.commandLine.clear()
            state.completions = []
        case .openFilter: state.mode = .filter
        case .togglePause:
            state.clock.togglePause()
            say(state.clock.isPaused ? "paused" : "resumed", now: now)
        case .faster: state.clock.faster()
        case .slower: state.clock.slower()
        case .selectNext: moveSelection(by: 1)
        case .selectPrevious: moveSelection(by: -1)
        case .pageDown: moveSelection(by: 10)
        case .pageUp: moveSelection(by: -10)
        case .selectFirst: moveSelection(by: -10_000)
        case .selectLast: moveSelection(by: 10_000)
        case .focusNext: moveFocus(by: 1)
        case .focusPrevious: moveFocus(by: -1)
        case .showTab:
            guard case let .char(c) = key, let n = Int(String(c)), Pane.tabbed.indices.contains(n - 1) else { break }
            let pane = Pane.tabbed[n - 1]
            state.tab = pane
            if layout.rect(of: pane) != nil { state.focus = pane }
        case .openDetail: openDetail()
        case .back:
            if state.notice != nil { state.notice = nil } else if !state.filterText.isEmpty { state.filter.clear() }
        case .nextService: moveServiceSelection(by: 1)
        case .previousService: moveServiceSelection(by: -1)
        case .toggleWrap:
            state.wrapLines.toggle()
            say(state.wrapLines ? "long event and log lines wrap (w again cuts them)" : "long event and log lines end in … (w wraps them)", now: now)
        case .mute:
            state.muted.toggle()
            say(state.muted ? "incident bell muted" : "incident bell on", now: now)
        case .select:
            if case let .click(x, y) = key { click(x: x, y: y) }
        case .quit: state.overlay = .quitConfirm
        case .quitNow, .confirmQuit, .leave: return [.quit]
        case .acknowledge: return acknowledge(now: now)
        case .resolve: return resolve(now: now)
        case let .prefill(verb): prefill(verb)
        case .start: state.screen = .playing
        case .seekBack: seek(to: world.tick - 60, now: now)
        case .seekForward: seek(to: world.tick + 60, now: now)
        case .step:
            state.clock.setPaused(true)
            seek(to: world.tick + 1, now: now)
        case .nextMark: jumpToNextMark(now: now)
        case .takeOver: return takeOver(now: now)
        case .closeOverlay, .cancelQuit: state.overlay = .none
        case .scrollDown: scrollHelp(by: 1)
        case .scrollUp: scrollHelp(by: -1)
        case .scrollPageDown: scrollHelp(by: documentPage)
        case .scrollPageUp: scrollHelp(by: -documentPage)
        case .scrollTop: scrollHelp(by: -10_000)
        case .scrollBottom: scrollHelp(by: 10_000)
        case .runCommandLine: return run(state.commandLine.text, now: now)
        case .complete:
            let (text, candidates) = Completion.complete(state.commandLine.text, world: world, themes: state.themeNames,
                                                         replaying: state.replay != nil, role: state.role)
            state.commandLine.set(text)
            state.completions = candidates.count > 1 ? candidates : []
        case .cancelCommandLine:
            state.commandLine.clear()
            state.completions = []
            state.mode = .normal
            state.message = nil
        case .keepFilter: state.mode = .normal
        case .clearFilter:
            state.filter.clear()
            state.mode = .normal
        case .lookOverShoulder, .backToFacilitator, .previousTeam, .nextTeam, .prefillInject, .fireNow, .delayInject, .skipInject,
             .prefillBroadcast, .prefillHint, .openDebrief:
            break // the facilitator's console handles these
        }
        return []
    }

    /// A page of the open document (help, briefing or game-over report): what it shows at
    /// once, less a line kept for context.
    private var documentPage: Int {
        let visible: Int
        if state.overlay == .help {
            visible = HelpOverlay.window(width: width, height: height).inner.height
        } else if state.screen == .ended {
            visible = EndScreen.window(width: layout.width, height: layout.height).inner.height - 2
        } else {
            visible = BriefingScreen.window(width: layout.width, height: layout.height).inner.height - 2
        }
        return max(1, visible - 1)
    }

    /// Scrolls whichever document is open: the help overlay, the briefing or the game-over report.
    private mutating func scrollHelp(by step: Int) {
        if state.overlay == .help {
            state.helpScroll = max(0, min(state.helpScroll + step, HelpOverlay.maxScroll(width: width, height: height, role: state.role)))
        } else if state.screen == .ended {
            let context = RenderContext(match: match, team: team, state: state, glyphs: .unicode, layout: layout, now: 0)
            state.endScroll = max(0, min(state.endScroll + step, EndScreen.maxScroll(context: context)))
        } else if state.screen == .briefing {
            let context = RenderContext(match: match, team: team, state: state, glyphs: .unicode, layout: layout, now: 0)
            state.briefingScroll = max(0, min(state.briefingScroll + step, BriefingScreen.maxScroll(context: context)))
        }
    }

    private mutating func prefill(_ verb: String) {
        let service = state.selectedService
        let text: String
        switch verb {
        case "autoscale": text = "autoscale \(service) on target 60"
        case "rollback", "restart": text = "\(verb) \(service)"
        default: text = "\(verb) \(service) "
        }
        state.mode = .command
        state.commandLine.set(text)
        state.completions = []
    }
}
