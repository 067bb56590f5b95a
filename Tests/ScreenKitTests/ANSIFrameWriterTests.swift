import Testing
@testable import ScreenKit

/// Frames written to a remote terminal as ANSI: only what changed, whole
/// wide characters, the colours the terminal can show.
@Suite struct ANSIFrameWriterTests {
    /// Just enough of a terminal to check what the bytes draw: CUP, CUF, ED 2, SGR
    /// (skipped) and text, wide characters taking two columns.
    struct MiniTerminal {
        var rows: [[Character]]
        var x = 0, y = 0
        init(width: Int, height: Int) { rows = Array(repeating: Array(repeating: " ", count: width), count: height) }

        mutating func play(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            var scalars = text.unicodeScalars[...]
            while let scalar = scalars.first {
                if scalar == "\u{1B}" {
                    scalars = scalars.dropFirst(2)  // ESC [
                    var parameters = ""
                    while let c = scalars.first, !(c.value >= 0x40 && c.value <= 0x7E) || c == "?" {
                        parameters.unicodeScalars.append(c)
                        scalars = scalars.dropFirst()
                    }
                    let final = scalars.first
                    scalars = scalars.dropFirst()
                    switch final {
                    case "H":
                        let numbers = parameters.split(separator: ";").map { Int($0)! }
                        (y, x) = numbers.isEmpty ? (0, 0) : (numbers[0] - 1, numbers[1] - 1)
                    case "C": x += Int(parameters) ?? 1
                    case "J": rows = rows.map { $0.map { _ in " " } }
                    default: break
                    }
                    continue
                }
                // One character (with its combining marks) at the cursor.
                var cluster = String(scalar)
                scalars = scalars.dropFirst()
                while let next = scalars.first, next.value >= 0x20, DisplayWidth.of(next) == 0 {
                    cluster.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                let character = Character(cluster)
                rows[y][x] = character
                let width = DisplayWidth.of(character)
                if width == 2 && x + 1 < rows[y].count { rows[y][x + 1] = "\u{0}" }
                x += width
            }
        }

        /// The screen's rows without trailing spaces, as `CellBuffer.text` gives them.
        var text: String {
            rows.map { row in
                var line = String(row.filter { $0 != "\u{0}" })
                while line.last == " " { line.removeLast() }
                return line
            }.joined(separator: "\n")
        }
    }

    static func frame(_ lines: [String], width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { buffer.put(line, x: 0, y: y, role: y == 0 ? .title : .text) }
        return buffer
    }

    @Test func aFullFrameClearsInTheTextColoursThenWritesEveryCell() {
        var writer = ANSIFrameWriter(theme: .dark, depth: .indexed256)
        let first = Self.frame(["Unicorn.Rentals", "web   ok"], width: 20)
        let bytes = writer.update(from: nil, to: first)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}[0"))
        #expect(text.contains("\u{1B}[2J"))
        var terminal = MiniTerminal(width: 20, height: 2)
        terminal.play(bytes)
        #expect(terminal.text == first.text)
    }

    @Test func anUpdateSendsOnlyWhatChanged() {
        var writer = ANSIFrameWriter(theme: .dark, depth: .indexed256)
        let first = Self.frame(["00:00:01", "web   ok"], width: 40)
        var second = first
        second.put("2", x: 7, y: 0, role: .title)
        _ = writer.update(from: nil, to: first)
        let bytes = writer.update(from: first, to: second)
        let text = String(decoding: bytes, as: UTF8.self)
        // A move to row 1, column 8, the title's style, the digit.
        #expect(text.hasPrefix("\u{1B}[1;8H\u{1B}[0"))
        #expect(text.hasSuffix("m2"))
        #expect(bytes.count < 40)
        #expect(writer.update(from: second, to: second).isEmpty)
    }

    @Test func wideCharactersAreWrittenWholeAndTheCursorIsPlacedAfterThem() {
        var writer = ANSIFrameWriter(theme: .dark, depth: .trueColor)
        let first = Self.frame(["ユニコーン ok", "abc"], width: 16)
        var second = first
        second.put("ユ", x: 2, y: 0)   // over the right half of ユ and the left of ニ
        second.put("X", x: 9, y: 0)
        var terminal = MiniTerminal(width: 16, height: 2)
        terminal.play(writer.update(from: nil, to: first))
        #expect(terminal.text == first.text)
        let bytes = writer.update(from: first, to: second)
        terminal.play(bytes)
        #expect(terminal.text == second.text)
        // The run after non-ASCII text starts with its own cursor move.
        #expect(String(decoding: bytes, as: UTF8.self).contains("\u{1B}[1;9H"))
    }

    /// Random edits, frame after frame: the terminal always shows the last frame.
    @Test func aTerminalFollowingTheUpdatesShowsEachFrame() {
        var generator = SplitMix(seed: 7)
        let words = ["ok", "down", "ユニ", "🦄", "é", "│", "slow", "  "]
        var writer = ANSIFrameWriter(theme: .dark, depth: .basic16)
        var terminal = MiniTerminal(width: 30, height: 6)
        var previous: CellBuffer?
        var frame = CellBuffer(width: 30, height: 6)
        for _ in 0..<200 {
            for _ in 0..<Int(generator.next() % 4) {
                let word = words[Int(generator.next() % UInt64(words.count))]
                frame.put(word, x: Int(generator.next() % 30), y: Int(generator.next() % 6),
                          role: Role.allCases[Int(generator.next() % 4)])
            }
            terminal.play(writer.update(from: previous, to: frame))
            #expect(terminal.text == frame.text)
            previous = frame
        }
    }

    @Test func colourDepthDecidesTheColourCodes() {
        let frame = Self.frame(["Unicorn.Rentals", "web   ok"], width: 20)
        func codes(_ depth: ColorDepth) -> String {
            var writer = ANSIFrameWriter(theme: .dark, depth: depth)
            return String(decoding: writer.update(from: nil, to: frame), as: UTF8.self)
        }
        #expect(!codes(.monochrome).contains("38;") && !codes(.monochrome).contains("[3"))
        #expect(codes(.indexed256).contains("38;5;"))
        // The dark theme names xterm-256 colours: truecolor terminals get them as they are.
        #expect(codes(.trueColor).contains("38;5;") || codes(.trueColor).contains("38;2;"))
        #expect(!codes(.basic16).contains("38;5;") && !codes(.basic16).contains("38;2;"))
    }

    /// Reads SGR codes the way a terminal does, into the state they leave.
    static func interpret(_ bytes: [UInt8], from start: SGRState = .reset) -> SGRState {
        var state = start
        let text = String(decoding: bytes, as: UTF8.self)
        for sequence in text.split(separator: "\u{1B}") where sequence.hasPrefix("[") && sequence.hasSuffix("m") {
            var codes = sequence.dropFirst().dropLast().split(separator: ";", omittingEmptySubsequences: false).map(String.init)[...]
            if codes.isEmpty { codes = ["0"] }
            while let code = codes.popFirst() {
                switch code {
                case "0", "": state = .reset
                case "1": state.bold = true
                case "2": state.dim = true
                case "4": state.underline = true
                case "7": state.reverse = true
                case "22": state.bold = false; state.dim = false
                case "24": state.underline = false
                case "27": state.reverse = false
                case "38", "48":
                    let kind = codes.popFirst() ?? ""
                    let rest = kind == "5" ? Array(codes.prefix(1)) : Array(codes.prefix(3))
                    codes = codes.dropFirst(rest.count)
                    if code == "38" { state.foreground = [code, kind] + rest } else { state.background = [code, kind] + rest }
                default:
                    guard let n = Int(code) else { continue }
                    if (30...37).contains(n) || (90...97).contains(n) || n == 39 { state.foreground = [code] }
                    if (40...47).contains(n) || (100...107).contains(n) || n == 49 { state.background = [code] }
                }
            }
        }
        return state
    }

    /// From any style to any other, the short change leaves the terminal exactly as a full reset would.
    @Test func styleChangesSendOnlyWhatDiffers() {
        let attributes: [CellAttributes] = [[], [.bold], [.dim], [.reverse], [.underline, .bold]]
        for depth in ColorDepth.allCases {
            for theme in [Theme.dark] {
                let states = Role.allCases.flatMap { role in attributes.map { SGRState(role, $0, theme: theme, depth: depth) } }
                for a in states {
                    for b in states {
                        let changed = Self.interpret(b.codes(from: a), from: a)
                        #expect(changed == b, "\(depth): \(a) → \(b)")
                    }
                    #expect(Self.interpret(a.codes(from: .reset)) == a)
                }
            }
        }
        // Same colours, bold added: one short code, not a reset and every colour again.
        let plain = SGRState(.text, [], theme: .dark, depth: .indexed256)
        let bold = SGRState(.text, [.bold], theme: .dark, depth: .indexed256)
        #expect(String(decoding: bold.codes(from: plain), as: UTF8.self) == "\u{1B}[1m")
        #expect(plain.codes(from: plain).isEmpty)
    }

    @Test func terminalTypesGiveColourDepths() {
        #expect(ColorDepth.forTerminal(type: "xterm-256color") == .indexed256)
        #expect(ColorDepth.forTerminal(type: "tmux-256color") == .indexed256)
        #expect(ColorDepth.forTerminal(type: "screen-256color") == .indexed256)
        #expect(ColorDepth.forTerminal(type: "xterm-direct") == .trueColor)
        #expect(ColorDepth.forTerminal(type: "xterm-kitty") == .trueColor)
        #expect(ColorDepth.forTerminal(type: "xterm") == .basic16)
        #expect(ColorDepth.forTerminal(type: "linux") == .basic8)
        #expect(ColorDepth.forTerminal(type: "screen") == .basic8)
        #expect(ColorDepth.forTerminal(type: "vt100") == .monochrome)
        #expect(ColorDepth.forTerminal(type: "dumb") == .monochrome)
        #expect(ColorDepth.forTerminal(type: "") == .monochrome)
        #expect(ColorDepth.forTerminal(type: "xterm-256color", environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorDepth.forTerminal(type: "xterm-256color", environment: ["NO_COLOR": ""]) == .monochrome)
        #expect(ColorDepth.forTerminal(type: "xterm-256color", noColor: true) == .monochrome)
    }

    @Test func terminalModesAreUndoneOnLeaving() {
        let enter = String(decoding: ANSITerminalModes.enter(mouse: true), as: UTF8.self)
        let leave = String(decoding: ANSITerminalModes.leave, as: UTF8.self)
        for mode in ["1049", "25", "2004", "1000", "1006"] {
            #expect(enter.contains("[?\(mode)h") || (mode == "25" && enter.contains("[?25l")))
            #expect(leave.contains("[?\(mode)l") || (mode == "25" && leave.contains("[?25h")))
        }
    }
}

/// A small seeded generator for the tests (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
