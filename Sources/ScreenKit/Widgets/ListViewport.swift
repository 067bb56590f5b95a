/// Which rows of a scrolled list are on screen: the first visible row,
/// moved as little as possible to keep the selection in view (as k9s and
/// htop scroll). Kept in UI state, so drawing and mouse hits use the same rows.
public struct ListViewport: Sendable, Hashable {
    /// Index of the first visible row.
    public private(set) var offset = 0

    public init() {}

    /// Scrolls just enough to show row `index` when `rows` of `count` rows fit.
    public mutating func reveal(_ index: Int, rows: Int, count: Int) {
        guard rows > 0, count > 0 else { offset = 0; return }
        if index < offset { offset = index } else if index >= offset + rows { offset = index - rows + 1 }
        offset = Self.clamp(offset, rows: rows, count: count)
    }

    /// The offset to draw with, valid even if the list shrank since the last `reveal`.
    public func offset(rows: Int, count: Int) -> Int { Self.clamp(offset, rows: rows, count: count) }

    /// The list index shown on visible line `line` (0 = first row), if any.
    public func index(atLine line: Int, rows: Int, count: Int) -> Int? {
        guard line >= 0, line < rows else { return nil }
        let index = offset(rows: rows, count: count) + line
        return index < count ? index : nil
    }

    private static func clamp(_ offset: Int, rows: Int, count: Int) -> Int { max(0, min(offset, count - rows)) }
}
