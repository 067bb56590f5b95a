import ScreenKit

/// Keys as the protocol writes them: a printable character is itself
/// (`"s"`, `" "`, `":"`); every other key has a name (`"enter"`, `"ctrl-c"`,
/// `"click 10 5"`). See PROTOCOL.md.
public enum WireKey {
    private static let names: [(String, Key)] = [
        ("enter", .enter), ("tab", .tab), ("backtab", .backTab), ("escape", .escape), ("backspace", .backspace),
        ("delete", .delete), ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("home", .home),
        ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown), ("f1", .f1),
    ]

    public static func encode(_ key: Key) -> String {
        switch key {
        case let .char(c): return String(c)
        case let .ctrl(c): return "ctrl-\(c)"
        case let .click(x, y): return "click \(x) \(y)"
        default: return names.first { $0.1 == key }?.0 ?? "escape"
        }
    }

    /// The key a wire name stands for; nil for anything else.
    public static func decode(_ text: String) -> Key? {
        if text.count == 1, let c = text.first {
            guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.value >= 32, scalar.value != 127 else { return nil }
            return .char(c)
        }
        if let found = names.first(where: { $0.0 == text }) { return found.1 }
        if text.hasPrefix("ctrl-"), text.count == 6, let c = text.last, c.isASCII, c.isLowercase { return .ctrl(c) }
        if text.hasPrefix("click ") {
            let parts = text.split(separator: " ")
            guard parts.count == 3, let x = Int(parts[1]), let y = Int(parts[2]), (0...10_000).contains(x), (0...10_000).contains(y) else { return nil }
            return .click(x: x, y: y)
        }
        return nil
    }
}
