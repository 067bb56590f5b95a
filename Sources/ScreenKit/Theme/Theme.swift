/// A colour as a theme names it.
public enum ColorSpec: Sendable, Hashable {
    /// The terminal's own colour (keeps transparent backgrounds transparent).
    case terminalDefault
    /// One of the 16 ANSI colours, 0…15.
    case named(Int)
    /// An xterm 256-colour index.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// How a role looks: foreground, background and attributes.
public struct Style: Sendable, Hashable {
    public var foreground: ColorSpec
    public var background: ColorSpec
    public var attributes: CellAttributes

    public init(_ foreground: ColorSpec = .terminalDefault, on background: ColorSpec = .terminalDefault, _ attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A complete mapping from every role to a style, plus the attributes used
/// when colour is off (NO_COLOR, --no-color or a monochrome terminal).
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String = ""
    /// The screen's background; roles whose background is `default` use it.
    public var background: ColorSpec = .terminalDefault
    private var styles: [Style]
    private var monochrome: [CellAttributes]

    public init(name: String, styles: (Role) -> Style, monochrome: (Role) -> CellAttributes = Theme.monochromeAttributes) {
        self.name = name
        self.styles = Role.allCases.map(styles)
        self.monochrome = Role.allCases.map(monochrome)
    }

    /// The style of a role, with the theme's background filled in.
    public func style(_ role: Role) -> Style {
        var style = styles[Int(role.rawValue)]
        if style.background == .terminalDefault { style.background = background }
        return style
    }
    public func monochromeAttributes(_ role: Role) -> CellAttributes { monochrome[Int(role.rawValue)] }

    public mutating func set(_ role: Role, _ style: Style) { styles[Int(role.rawValue)] = style }

    /// Without colour, states still differ: glyphs and words say the state,
    /// attributes add emphasis.
    public static func monochromeAttributes(_ role: Role) -> CellAttributes {
        switch role {
        case .dim, .border: [.dim]
        case .focusedBorder, .title, .warning, .accent, .scoreUp: [.bold]
        case .critical, .paused: [.bold, .reverse]
        case .selection: [.reverse]
        case .scoreDown: [.underline]
        default: []
        }
    }

    /// The default dark theme.
    public static let dark = Theme(name: "dark") { role in
        switch role {
        case .text: Style()
        case .dim: Style(.indexed(245))
        case .border: Style(.indexed(240))
        case .focusedBorder: Style(.indexed(45), on: .terminalDefault, [.bold])
        case .title: Style(.indexed(252), on: .terminalDefault, [.bold])
        case .ok: Style(.indexed(78))
        case .warning: Style(.indexed(220), on: .terminalDefault, [.bold])
        case .critical: Style(.indexed(196), on: .terminalDefault, [.bold])
        case .info: Style(.indexed(75))
        case .accent: Style(.indexed(213))
        case .selection: Style(.indexed(231), on: .indexed(24), [.bold])
        case .sparkLow: Style(.indexed(37))
        case .sparkMid: Style(.indexed(220))
        case .sparkHigh: Style(.indexed(203))
        case .scoreUp: Style(.indexed(78), on: .terminalDefault, [.bold])
        case .scoreDown: Style(.indexed(203), on: .terminalDefault, [.bold])
        case .paused: Style(.indexed(16), on: .indexed(220), [.bold])
        }
    }
}

/// How many colours the terminal can show, best first.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case monochrome, basic8, basic16, indexed256, trueColor

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// Picks the depth from what the terminal reports and the environment.
    /// `NO_COLOR` wins over everything when it is set and not empty (no-color.org:
    /// an empty value, as left by `NO_COLOR= cmd` or an unset-by-blanking, keeps colour).
    public static func detect(colors: Int, environment: [String: String], noColorFlag: Bool) -> ColorDepth {
        if noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty { return .monochrome }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colors >= 1 << 24 || (colors >= 256 && (colorterm == "truecolor" || colorterm == "24bit")) { return .trueColor }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .basic16 }
        if colors >= 8 { return .basic8 }
        return .monochrome
    }
}
