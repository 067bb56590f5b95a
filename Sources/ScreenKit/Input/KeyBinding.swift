/// What a binding answers to: one key, or any left click (whose cell the action reads).
public enum KeyPattern: Sendable, Hashable {
    case key(Key)
    case click

    @inlinable
    public func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.click, .click): true
        case let (.key(expected), _): expected == key
        default: false
        }
    }
}

/// One entry of a key vocabulary: the keys, how help writes them, what they
/// do in words, where they apply, and the action. Dispatch, the help
/// overlay, status-bar hints and the README's key tables all read the same
/// list, so a key cannot work without being documented (lazygit's cheatsheet idea).
public struct KeyBinding<Action: Sendable & Hashable, Scope: Sendable & Hashable>: Sendable {
    public var patterns: [KeyPattern]
    /// The keys as help writes them, e.g. `?  F1` or `↑↓  j k`.
    public var label: String
    /// What the keys do, in a few words.
    public var help: String
    /// The item the status bar shows for it (e.g. `? help`), if any.
    public var hint: String?
    public var scopes: [Scope]
    public var action: Action

    public init(_ patterns: [KeyPattern], _ label: String, _ help: String, hint: String? = nil, in scopes: [Scope], _ action: Action) {
        self.patterns = patterns
        self.label = label
        self.help = help
        self.hint = hint
        self.scopes = scopes
        self.action = action
    }

    @inlinable
    public func matches(_ key: Key) -> Bool { patterns.contains { $0.matches(key) } }
}

extension Array {
    /// The first binding for `key` in the first of `scopes` that has one.
    /// Inlinable so that callers specialise it: it runs for every key, a paste included.
    @inlinable
    public func binding<Action, Scope>(for key: Key, in scopes: [Scope]) -> Element?
    where Element == KeyBinding<Action, Scope> {
        for scope in scopes {
            if let found = first(where: { $0.scopes.contains(scope) && $0.matches(key) }) { return found }
        }
        return nil
    }

    /// The bindings of one scope, in declaration order.
    public func bindings<Action, Scope>(in scope: Scope) -> [Element] where Element == KeyBinding<Action, Scope> {
        filter { $0.scopes.contains(scope) }
    }
}
