import ScreenKit

/// Every key the console answers to, in the order the help overlay lists
/// them. The README's key table is this list too.
public enum KeyMap {
    public struct Binding: Sendable, Hashable {
        public var keys: String
        public var action: String
    }

    public static let bindings: [Binding] = [
        Binding(keys: "?  F1", action: "help: keys and commands"),
        Binding(keys: ":", action: "command line (Tab completes, ↑↓ history)"),
        Binding(keys: "/", action: "filter services by name"),
        Binding(keys: "space  p", action: "pause / resume"),
        Binding(keys: "+  -", action: "game speed 1× … 120×"),
        Binding(keys: "↑↓  j k", action: "move the selection"),
        Binding(keys: "←→  h l  Tab", action: "focus the previous / next pane"),
        Binding(keys: "1 … 5", action: "show incidents, events, scaling, inspector, logs"),
        Binding(keys: "Enter", action: "open the selected service's details"),
        Binding(keys: "Esc", action: "close, cancel, clear the filter"),
        Binding(keys: "g  G", action: "top / bottom of the list"),
        Binding(keys: "a", action: "acknowledge the selected (or oldest) incident"),
        Binding(keys: "r", action: "resolve the selected (or oldest mitigated) incident"),
        Binding(keys: "s", action: "scale the selected service…"),
        Binding(keys: "A", action: "autoscale the selected service…"),
        Binding(keys: "d", action: "deploy a version of the selected service…"),
        Binding(keys: "b", action: "roll back the selected service…"),
        Binding(keys: "R", action: "restart (replace) the selected service's tasks…"),
        Binding(keys: "m", action: "mute / unmute the incident bell"),
        Binding(keys: "click", action: "select a service or incident"),
        Binding(keys: "q", action: "quit (asks first while a game runs)"),
        Binding(keys: "Ctrl-C", action: "quit at once"),
    ]
}
