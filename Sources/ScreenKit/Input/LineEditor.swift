/// A one-line text field with a cursor and history, as in a shell: the
/// command line (`:`) and the filter (`/`). Its editing keys are declared
/// once in `LineEditor.bindings`, which dispatch and help both read.
///
/// The text is kept as a gap buffer: the characters before the cursor, and
/// those after it in reverse, so typing, deleting and moving one character
/// cost O(1) (amortised) however long the line: a paste of any size is linear.
/// The line holds at most `maxLength` characters; more are refused (`isFull`).
public struct LineEditor: Sendable, Hashable {
    /// The characters before the cursor, in order.
    private var head: [Character] = []
    /// The characters after the cursor, last one first.
    private var tail: [Character] = []
    public private(set) var history: [String] = []
    private var historyIndex: Int? = nil
    private var draft = ""
    /// The most characters the line holds.
    public let maxLength: Int

    public static let historyKept = 100
    /// The command line's limit: far more than any command, small enough to draw every frame.
    public static let defaultMaxLength = 4_096

    /// The line (built on each call: O(length)).
    public var text: String { String(head) + String(tail.reversed()) }
    /// Cursor position in characters.
    public var cursor: Int { head.count }
    /// Characters in the line.
    public var count: Int { head.count + tail.count }
    /// Whether typing is refused because the line holds `maxLength` characters.
    public var isFull: Bool { count >= maxLength }

    /// Display columns before the cursor (where to draw it: wide characters take two).
    public var cursorColumn: Int { DisplayWidth.of(String(head)) }

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

    public init(text: String = "", maxLength: Int = LineEditor.defaultMaxLength) {
        self.maxLength = max(1, maxLength)
        set(text)
    }

    /// Replaces the line (cut to `maxLength`) and puts the cursor at its end.
    public mutating func set(_ newText: String) {
        head = Array(newText.prefix(maxLength))
        tail = []
    }

    /// Applies an editing key or types a character; returns false for keys it does not handle.
    /// A character typed into a full line is handled (and refused).
    public mutating func handle(_ key: Key) -> Bool {
        if case let .char(c) = key {
            if !isFull { head.append(c) }
            return true
        }
        guard let binding = Self.bindings.binding(for: key, in: [.editing]) else { return false }
        apply(binding.action)
        return true
    }

    private mutating func apply(_ edit: Edit) {
        switch edit {
        case .deleteBackward: _ = head.popLast()
        case .deleteForward: _ = tail.popLast()
        case .left: if let c = head.popLast() { tail.append(c) }
        case .right: if let c = tail.popLast() { head.append(c) }
        case .start:
            tail.append(contentsOf: head.reversed())
            head.removeAll(keepingCapacity: true)
        case .end:
            head.append(contentsOf: tail.reversed())
            tail.removeAll(keepingCapacity: true)
        case .clear: set("")
        case .deleteWord:
            while head.last == " " { head.removeLast() }
            while let last = head.last, last != " " { head.removeLast() }
        case .older: recall(older: true)
        case .newer: recall(older: false)
        }
    }

    /// What to draw in `width` columns so that the cursor shows: the line, or when
    /// the text before the cursor does not fit, `…` and as much of it as fits, then
    /// the rest (the caller cuts it at the edge). `cursorColumn` is where the
    /// cursor is in the returned text. O(length).
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        let before = String(head)
        let after = String(tail.reversed())
        let column = DisplayWidth.of(before)
        // One column is the cursor's own cell.
        guard column >= width, width > 2 else { return (before + after, column) }
        var shown: [Character] = []
        var used = 0
        for character in head.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width - 2 { break }
            shown.append(character)
            used += w
        }
        return ("…" + String(shown.reversed()) + after, 1 + used)
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
        var index = (historyIndex ?? history.count) + (older ? -1 : 1)
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
