/// A key vocabulary grouped by scope once, so that finding what a key does looks
/// only at the few bindings of the scopes that apply: a console sees every key of
/// a paste, and scanning the whole vocabulary for each was most of its cost.
/// Answers exactly as `[KeyBinding].binding(for:in:)` does, in declaration order.
public struct KeyBindingTable<Action: Sendable & Hashable, Scope: Sendable & Hashable>: Sendable {
    @usableFromInline let byScope: [Scope: [KeyBinding<Action, Scope>]]

    public init(_ bindings: [KeyBinding<Action, Scope>]) {
        var byScope: [Scope: [KeyBinding<Action, Scope>]] = [:]
        for binding in bindings {
            for scope in binding.scopes { byScope[scope, default: []].append(binding) }
        }
        self.byScope = byScope
    }

    /// The first binding for `key` in the first of `scopes` that has one.
    @inlinable
    public func binding(for key: Key, in scopes: [Scope]) -> KeyBinding<Action, Scope>? {
        for scope in scopes {
            guard let candidates = byScope[scope] else { continue }
            for index in candidates.indices where candidates[index].matches(key) { return candidates[index] }
        }
        return nil
    }
}
