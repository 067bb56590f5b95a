import ScreenKit

/// Where a key binding applies. The console asks the scopes of its current
/// state in order (an overlay's before the screen's), so `q` closes the
/// detail view but asks to quit from the panes.
public enum KeyScope: String, Sendable, Hashable, CaseIterable {
    case briefing, playing, replay, detail, help, quitConfirm, ended, commandLine, filter

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
    case openDetail, back, mute, select, quit, quitNow
    /// Changes the player's fleet or incidents: refused while replaying.
    case acknowledge, resolve
    case prefill(String)
    case start
    case seekBack, seekForward, step, nextMark, takeOver
    case closeOverlay, scrollDown, scrollUp, scrollPageDown, scrollPageUp, scrollTop, scrollBottom
    case confirmQuit, cancelQuit, leave
    case runCommandLine, complete, cancelCommandLine, keepFilter, clearFilter

    /// Whether the action changes the game, which a replay must refuse.
    var changesTheGame: Bool {
        switch self {
        case .acknowledge, .resolve, .prefill: true
        default: false
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

        Binding(keys(.enter, .char(" ")), "Enter  space", "start the game", hint: "Enter start", in: [.briefing], .start),
        Binding(keys(.char("q"), .escape), "q  Esc", "leave without playing", hint: "q quit", in: [.briefing], .quitNow),
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

        Binding(keys(.char("?"), .f1), "?  F1", "help: every key and command", hint: "? help", in: [.playing, .briefing], .showHelp),
        Binding(chars("q"), "q", "quit (asks first while a game runs)", hint: "q quit", in: [.playing], .quit),
        Binding(chars(":"), ":", "command line (Tab completes, ↑↓ history)", hint: ": command", in: [.playing], .openCommandLine),
        Binding(chars("/"), "/", "filter services by name", hint: "/ filter", in: [.playing], .openFilter),
        Binding(chars(" p"), "space  p", "pause / resume", hint: "space pause", in: [.playing], .togglePause),
        Binding(chars("+="), "+  =", "faster (1× … 120×)", hint: "+/- speed", in: [.playing], .faster),
        Binding(chars("-_"), "-  _", "slower", in: [.playing], .slower),
        Binding(keys(.down, .char("j")), "↓  j", "select the next row (services, incidents) or scroll (events, logs)", in: [.playing], .selectNext),
        Binding(keys(.up, .char("k")), "↑  k", "select the previous row, or scroll back", in: [.playing], .selectPrevious),
        Binding(keys(.pageDown), "PgDn", "ten rows down", in: [.playing], .pageDown),
        Binding(keys(.pageUp), "PgUp", "ten rows up", in: [.playing], .pageUp),
        Binding(keys(.home, .char("g")), "Home  g", "first row (newest line in events and logs)", in: [.playing], .selectFirst),
        Binding(keys(.end, .char("G")), "End  G", "last row (oldest line in events and logs)", in: [.playing], .selectLast),
        Binding(keys(.tab, .right, .char("l")), "Tab  →  l", "focus the next pane", hint: "Tab pane", in: [.playing], .focusNext),
        Binding(keys(.backTab, .left, .char("h")), "Shift-Tab  ←  h", "focus the previous pane", in: [.playing], .focusPrevious),
        Binding(chars("12345"), "1 … 5", "show incidents, events, scaling, inspector, logs", in: [.playing], .showTab),
        Binding(keys(.enter), "Enter", "the selected service's details: tasks, stops, timers, logs", hint: "Enter details", in: [.playing], .openDetail),
        Binding(keys(.escape), "Esc", "clear the filter", in: [.playing], .back),
        Binding(chars("a"), "a", "acknowledge the selected (or oldest) incident", hint: "a ack", in: [.playing], .acknowledge),
        Binding(chars("r"), "r", "resolve the selected (or oldest mitigated) incident", in: [.playing], .resolve),
        Binding(chars("s"), "s", "scale the selected service…", hint: "s scale", in: [.detail, .playing], .prefill("scale")),
        Binding(chars("A"), "A", "autoscale the selected service…", hint: "A autoscale", in: [.detail, .playing], .prefill("autoscale")),
        Binding(chars("d"), "d", "deploy a version of the selected service…", hint: "d deploy", in: [.detail, .playing], .prefill("deploy")),
        Binding(chars("b"), "b", "roll back the selected service", hint: "b rollback", in: [.detail, .playing], .prefill("rollback")),
        Binding(chars("R"), "R", "restart (replace) the selected service's tasks", hint: "R restart", in: [.detail, .playing], .prefill("restart")),
        Binding(chars("m"), "m", "mute / unmute the incident bell", in: [.playing], .mute),
        Binding([.click], "click", "select a service or incident and focus its pane", in: [.playing], .select),
        Binding(keys(.ctrl("c")), "Ctrl-C", "quit at once", in: [.playing, .briefing, .ended, .detail, .help, .quitConfirm, .commandLine, .filter], .quitNow),
    ]

    /// The key scopes in the order the help overlay and README list them.
    public static let documentedScopes: [KeyScope] = [.playing, .replay, .detail, .commandLine, .filter, .help, .briefing, .quitConfirm, .ended]
}

extension ConsoleKeys {
    /// Status-bar hints of the scopes, most specific first: each action once, none for a
    /// key an earlier scope takes over, and none that would change the game in a replay.
    public static func hints(for scopes: [KeyScope]) -> [String] {
        var claimed: [KeyPattern] = []
        var hints: [String] = []
        let replaying = scopes.contains(.replay)
        for scope in scopes {
            let inScope = bindings.bindings(in: scope)
            for binding in inScope {
                guard let hint = binding.hint, !claimed.contains(binding.patterns[0]), !(replaying && binding.action.changesTheGame) else { continue }
                hints.append(hint)
            }
            claimed += inScope.flatMap(\.patterns)
        }
        return hints
    }

    /// The help overlay's and README's sections: a heading and its rows of keys and what they do.
    public static var sections: [(title: String, rows: [(keys: String, help: String)])] {
        documentedScopes.map { scope in
            var rows = bindings.bindings(in: scope).map { (keys: $0.label, help: $0.help) }
            if scope == .commandLine || scope == .filter {
                rows += LineEditor.bindings.map { (keys: $0.label, help: $0.help) }
            }
            return (scope.title, rows)
        }
    }
}
