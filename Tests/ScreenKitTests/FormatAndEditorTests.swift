import Testing
@testable import ScreenKit

@Suite struct FormatTests {
    @Test func numbers() {
        #expect(Format.grouped(1_234_567) == "1,234,567")
        #expect(Format.grouped(-1_000) == "-1,000")
        #expect(Format.fixed(1234.56, 1) == "1,234.6")
        #expect(Format.fixed(-0.04, 1) == "0.0")
        #expect(Format.fixed(-2.5, 0) == "-3")
        #expect(Format.compact(30_535) == "31k")
        #expect(Format.compact(1_234) == "1.2k")
        #expect(Format.percent(0.0004) == "<0.1%")
        #expect(Format.percent(0.25) == "25%")
        #expect(Format.latency(85.4) == "85ms")
        #expect(Format.latency(1_250) == "1.3s")
        #expect(Format.duration(185) == "3m05s")
    }

    @Test func fitAndWrap() {
        #expect(Format.fit("payment-provider", 14) == "payment-provi…")
        #expect(Format.fit("web", 5) == "web  ")
        #expect(Format.fit("7", 3, alignRight: true) == "  7")
        #expect(Format.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
    }

    @Test func wrapBreaksAtSpacesKeepsParagraphsAndBreaksLongWords() {
        #expect(Format.wrap("  two   spaces  ", width: 20) == ["two spaces"])
        #expect(Format.wrap("one\n\ntwo", width: 9) == ["one", "", "two"])
        #expect(Format.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(Format.wrap("abcdefgh xy", width: 4) == ["abcd", "efgh", "xy"])
        #expect(Format.wrap("中文字 ok", width: 1) == ["中", "文", "字", "o", "k"])
        #expect(Format.wrap("café · déjà vu", width: 6) == ["café ·", "déjà", "vu"])
        #expect(Format.wrap("👍🏽👍🏽👍🏽", width: 4) == ["👍🏽👍🏽", "👍🏽"])
        #expect(Format.wrap("", width: 5) == [""])
        #expect(Format.wrap("anything", width: 0) == [])
    }

    /// The one-pass wrap gives what the plain String version gave, for random text of
    /// ASCII, spaces, newlines, wide characters, combining marks and emoji.
    @Test func wrapAgreesWithThePlainStringVersion() {
        let pieces = ["a", "bc", "def", " ", " ", "  ", "\n", "中", "e\u{301}", "👍🏽", "·", "\u{7}", "🇫🇷", " \u{301}"]
        var random = SplitMix(seed: 7)
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let width = 1 + Int(random.next() % 12)
            #expect(Format.wrap(text, width: width) == Self.plainWrap(text, width: width), "\(text.debugDescription) at \(width)")
        }
    }

    /// `Format.wrap` as it was before it walked bytes: the oracle for the test above.
    static func plainWrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = DisplayWidth.of(word)
                if line.isEmpty {
                    (line, lineWidth) = (String(word), wordWidth)
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                } else {
                    lines.append(line)
                    (line, lineWidth) = (String(word), wordWidth)
                }
                while lineWidth > width {
                    var (head, headWidth) = Format.prefix(line, columns: width)
                    if head.isEmpty { (head, headWidth) = (String(line.first!), DisplayWidth.of(line.first!)) }
                    lines.append(head)
                    line = String(line.dropFirst(head.count))
                    lineWidth -= headWidth
                }
            }
            lines.append(line)
        }
        return lines
    }
}

@Suite struct LineEditorTests {
    @Test func editsLikeAShell() {
        var editor = LineEditor()
        for ch in "scale web 4" { _ = editor.handle(.char(ch)) }
        _ = editor.handle(.left)
        _ = editor.handle(.backspace)
        _ = editor.handle(.char("9"))
        #expect(editor.text == "scale web94")
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "scale 4")
        _ = editor.handle(.home)
        _ = editor.handle(.delete)
        #expect(editor.text == "cale 4")
        _ = editor.handle(.ctrl("u"))
        #expect(editor.text.isEmpty)
    }

    @Test func movesAndDeletesAtBothEnds() {
        var editor = LineEditor(text: "abc")
        _ = editor.handle(.home)
        _ = editor.handle(.backspace)
        _ = editor.handle(.right)
        _ = editor.handle(.char("X"))
        #expect(editor.text == "aXbc" && editor.cursor == 2)
        _ = editor.handle(.end)
        _ = editor.handle(.delete)
        _ = editor.handle(.left)
        _ = editor.handle(.delete)
        #expect(editor.text == "aXb" && editor.cursor == 3)
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "" && editor.cursor == 0)
    }

    /// A paste far longer than the line: the first `maxLength` characters are kept,
    /// the rest refused, and the line still edits normally.
    @Test func aLongPasteIsCappedAndStillEdits() {
        var editor = LineEditor()
        for _ in 0..<100_000 { _ = editor.handle(.char("a")) }
        #expect(editor.count == LineEditor.defaultMaxLength && editor.isFull)
        #expect(editor.cursor == LineEditor.defaultMaxLength)
        _ = editor.handle(.backspace)
        #expect(!editor.isFull)
        _ = editor.handle(.char("z"))
        #expect(editor.text.hasSuffix("az") && editor.isFull)
        var short = LineEditor(maxLength: 3)
        for ch in "abcdef" { _ = short.handle(.char(ch)) }
        #expect(short.text == "abc")
        short.set("0123456789")
        #expect(short.text == "012")
    }

    /// The window keeps the cursor on screen: the start of a long line gives way to `…`.
    @Test func theWindowFollowsTheCursor() {
        var editor = LineEditor(text: "scale web 6")
        #expect(editor.window(width: 20) == ("scale web 6", 11))
        editor.set(String(repeating: "x", count: 50) + "tail")
        let window = editor.window(width: 20)
        #expect(window.text == "…" + String(repeating: "x", count: 14) + "tail")
        #expect(window.cursorColumn == 19, "the cursor's own cell is the last column")
        for _ in 0..<4 { _ = editor.handle(.left) }
        let moved = editor.window(width: 20)
        #expect(moved.text.hasSuffix("xtail") && moved.cursorColumn == 19)
        _ = editor.handle(.home)
        #expect(editor.window(width: 20).cursorColumn == 0)
        editor.set(String(repeating: "日", count: 20))
        let wide = editor.window(width: 20)
        #expect(wide.cursorColumn <= 19 && DisplayWidth.of(wide.text) == wide.cursorColumn)
    }

    @Test func historyRecallsWithinTheCap() {
        var editor = LineEditor(maxLength: 8)
        editor.set("scale web 4")
        #expect(editor.text == "scale we")
        editor.commit()
        _ = editor.handle(.up)
        #expect(editor.text == "scale we")
        _ = editor.handle(.down)
        #expect(editor.text.isEmpty)
    }
}

@Suite struct ColorMappingTests {
    @Test func knownValues() {
        #expect(ColorMapping.nearest256(r: 255, g: 0, b: 0) == 196)
        #expect(ColorMapping.nearest256(r: 0, g: 0, b: 0) == 16)
        #expect(ColorMapping.nearest256(r: 128, g: 128, b: 128) == 244)
        #expect(ColorMapping.nearestBasic(r: 250, g: 10, b: 10, count: 16) == 9)
        #expect(ColorMapping.nearestBasic(r: 200, g: 0, b: 0, count: 8) == 1)
        #expect(ColorMapping.terminalColor(.indexed(196), depth: .basic16) == 9)
        #expect(ColorMapping.terminalColor(.terminalDefault, depth: .indexed256) == -1)
    }
}

/// The table by scope answers exactly as the list does.
@Suite struct KeyBindingTableTests {
    enum Scope: Hashable, Sendable { case a, b }

    @Test func answersAsTheListDoes() {
        let bindings: [KeyBinding<Int, Scope>] = [
            KeyBinding([.key(.char("q"))], "q", "first q", in: [.a], 1),
            KeyBinding([.key(.char("q")), .key(.escape)], "q Esc", "second q", in: [.a, .b], 2),
            KeyBinding([.click], "click", "select", in: [.b], 3),
        ]
        let table = KeyBindingTable(bindings)
        for key in [Key.char("q"), .escape, .click(x: 1, y: 2), .char("z")] {
            for scopes in [[Scope.a], [.b], [.b, .a], []] {
                #expect(table.binding(for: key, in: scopes)?.action == bindings.binding(for: key, in: scopes)?.action, "\(key) in \(scopes)")
            }
        }
    }
}
