/// A one-line text field with a cursor and history, as in a shell: the
/// command line (`:`) and the filter (`/`).
public struct LineEditor: Sendable, Hashable {
    public private(set) var text: String = ""
    /// Cursor position in characters.
    public private(set) var cursor = 0
    public private(set) var history: [String] = []
    private var historyIndex: Int? = nil
    private var draft = ""

    public static let historyKept = 100

    /// Display columns before the cursor (where to draw it: wide characters take two).
    public var cursorColumn: Int { DisplayWidth.of(text.prefix(cursor)) }

    public init(text: String = "") { set(text) }

    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies an editing key; returns false for keys it does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case let .char(c):
            var chars = Array(text)
            chars.insert(c, at: cursor)
            text = String(chars)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            var chars = Array(text)
            chars.remove(at: cursor - 1)
            text = String(chars)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return true }
            var chars = Array(text)
            chars.remove(at: cursor)
            text = String(chars)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): set("")
        case .ctrl("w"):
            var chars = Array(text[..<text.index(text.startIndex, offsetBy: cursor)])
            while chars.last == " " { chars.removeLast() }
            while let last = chars.last, last != " " { chars.removeLast() }
            let rest = String(text.dropFirst(cursor))
            text = String(chars) + rest
            cursor = chars.count
        case .up: recall(older: true)
        case .down: recall(older: false)
        default: return false
        }
        return true
    }

    /// Records a submitted line and clears the field.
    public mutating func commit() {
        let line = text.trimmingSpaces
        if !line.isEmpty && history.last != line {
            history.append(line)
            if history.count > Self.historyKept { history.removeFirst() }
        }
        historyIndex = nil
        set("")
    }

    public mutating func clear() {
        historyIndex = nil
        set("")
    }

    private mutating func recall(older: Bool) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard older else { return }
            draft = text
            historyIndex = history.count
        }
        var index = historyIndex! + (older ? -1 : 1)
        index = max(0, index)
        if index >= history.count {
            historyIndex = nil
            set(draft)
            return
        }
        historyIndex = index
        set(history[index])
    }
}

extension String {
    /// The text without leading and trailing spaces.
    public var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
