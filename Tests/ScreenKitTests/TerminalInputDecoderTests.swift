import Testing
@testable import ScreenKit

/// Keys as real terminals send them (over SSH nothing decodes them for us).
@Suite struct TerminalInputDecoderTests {
    /// Bytes that xterm, tmux (TERM=tmux-256color / screen), iTerm2, the Linux
    /// console, rxvt and PuTTY send, and what they mean. Each is fed whole.
    static let table: [(terminals: String, bytes: String, input: TerminalInput)] = [
        ("xterm tmux iTerm2 (normal cursor mode)", "\u{1B}[A", .key(.up)),
        ("xterm tmux iTerm2", "\u{1B}[B", .key(.down)),
        ("xterm tmux iTerm2", "\u{1B}[C", .key(.right)),
        ("xterm tmux iTerm2", "\u{1B}[D", .key(.left)),
        ("xterm tmux iTerm2 (application cursor mode)", "\u{1B}OA", .key(.up)),
        ("application cursor mode", "\u{1B}OB", .key(.down)),
        ("application cursor mode", "\u{1B}OC", .key(.right)),
        ("application cursor mode", "\u{1B}OD", .key(.left)),
        ("xterm Ctrl-↑ (modifiers ignored)", "\u{1B}[1;5A", .key(.up)),
        ("xterm Shift-↓", "\u{1B}[1;2B", .key(.down)),
        ("xterm Alt-←", "\u{1B}[1;3D", .alt(.left)),
        ("rxvt iTerm2 Alt-↑ (ESC first)", "\u{1B}\u{1B}[A", .alt(.up)),
        ("xterm Home", "\u{1B}[H", .key(.home)),
        ("xterm End", "\u{1B}[F", .key(.end)),
        ("xterm application mode Home", "\u{1B}OH", .key(.home)),
        ("xterm application mode End", "\u{1B}OF", .key(.end)),
        ("tmux screen linux PuTTY Home", "\u{1B}[1~", .key(.home)),
        ("tmux screen linux PuTTY End", "\u{1B}[4~", .key(.end)),
        ("rxvt Home", "\u{1B}[7~", .key(.home)),
        ("rxvt End", "\u{1B}[8~", .key(.end)),
        ("all PgUp", "\u{1B}[5~", .key(.pageUp)),
        ("all PgDn", "\u{1B}[6~", .key(.pageDown)),
        ("xterm Ctrl-PgDn", "\u{1B}[6;5~", .key(.pageDown)),
        ("all Delete", "\u{1B}[3~", .key(.delete)),
        ("Insert (not bound)", "\u{1B}[2~", .unknown),
        ("xterm tmux iTerm2 F1", "\u{1B}OP", .key(.f1)),
        ("xterm F2", "\u{1B}OQ", .function(2)),
        ("xterm F3", "\u{1B}OR", .function(3)),
        ("xterm F4", "\u{1B}OS", .function(4)),
        ("rxvt PuTTY F1", "\u{1B}[11~", .key(.f1)),
        ("rxvt PuTTY F4", "\u{1B}[14~", .function(4)),
        ("Linux console F1", "\u{1B}[[A", .key(.f1)),
        ("Linux console F3", "\u{1B}[[C", .function(3)),
        ("xterm Shift-F1", "\u{1B}[1;2P", .key(.f1)),
        ("F5", "\u{1B}[15~", .function(5)),
        ("F12", "\u{1B}[24~", .function(12)),
        ("Shift-Tab", "\u{1B}[Z", .key(.backTab)),
        ("Tab", "\t", .key(.tab)),
        ("Enter (CR, a terminal in raw mode)", "\r", .key(.enter)),
        ("Enter (LF)", "\n", .key(.enter)),
        ("Enter (CR LF, one key)", "\r\n", .key(.enter)),
        ("Enter (CR NUL, telnet-like)", "\r\u{0}", .key(.enter)),
        ("keypad Enter in application mode", "\u{1B}OM", .key(.enter)),
        ("Backspace (DEL: xterm tmux iTerm2)", "\u{7F}", .key(.backspace)),
        ("Backspace (BS: some PuTTY and Windows setups)", "\u{8}", .key(.backspace)),
        ("Ctrl-A", "\u{1}", .key(.ctrl("a"))),
        ("Ctrl-C", "\u{3}", .key(.ctrl("c"))),
        ("Ctrl-U", "\u{15}", .key(.ctrl("u"))),
        ("Ctrl-Z", "\u{1A}", .key(.ctrl("z"))),
        ("Alt-x (ESC prefix)", "\u{1B}x", .alt(.char("x"))),
        ("Alt-Backspace", "\u{1B}\u{7F}", .alt(.backspace)),
        ("Alt-Enter", "\u{1B}\r", .alt(.enter)),
        ("Alt-é", "\u{1B}é", .alt(.char("é"))),
        ("a letter", "s", .key(.char("s"))),
        ("space", " ", .key(.char(" "))),
        ("UTF-8, two bytes", "é", .key(.char("é"))),
        ("UTF-8, three bytes", "ユ", .key(.char("ユ"))),
        ("UTF-8, four bytes", "🦄", .key(.char("🦄"))),
        ("SGR 1006 left press at column 10, row 5", "\u{1B}[<0;11;6M", .key(.click(x: 10, y: 5))),
        ("SGR 1006 left release", "\u{1B}[<0;11;6m", .mouse(MouseReport(x: 10, y: 5, button: 0, isPress: false))),
        ("SGR 1006 right press", "\u{1B}[<2;1;1M", .mouse(MouseReport(x: 0, y: 0, button: 2, isPress: true))),
        ("SGR 1006 wheel up", "\u{1B}[<64;3;4M", .mouse(MouseReport(x: 2, y: 3, button: 0, isPress: true, wheel: -1))),
        ("SGR 1006 wheel down", "\u{1B}[<65;3;4M", .mouse(MouseReport(x: 2, y: 3, button: 0, isPress: true, wheel: 1))),
        ("SGR 1006 drag", "\u{1B}[<32;5;5M", .mouse(MouseReport(x: 4, y: 4, button: 0, isPress: false))),
        ("X10 left press at 0,0", "\u{1B}[M !!", .key(.click(x: 0, y: 0))),
        ("X10 release", "\u{1B}[M#!!", .mouse(MouseReport(x: 0, y: 0, button: 0, isPress: false))),
        ("focus in (not asked for)", "\u{1B}[I", .unknown),
        ("bracketed paste", "\u{1B}[200~scale web 6\u{1B}[201~", .paste("scale web 6")),
        ("bracketed paste with a line break and ESC in it", "\u{1B}[200~a\r\u{1B}b\u{1B}[201~", .paste("a\r\u{1B}b")),
    ]

    static func decodeWhole(_ text: String) -> [TerminalInput] {
        var decoder = TerminalInputDecoder()
        var out = decoder.feed(Array(text.utf8))
        if decoder.needsTimeout { out += decoder.timeout() }
        return out
    }

    @Test func realTerminalSequences() {
        for row in Self.table {
            #expect(Self.decodeWhole(row.bytes) == [row.input], "\(row.terminals): \(Array(row.bytes.utf8))")
        }
    }

    /// The same sequences split at every byte (a slow link): the same inputs, none early.
    @Test func sequencesSplitAcrossReads() {
        for row in Self.table where !row.bytes.hasSuffix("\r") {
            var decoder = TerminalInputDecoder()
            var out: [TerminalInput] = []
            for byte in row.bytes.utf8 { out += decoder.feed([byte]) }
            if decoder.needsTimeout { out += decoder.timeout() }
            // CR LF split in two is two Enters: a lone CR cannot wait for an LF that may never come.
            let expected: [TerminalInput] = row.bytes == "\r\n" ? [.key(.enter), .key(.enter)]
                : row.bytes == "\r\u{0}" ? [.key(.enter)] : [row.input]
            #expect(out == expected, "\(row.terminals) byte by byte")
        }
    }

    @Test func aLoneEscapeWaitsForTheTimeout() {
        var decoder = TerminalInputDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.needsTimeout)
        #expect(decoder.timeout() == [.key(.escape)])
        #expect(!decoder.needsTimeout)
        // ESC then the rest of an arrow before the timeout: the arrow, not Esc.
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.feed(Array("[A".utf8)) == [.key(.up)])
        // Esc pressed twice.
        #expect(decoder.feed([0x1B, 0x1B]).isEmpty)
        #expect(decoder.timeout() == [.key(.escape), .key(.escape)])
        // Esc then a letter typed slowly: Esc, then the letter.
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.timeout() == [.key(.escape)])
        #expect(decoder.feed(Array("q".utf8)) == [.key(.char("q"))])
        // ESC [ with nothing after it: Alt-[.
        #expect(decoder.feed(Array("\u{1B}[".utf8)).isEmpty)
        #expect(decoder.timeout() == [.alt(.char("["))])
    }

    @Test func typingRunsTogether() {
        #expect(Self.decodeWhole(":scale web 6\r") == ":scale web 6".map { .key(.char($0)) } + [.key(.enter)])
        #expect(Self.decodeWhole("\u{1B}[A\u{1B}[Bq") == [.key(.up), .key(.down), .key(.char("q"))])
        #expect(Self.decodeWhole("a\u{1B}[200~pasted\u{1B}[201~b") == [.key(.char("a")), .paste("pasted"), .key(.char("b"))])
    }

    @Test func garbageNeverStopsTheDecoder() {
        // Invalid UTF-8, a sequence cut by a control byte, an endless parameter list, NUL.
        var decoder = TerminalInputDecoder()
        let garbage: [UInt8] = [0xFF, 0xC3, 0x28, 0x1B, 0x5B, 0x31, 0x03, 0x00] + [0x1B, 0x5B] + Array(repeating: 0x31, count: 100) + [0x41]
        let out = decoder.feed(garbage) + decoder.timeout()
        #expect(out.contains(.key(.ctrl("c"))))
        #expect(decoder.feed(Array("ok".utf8)) == [.key(.char("o")), .key(.char("k"))])
        // A paste that never ends is bounded.
        var pasting = TerminalInputDecoder()
        _ = pasting.feed(Array("\u{1B}[200~".utf8))
        for _ in 0..<100 { _ = pasting.feed(Array(repeating: UInt8(ascii: "x"), count: 1_024)) }
        let end = pasting.feed(Array("\u{1B}[201~".utf8))
        #expect(end == [.paste(String(repeating: "x", count: TerminalInputDecoder.maxPasteBytes))])
    }

    @Test func consoleKeysOfEachInput() {
        #expect(TerminalInput.key(.up).consoleKeys == [.up])
        #expect(TerminalInput.mouse(MouseReport(x: 0, y: 0, button: 0, isPress: true, wheel: -1)).consoleKeys == [.up])
        #expect(TerminalInput.mouse(MouseReport(x: 0, y: 0, button: 0, isPress: true, wheel: 1)).consoleKeys == [.down])
        #expect(TerminalInput.alt(.char("x")).consoleKeys.isEmpty)
        #expect(TerminalInput.function(5).consoleKeys.isEmpty)
    }
}
