import ScreenKit

/// Where a key binding applies. The console asks the scopes of its current
/// state in order (an overlay's before the screen's), so `q` closes the
/// detail view but asks to quit from the panes.
public enum KeyScope: String, Sendable, Hashable, CaseIterable {
    case briefing, playing, replay, detail, help, quitConfirm, ended, commandLine, filter
    case facilitator, shoulder, facilitatorEnded, debrief

    /// The heading the help overlay and the README give these keys.
    public var title: String {
        switch self {
        case .briefing: "Briefing"
        case .playing: "Playing"
        case .replay: "Replay (gameday replay FILE)"
        case .detail: "Service details (Enter)"
        case .help: "Help (this overlay)"
        case .quitConfirm: "Quit? dialog"
        case .ended: "Game over"
        case .commandLine: "Command line (:)"
        case .filter: "Filter (/)"
        case .facilitator: "Facilitator console (gameday facilitate)"
        case .shoulder: "Over a team's shoulder (v)"
        case .facilitatorEnded: "Facilitator: game over"
        case .debrief: "A team's debrief (Enter at game over)"
        }
    }
}

/// What an action or a console word needs to be allowed. A console's role
/// grants some of these; the refusal, the hints and the help follow from it.
public enum ConsolePower: Sendable, Hashable {
    /// Look around: selection, panes, overlays, help.
    case look
    /// Change the team's fleet or incidents (commands, acknowledge, resolve).
    case play
    /// Pause, resume and change speed.
    case clock
    /// Inject faults.
    case inject
}

/// Who sits at a console. In solo play the player may do everything; in a
/// facilitated game the clock and the injects are the facilitator's, and a
/// facilitator looking over a team's shoulder only looks.
public enum ConsoleRole: Sendable, Hashable {
    /// Solo play and replays (a replay is read-only: `ConsoleState.replay`).
    case solo
    /// A team's console in a facilitated game.
    case team
    /// The facilitator watching a team's console.
    case shoulder

    /// Whether the role allows `power` (in a replay when `replaying`).
    public func grants(_ power: ConsolePower, replaying: Bool) -> Bool {
        if replaying { return power == .look || power == .clock }
        switch self {
        case .solo: return true
        case .team: return power == .look || power == .play
        case .shoulder: return power == .look
        }
    }

    /// The one line that says why `power` is refused, naming the team watched.
    public func refusal(for power: ConsolePower, replaying: Bool, team: String) -> String {
        if replaying {
            return power == .inject ? "a replay is read-only: press T to take over" : "a replay is read-only: press T to take over from here"
        }
        switch (self, power) {
        case (.team, .clock): return "the facilitator runs the clock in this game"
        case (.team, .inject): return "only the facilitator injects faults in this game"
        case (.shoulder, _): return "read-only: you are looking over \(team)'s shoulder (v or Esc goes back)"
        default: return "not allowed here"
        }
    }
}

/// Everything a console key can do. Keys map to these through `ConsoleKeys.bindings`.
public enum ConsoleAction: Sendable, Hashable {
    case showHelp, openCommandLine, openFilter, togglePause, faster, slower
    case selectNext, selectPrevious, pageDown, pageUp, selectFirst, selectLast
    case focusNext, focusPrevious
    /// Show tabbed pane n (1-based), from the digit pressed.
    case showTab
    case openDetail, back, mute, select, quit, quitNow, toggleWrap
    /// The details view's own ↓ ↑: the next or previous service.
    case nextService, previousService
    /// Changes the player's fleet or incidents: refused while replaying.
    case acknowledge, resolve
    case prefill(String)
    case start
    case seekBack, seekForward, step, nextMark, takeOver
    case closeOverlay, scrollDown, scrollUp, scrollPageDown, scrollPageUp, scrollTop, scrollBottom
    case confirmQuit, cancelQuit, leave
    case runCommandLine, complete, cancelCommandLine, keepFilter, clearFilter
    // The facilitator's console.
    case lookOverShoulder, backToFacilitator, previousTeam, nextTeam
    /// Prefill an inject for the selected team (false) or every team (true).
    case prefillInject(everyTeam: Bool)
    case fireNow, delayInject, skipInject, prefillBroadcast, prefillHint, openDebrief

    /// What the action needs: the console's role must grant it.
    public var power: ConsolePower {
        switch self {
        case .acknowledge, .resolve, .prefill: .play
        case .togglePause, .faster, .slower: .clock
        case .prefillInject, .fireNow, .delayInject, .skipInject, .prefillBroadcast, .prefillHint: .inject
        default: .look
        }
    }
}

/// Every key the console answers to, declared once. Dispatch
/// (`ConsoleApp.handle`), the help overlay, the status-bar hints and the
/// README's key tables all come from this list; a test checks the README.
public enum ConsoleKeys {
    public typealias Binding = KeyBinding<ConsoleAction, KeyScope>

    private static func keys(_ keys: Key...) -> [KeyPattern] { keys.map(KeyPattern.key) }
    private static func chars(_ text: String) -> [KeyPattern] { text.map { .key(.char($0)) } }

    /// `bindings` grouped by scope, for dispatch: a key is looked up among its scopes' few.
    public static let table = KeyBindingTable(bindings)

    public static let bindings: [Binding] = [
        // Overlays and dialogs come first: they take the keys while open.
        Binding(keys(.escape, .char("q"), .char("?"), .f1, .enter), "Esc  q  ?  F1  Enter", "close help", in: [.help], .closeOverlay),
        Binding(keys(.down, .char("j")), "↓  j", "scroll down", in: [.help], .scrollDown),
        Binding(keys(.up, .char("k")), "↑  k", "scroll up", in: [.help], .scrollUp),
        Binding(keys(.pageDown, .char(" ")), "PgDn  space", "scroll a page down", in: [.help], .scrollPageDown),
        Binding(keys(.pageUp), "PgUp", "scroll a page up", in: [.help], .scrollPageUp),
        Binding(keys(.home, .char("g")), "Home  g", "top", in: [.help], .scrollTop),
        Binding(keys(.end, .char("G")), "End  G", "bottom", in: [.help], .scrollBottom),
        Binding(chars("yq"), "y  q", "quit now", hint: "y quit", in: [.quitConfirm], .confirmQuit),
        Binding(keys(.char("n"), .escape), "n  Esc", "keep playing", hint: "n keep playing", in: [.quitConfirm], .cancelQuit),
        Binding(keys(.escape, .enter, .char("q")), "Esc  Enter  q", "back to the panes", hint: "Esc back", in: [.detail], .closeOverlay),
        Binding(keys(.down, .char("j")), "↓  j", "the next service's details", hint: "↓↑ service", in: [.detail], .nextService),
        Binding(keys(.up, .char("k")), "↑  k", "the previous service's details", in: [.detail], .previousService),

        Binding(keys(.enter, .char(" ")), "Enter  space", "start the game", hint: "Enter start", in: [.briefing], .start),
        Binding(keys(.char("q"), .escape), "q  Esc", "leave without playing", hint: "q quit", in: [.briefing], .quitNow),
        Binding(keys(.down, .char("j")), "↓  j", "scroll the briefing down", hint: "↓↑ scroll", in: [.briefing], .scrollDown),
        Binding(keys(.up, .char("k")), "↑  k", "scroll the briefing up", in: [.briefing], .scrollUp),
        Binding(keys(.pageDown), "PgDn", "a page down", in: [.briefing], .scrollPageDown),
        Binding(keys(.pageUp), "PgUp", "a page up", in: [.briefing], .scrollPageUp),
        Binding(keys(.char("q"), .enter, .escape), "q  Enter  Esc", "leave", hint: "q leave", in: [.ended], .leave),
        Binding(keys(.down, .char("j")), "↓  j", "scroll the report down", hint: "↓↑ scroll", in: [.ended], .scrollDown),
        Binding(keys(.up, .char("k")), "↑  k", "scroll the report up", in: [.ended], .scrollUp),
        Binding(keys(.pageDown, .char(" ")), "PgDn  space", "a page down", in: [.ended], .scrollPageDown),
        Binding(keys(.pageUp), "PgUp", "a page up", in: [.ended], .scrollPageUp),

        Binding(keys(.enter), "Enter", "run the command", hint: "Enter run", in: [.commandLine], .runCommandLine),
        Binding(keys(.tab), "Tab", "complete the word (again: list the choices)", hint: "Tab complete", in: [.commandLine], .complete),
        Binding(keys(.escape), "Esc", "cancel", hint: "Esc cancel", in: [.commandLine], .cancelCommandLine),
        Binding(keys(.enter), "Enter", "keep the filter", hint: "Enter keep", in: [.filter], .keepFilter),
        Binding(keys(.escape), "Esc", "clear the filter", hint: "Esc clear", in: [.filter], .clearFilter),

        Binding(chars("["), "[", "seek back one minute", hint: "[ ] ±1 min", in: [.replay], .seekBack),
        Binding(chars("]"), "]", "seek forward one minute", in: [.replay], .seekForward),
        Binding(chars("."), ".", "step one second (pauses)", hint: ". step", in: [.replay], .step),
        Binding(chars("n"), "n", "jump to the next command or incident", hint: "n next", in: [.replay], .nextMark),
        Binding(chars("T"), "T", "take over: play from here, recorded as a branch", hint: "T take over", in: [.replay], .takeOver),

        Binding(keys(.char("?"), .f1), "?  F1", "help: every key and command", hint: "? help", in: [.playing, .detail, .briefing], .showHelp),
        Binding(chars("q"), "q", "quit (asks first while a game runs)", hint: "q quit", in: [.playing], .quit),
        Binding(chars(":"), ":", "command line (Tab completes, ↑↓ history)", hint: ": command", in: [.playing, .detail], .openCommandLine),
        Binding(chars("/"), "/", "filter services by name", hint: "/ filter", in: [.playing, .detail], .openFilter),
        Binding(chars(" p"), "space  p", "pause / resume", hint: "space pause", in: [.playing], .togglePause),
        Binding(chars("+="), "+  =", "faster (1× … 120×)", hint: "+/- speed", in: [.playing], .faster),
        Binding(chars("-_"), "-  _", "slower", in: [.playing], .slower),
        Binding(keys(.down, .char("j")), "↓  j", "select the next row (services, incidents) or scroll (events, logs)", in: [.playing], .selectNext),
        Binding(keys(.up, .char("k")), "↑  k", "select the previous row, or scroll back", in: [.playing], .selectPrevious),
        Binding(keys(.pageDown), "PgDn", "ten rows down", in: [.playing], .pageDown),
        Binding(keys(.pageUp), "PgUp", "ten rows up", in: [.playing], .pageUp),
        Binding(keys(.home, .char("g")), "Home  g", "top: the first row (the oldest line in events and logs)", in: [.playing], .selectFirst),
        Binding(keys(.end, .char("G")), "End  G", "bottom: the last row (the newest line in events and logs)", in: [.playing], .selectLast),
        Binding(keys(.tab, .right, .char("l")), "Tab  →  l", "focus the next pane", hint: "Tab pane", in: [.playing], .focusNext),
        Binding(keys(.backTab, .left, .char("h")), "Shift-Tab  ←  h", "focus the previous pane", in: [.playing], .focusPrevious),
        Binding(chars("12345"), "1 … 5", "show incidents, events, scaling, inspector, logs", in: [.playing], .showTab),
        Binding(keys(.enter), "Enter", "the selected service's details: tasks, stops, timers, logs", hint: "Enter details", in: [.playing], .openDetail),
        Binding(keys(.escape), "Esc", "clear the filter", in: [.playing], .back),
        Binding(chars("a"), "a", "acknowledge the selected incident, else the next one waiting (again: the one after)", hint: "a ack", in: [.playing], .acknowledge),
        Binding(chars("r"), "r", "resolve the selected incident, else the next mitigated one (again: the one after)", in: [.playing], .resolve),
        Binding(chars("s"), "s", "scale the selected service…", hint: "s scale", in: [.detail, .playing], .prefill("scale")),
        Binding(chars("A"), "A", "autoscale the selected service…", hint: "A autoscale", in: [.detail, .playing], .prefill("autoscale")),
        Binding(chars("d"), "d", "deploy a version of the selected service…", hint: "d deploy", in: [.detail, .playing], .prefill("deploy")),
        Binding(chars("b"), "b", "roll back the selected service", hint: "b rollback", in: [.detail, .playing], .prefill("rollback")),
        Binding(chars("R"), "R", "restart (replace) the selected service's tasks", hint: "R restart", in: [.detail, .playing], .prefill("restart")),
        Binding(chars("m"), "m", "mute / unmute the incident bell", in: [.playing], .mute),
        Binding(chars("w"), "w", "wrap long event and log lines to read them whole (again: cut them with …)", in: [.detail, .playing], .toggleWrap),
        Binding([.click], "click", "select a service or incident and focus its pane", in: [.playing], .select),

        // The facilitator's console (gameday facilitate).
        Binding(keys(.escape, .char("v")), "v  Esc", "back to the facilitator console", hint: "v back", in: [.shoulder], .backToFacilitator),
        Binding(chars("["), "[", "the previous team's console", hint: "[ ] team", in: [.shoulder], .previousTeam),
        Binding(chars("]"), "]", "the next team's console", in: [.shoulder], .nextTeam),
        Binding(keys(.escape, .char("q"), .enter), "Esc  q  Enter", "close the debrief", hint: "Esc close", in: [.debrief], .closeOverlay),
        Binding(keys(.down, .char("j")), "↓  j", "scroll down", in: [.debrief], .scrollDown),
        Binding(keys(.up, .char("k")), "↑  k", "scroll up", in: [.debrief], .scrollUp),
        Binding(keys(.pageDown, .char(" ")), "PgDn  space", "scroll a page down", in: [.debrief], .scrollPageDown),
        Binding(keys(.pageUp), "PgUp", "scroll a page up", in: [.debrief], .scrollPageUp),
        Binding(keys(.char("?"), .f1), "?  F1", "help: every key and command", hint: "? help", in: [.facilitator, .facilitatorEnded], .showHelp),
        Binding(chars("q"), "q", "quit: ends the game for every team (asks first)", hint: "q quit", in: [.facilitator, .facilitatorEnded], .quit),
        Binding(chars(":"), ":", "command line: inject, broadcast, hint, fire, delay, skip…", hint: ": command", in: [.facilitator, .facilitatorEnded], .openCommandLine),
        Binding(chars(" p"), "space  p", "start the game, then pause / resume every team", hint: "space start/pause", in: [.facilitator], .togglePause),
        Binding(chars("+="), "+  =", "faster for every team (1× … 120×)", hint: "+/- speed", in: [.facilitator], .faster),
        Binding(chars("-_"), "-  _", "slower for every team", in: [.facilitator], .slower),
        Binding(keys(.down, .char("j")), "↓  j", "select the next team, inject or fault", in: [.facilitator, .facilitatorEnded], .selectNext),
        Binding(keys(.up, .char("k")), "↑  k", "select the previous one", in: [.facilitator, .facilitatorEnded], .selectPrevious),
        Binding(keys(.pageDown), "PgDn", "ten rows down", in: [.facilitator], .pageDown),
        Binding(keys(.pageUp), "PgUp", "ten rows up", in: [.facilitator], .pageUp),
        Binding(keys(.home, .char("g")), "Home  g", "first row", in: [.facilitator], .selectFirst),
        Binding(keys(.end, .char("G")), "End  G", "last row", in: [.facilitator], .selectLast),
        Binding(keys(.tab, .right, .char("l")), "Tab  →  l", "focus the next pane", hint: "Tab pane", in: [.facilitator], .focusNext),
        Binding(keys(.backTab, .left, .char("h")), "Shift-Tab  ←  h", "focus the previous pane", in: [.facilitator], .focusPrevious),
        Binding(chars("1234"), "1 … 4", "show hidden truth, injects, fault deck, session log", in: [.facilitator], .showTab),
        Binding(keys(.enter, .char("v")), "Enter  v", "look over the selected team's shoulder (read-only); on a fault: inject it", hint: "v watch", in: [.facilitator], .lookOverShoulder),
        Binding(chars("i"), "i", "inject into the selected team…", hint: "i inject", in: [.facilitator], .prefillInject(everyTeam: false)),
        Binding(chars("I"), "I", "inject into every team…", in: [.facilitator], .prefillInject(everyTeam: true)),
        Binding(chars("f"), "f", "fire the selected upcoming inject now", hint: "f fire", in: [.facilitator], .fireNow),
        Binding(chars(">"), ">", "delay the selected upcoming inject one minute", in: [.facilitator], .delayInject),
        Binding(chars("x"), "x", "skip the selected upcoming inject (again: put it back)", in: [.facilitator], .skipInject),
        Binding(chars("B"), "B", "broadcast to every team's console…", hint: "B broadcast", in: [.facilitator], .prefillBroadcast),
        Binding(chars("H"), "H", "a private hint to the selected team…", in: [.facilitator], .prefillHint),
        Binding(keys(.enter), "Enter", "the selected team's debrief", hint: "Enter debrief", in: [.facilitatorEnded], .openDebrief),
        Binding(keys(.ctrl("c")), "Ctrl-C", "quit at once",
                in: [.playing, .briefing, .ended, .detail, .help, .quitConfirm, .commandLine, .filter, .facilitator, .facilitatorEnded, .debrief], .quitNow),
    ]

    /// The key scopes in the order the help overlay and README list them.
    public static let documentedScopes: [KeyScope] = [.playing, .replay, .detail, .commandLine, .filter, .help, .briefing, .quitConfirm, .ended,
                                                      .facilitator, .shoulder, .facilitatorEnded, .debrief]
    /// The scopes of a player's console (solo, a team, a replay).
    public static let playerScopes: [KeyScope] = [.playing, .replay, .detail, .commandLine, .filter, .help, .briefing, .quitConfirm, .ended]
    /// The scopes of the facilitator's console.
    public static let facilitatorScopes: [KeyScope] = [.facilitator, .shoulder, .facilitatorEnded, .debrief, .commandLine, .help, .quitConfirm]
}

extension ConsoleKeys {
    /// Status-bar hints of the scopes, most specific first: each action once, none for a
    /// key an earlier scope takes over, and none the console's role does not allow.
    /// With `actions`, only theirs, with a hint made from the first key and the help's
    /// first words when the binding has none (a pane's own line of hints).
    public static func hints(for scopes: [KeyScope], role: ConsoleRole = .solo, replaying: Bool? = nil, actions: [ConsoleAction]? = nil) -> [String] {
        var claimed: [KeyPattern] = []
        var hints: [String] = []
        let replaying = replaying ?? scopes.contains(.replay)
        for scope in scopes {
            let inScope = bindings.bindings(in: scope)
            for binding in inScope {
                if let actions, !actions.contains(binding.action) { continue }
                let short = binding.label.components(separatedBy: "  ")[0] + " " + (binding.help.split(separator: " ").first.map(String.init) ?? "")
                guard let hint = actions == nil ? binding.hint : binding.hint ?? short, !claimed.contains(binding.patterns[0]),
                      role.grants(binding.action.power, replaying: replaying) else { continue }
                hints.append(hint)
            }
            claimed += inScope.flatMap(\.patterns)
        }
        return hints
    }

    /// The help overlay's and README's sections: a heading and its rows of keys and what they do.
    public static var sections: [(title: String, rows: [(keys: String, help: String)])] { sections(of: documentedScopes) }

    /// The sections of some scopes; rows the role does not allow are left out (a
    /// team's console in a facilitated game has no clock keys).
    public static func sections(of scopes: [KeyScope], role: ConsoleRole = .solo) -> [(title: String, rows: [(keys: String, help: String)])] {
        scopes.map { scope in
            var rows = bindings.bindings(in: scope).filter { role.grants($0.action.power, replaying: false) }.map { (keys: $0.label, help: $0.help) }
            if scope == .commandLine || scope == .filter {
                rows += LineEditor.bindings.map { (keys: $0.label, help: $0.help) }
            }
            if scope == .detail { rows.append((keys: "…", help: "and every other key of the panes (space, + and -, Tab…)")) }
            return (scope.title, rows)
        }
    }
}
