/// What a terminal's bytes mean, once decoded: a key, a key with Alt, a
/// function key, pasted text or a mouse event. `TerminalInputDecoder` makes
/// these from the bytes a terminal sends (over SSH, nothing decodes them for us).
public enum TerminalInput: Sendable, Hashable {
    /// A key the console knows (arrows, Enter, Ctrl-letters, characters, F1, a left click).
    case key(Key)
    /// A key pressed with Alt (or Meta): the terminal sent ESC before it.
    case alt(Key)
    /// F2 … F12 (F1 is `Key.f1`).
    case function(Int)
    /// Text pasted while bracketed paste was on: never read as keys.
    case paste(String)
    /// A mouse button other than a left press: released, the middle or right
    /// button, or a wheel step (`wheel` -1 up, +1 down). Cells are 0-based.
    case mouse(MouseReport)
    /// A sequence the decoder does not know (Insert, focus reports…): ignored.
    case unknown

    /// The console keys this input stands for: a left click and a wheel step
    /// are keys (a click and ↑/↓), Alt and unbound function keys are none.
    public var consoleKeys: [Key] {
        switch self {
        case let .key(key): [key]
        case let .mouse(report) where report.wheel != 0: [report.wheel < 0 ? .up : .down]
        case .alt, .function, .paste, .mouse, .unknown: []
        }
    }
}

/// A mouse report other than a left press (SGR 1006 or X10 encoding).
public struct MouseReport: Sendable, Hashable {
    public var x: Int
    public var y: Int
    /// 0 left, 1 middle, 2 right; meaningless for a wheel step.
    public var button: Int
    public var isPress: Bool
    /// -1 a wheel step up, +1 down, 0 no wheel.
    public var wheel: Int

    public init(x: Int, y: Int, button: Int, isPress: Bool, wheel: Int = 0) {
        self.x = x
        self.y = y
        self.button = button
        self.isPress = isPress
        self.wheel = wheel
    }
}
