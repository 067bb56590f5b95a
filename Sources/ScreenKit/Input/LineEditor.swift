/// A one-line text field with a cursor and history, as in a shell: the
/// command line (`:`) and the filter (`/`). Its editing keys are declared
/// once in `LineEditor.bindings`, which dispatch and help both read.
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

    /// What an editing key does.
    public enum Edit: Sendable, Hashable {
        case deleteBackward, deleteForward, left, right, start, end, clear, deleteWord, older, newer
    }

    /// The editor's only scope: its keys apply wherever it has focus.
    public enum Scope: Sendable, Hashable { case editing }

    /// Every editing key besides typing itself.
    public static let bindings: [KeyBinding<Edit, Scope>] = [
        KeyBinding([.key(.left), .key(.ctrl("b"))], "←  Ctrl-B", "cursor left", in: [.editing], .left),
        KeyBinding([.key(.right), .key(.ctrl("f"))], "→  Ctrl-F", "cursor right", in: [.editing], .right),
        KeyBinding([.key(.home), .key(.ctrl("a"))], "Home  Ctrl-A", "start of the line", in: [.editing], .start),
        KeyBinding([.key(.end), .key(.ctrl("e"))], "End  Ctrl-E", "end of the line", in: [.editing], .end),
        KeyBinding([.key(.backspace)], "Backspace", "delete before the cursor", in: [.editing], .deleteBackward),
        KeyBinding([.key(.delete), .key(.ctrl("d"))], "Delete  Ctrl-D", "delete under the cursor", in: [.editing], .deleteForward),
        KeyBinding([.key(.ctrl("w"))], "Ctrl-W", "delete the word before the cursor", in: [.editing], .deleteWord),
        KeyBinding([.key(.ctrl("u"))], "Ctrl-U", "clear the line", in: [.editing], .clear),
        KeyBinding([.key(.up)], "↑", "older line from history", in: [.editing], .older),
        KeyBinding([.key(.down)], "↓", "newer line from history", in: [.editing], .newer),
    ]

    public init(text: String = "") { set(text) }

    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies an editing key or types a character; returns false for keys it does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        if case let .char(c) = key {
            insert(c)
            return true
        }
        guard let binding = Self.bindings.binding(for: key, in: [.editing]) else { return false }
        apply(binding.action)
        return true
    }

    private mutating func insert(_ c: Character) {
        var chars = Array(text)
        chars.insert(c, at: cursor)
        text = String(chars)
        cursor += 1
    }

    private mutating func apply(_ edit: Edit) {
        switch edit {
        case .deleteBackward:
            guard cursor > 0 else { return }
            var chars = Array(text)
            chars.remove(at: cursor - 1)
            text = String(chars)
            cursor -= 1
        case .deleteForward:
            guard cursor < text.count else { return }
            var chars = Array(text)
            chars.remove(at: cursor)
            text = String(chars)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = text.count
        case .clear: set("")
        case .deleteWord:
            var chars = Array(text.prefix(cursor))
            while chars.last == " " { chars.removeLast() }
            while let last = chars.last, last != " " { chars.removeLast() }
            let rest = String(text.dropFirst(cursor))
            text = String(chars) + rest
            cursor = chars.count
        case .older: recall(older: true)
        case .newer: recall(older: false)
        }
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
