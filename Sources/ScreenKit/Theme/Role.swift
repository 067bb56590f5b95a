/// What a piece of screen is for. Themes map roles, not widgets, to colours
/// and attributes, so one theme styles every pane consistently.
public enum Role: UInt8, Sendable, CaseIterable {
    case text, dim, border, focusedBorder, title, ok, warning, critical, info, accent, selection
    case sparkLow, sparkMid, sparkHigh, scoreUp, scoreDown, paused

    /// The name used in theme files.
    public var key: String {
        switch self {
        case .text: "text"
        case .dim: "dim"
        case .border: "border"
        case .focusedBorder: "focused-border"
        case .title: "title"
        case .ok: "ok"
        case .warning: "warning"
        case .critical: "critical"
        case .info: "info"
        case .accent: "accent"
        case .selection: "selection"
        case .sparkLow: "sparkline-start"
        case .sparkMid: "sparkline-mid"
        case .sparkHigh: "sparkline-end"
        case .scoreUp: "score-up"
        case .scoreDown: "score-down"
        case .paused: "paused"
        }
    }
}

/// Text attributes a cell can carry on top of its role's style.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1)
    public static let dim = CellAttributes(rawValue: 2)
    public static let reverse = CellAttributes(rawValue: 4)
    public static let underline = CellAttributes(rawValue: 8)
}
