/// Decodes the bytes a terminal sends for keys, as xterm, tmux, iTerm2,
/// the Linux console and rxvt send them: arrows (CSI and SS3 forms),
/// Home/End and PgUp/PgDn in all their common forms, Delete, F1–F12,
/// Shift-Tab, Alt+key (ESC first), Enter (CR, LF, CR LF), Backspace (DEL and
/// BS), Ctrl-letters, UTF-8 text, bracketed paste and mouse reports (SGR 1006
/// and X10). Pure: bytes in, inputs out.
///
/// A lone ESC is either the Esc key or the start of a sequence whose rest has
/// not arrived. The decoder keeps it pending (`needsTimeout`); the caller
/// calls `timeout()` when nothing more came within `escapeTimeoutMilliseconds`,
/// and the ESC becomes the Esc key.
public struct TerminalInputDecoder: Sendable {
    /// How long a caller waits after a lone ESC before it counts as the Esc key.
    public static let escapeTimeoutMilliseconds = 50
    /// Pasted text kept at most (the rest of a paste is dropped).
    public static let maxPasteBytes = 16 * 1_024
    /// A control sequence longer than this is garbage: dropped.
    static let maxSequenceBytes = 32

    private var pending: [UInt8] = []
    /// Inside a bracketed paste: the text so far.
    private var paste: [UInt8]?

    public init() {}

    /// Whether bytes wait for more (a lone ESC, half a sequence or character):
    /// call `timeout()` if nothing arrives in time.
    public var needsTimeout: Bool { paste == nil && !pending.isEmpty }

    /// The inputs these bytes complete, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [TerminalInput] where Bytes.Element == UInt8 {
        pending.append(contentsOf: bytes)
        return decode(final: false)
    }

    /// Nothing more came: what is pending stands on its own (a lone ESC is the Esc key).
    public mutating func timeout() -> [TerminalInput] {
        guard paste == nil else { return [] }
        return decode(final: true)
    }

    private mutating func decode(final: Bool) -> [TerminalInput] {
        var out: [TerminalInput] = []
        var index = 0
        while index < pending.count {
            if paste != nil {
                let next = takePaste(from: index, into: &out)
                // The start of the end marker waits for the rest.
                if next == index { break }
                index = next
                continue
            }
            guard let (input, length) = Self.parse(pending, at: index, final: final) else { break }
            index += length
            if input == .paste("") {
                paste = []
            } else if let input {
                out.append(input)
            }
        }
        pending.removeFirst(index)
        return out
    }

    /// Bracketed paste: text up to ESC [ 201 ~, which may arrive in pieces.
    private mutating func takePaste(from start: Int, into out: inout [TerminalInput]) -> Int {
        let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var index = start
        while index < pending.count {
            if pending[index] == 0x1B {
                let available = min(end.count, pending.count - index)
                guard Array(pending[index..<index + available]) == Array(end[0..<available]) else {
                    index += 1
                    continue
                }
                // The end marker, or the start of it: keep what came before.
                appendPaste(pending[start..<index])
                guard available == end.count else { return index }
                out.append(.paste(String(decoding: paste ?? [], as: UTF8.self)))
                paste = nil
                return index + end.count
            }
            index += 1
        }
        appendPaste(pending[start..<index])
        return index
    }

    private mutating func appendPaste(_ bytes: ArraySlice<UInt8>) {
        guard var text = paste else { return }
        text.append(contentsOf: bytes.prefix(max(0, Self.maxPasteBytes - text.count)))
        paste = text
    }

    // MARK: one input

    /// The input at `index` and how many bytes it took; nil when more bytes
    /// are needed (unless `final`). A nil input is a byte or sequence with no
    /// meaning; `.paste("")` opens a bracketed paste.
    static func parse(_ bytes: [UInt8], at index: Int, final: Bool) -> (TerminalInput?, Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x1B: return escape(bytes, at: index, final: final)
        case 0x0D:
            // CR LF and CR NUL are one Enter (some clients send a newline as both).
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            return (.key(.enter), next == 0x0A || next == 0x00 ? 2 : 1)
        case 0x0A: return (.key(.enter), 1)
        case 0x09: return (.key(.tab), 1)
        case 0x08, 0x7F: return (.key(.backspace), 1)
        case 0x01...0x1A: return (.key(.ctrl(Character(Unicode.Scalar(byte + 0x60)))), 1)
        case 0x00, 0x1C...0x1F: return (nil, 1)
        case 0x20...0x7E: return (.key(.char(Character(Unicode.Scalar(byte)))), 1)
        default: return utf8(bytes, at: index, final: final).map { ($0.0.map { .key(.char($0)) }, $0.1) }
        }
    }

    /// A UTF-8 character; nil while incomplete (unless `final`).
    static func utf8(_ bytes: [UInt8], at index: Int, final: Bool) -> (Character?, Int)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
        guard length > 0 else { return (nil, 1) }
        var taken = 1
        while taken < length, index + taken < bytes.count, bytes[index + taken] & 0xC0 == 0x80 { taken += 1 }
        if taken < length {
            if index + taken >= bytes.count && !final { return nil }
            return (nil, taken)
        }
        let text = String(decoding: bytes[index..<index + length], as: UTF8.self)
        guard let character = text.first, text.unicodeScalars.allSatisfy({ $0 != "\u{FFFD}" }),
              let scalar = character.unicodeScalars.first, scalar.value >= 0xA0 else { return (nil, length) }
        return (character, length)
    }

    /// ESC: the Esc key, Alt with a key, or a control sequence (CSI, SS3).
    static func escape(_ bytes: [UInt8], at index: Int, final: Bool) -> (TerminalInput?, Int)? {
        guard index + 1 < bytes.count else { return final ? (.key(.escape), 1) : nil }
        let next = bytes[index + 1]
        switch next {
        case 0x5B: // [
            if let (input, length) = csi(bytes, at: index + 2, final: final) { return (input, length + 2) }
            if !final { return nil }
            return index + 2 == bytes.count ? (.alt(.char("[")), 2) : (.unknown, bytes.count - index)
        case 0x4F: // O
            guard index + 2 < bytes.count else { return final ? (.alt(.char("O")), 2) : nil }
            return (ss3(bytes[index + 2]), 3)
        case 0x1B:
            // ESC ESC [ A: Alt with a sequence (rxvt, iTerm2); ESC ESC alone: Esc pressed twice.
            guard index + 2 < bytes.count else { return final ? (.key(.escape), 1) : nil }
            guard bytes[index + 2] == 0x5B || bytes[index + 2] == 0x4F else { return (.key(.escape), 1) }
            guard let (inner, length) = escape(bytes, at: index + 1, final: final) else { return nil }
            if case let .key(key)? = inner { return (.alt(key), length + 1) }
            return (inner, length + 1)
        default:
            guard let (inner, length) = parse(bytes, at: index + 1, final: final) else { return nil }
            if case let .key(key)? = inner { return (.alt(key), length + 1) }
            return (inner, length + 1)
        }
    }

    /// SS3 (ESC O x): arrows and Home/End in application mode, F1–F4, keypad Enter.
    static func ss3(_ final: UInt8) -> TerminalInput {
        switch final {
        case 0x41: .key(.up)
        case 0x42: .key(.down)
        case 0x43: .key(.right)
        case 0x44: .key(.left)
        case 0x48: .key(.home)
        case 0x46: .key(.end)
        case 0x4D: .key(.enter)
        case 0x50: .key(.f1)
        case 0x51...0x53: .function(Int(final) - 0x50 + 1)
        default: .unknown
        }
    }
}
