/// A key press or mouse click, decoded by the terminal backend.
public enum Key: Sendable, Hashable {
    /// A printable character, space included.
    case char(Character)
    /// Ctrl with a letter, e.g. `.ctrl("a")`.
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, enter, tab, backTab, escape, f1
    /// A left click at a cell.
    case click(x: Int, y: Int)

    /// Decodes a character code as terminals send it (control codes included).
    public static func fromCharacter(code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(UInt8(code + 96))))
        default:
            guard code >= 32, let scalar = UnicodeScalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
