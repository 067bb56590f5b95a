import Testing
@testable import ScreenKit

/// Wide characters in the cell buffer, in `Format` and in the renderers.
@Suite struct WideCellTests {
    /// Every row of the buffer is exactly as wide as the buffer, in display columns.
    static func expectRowsFit(_ buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<buffer.height {
            #expect(DisplayWidth.of(buffer.row(y)) == buffer.width, "row \(y): '\(buffer.row(y))'", sourceLocation: sourceLocation)
        }
    }

    /// What a host sends a remote console: random edits, frame after frame, with
    /// rows left alone, restyled or rewritten; the runs always rebuild the frame.
    @Test func theRunsBetweenTwoFramesRebuildTheNewOne() {
        var generator = SplitMix(seed: 11)
        let words = ["ok", "down", "ユニ", "🦄", "é", "│", "slow", "  ", "👩‍👩‍👧‍👦"]
        var remote = CellBuffer(width: 30, height: 8)
        var frame = CellBuffer(width: 30, height: 8)
        var unchangedRows = 0
        for _ in 0..<300 {
            let before = frame
            for _ in 0..<Int(generator.next() % 4) {
                let word = words[Int(generator.next() % UInt64(words.count))]
                frame.put(word, x: Int(generator.next() % 30), y: Int(generator.next() % 8),
                          role: Role.allCases[Int(generator.next() % 4)], attributes: generator.next() % 3 == 0 ? [.bold] : [])
            }
            let runs = frame.changes(since: before)
            unchangedRows += 8 - Set(runs.map(\.y)).count
            remote.apply(runs)
            let rebuilt = remote == frame
            #expect(rebuilt, "\(frame.text)")
        }
        #expect(unchangedRows > 300, "rows that did not change send nothing")
    }

    @Test func aWideCharacterTakesTwoCellsAndShowsOnce() {
        var buffer = CellBuffer(width: 12, height: 1)
        #expect(buffer.put("ユニ 🦄!", x: 1, y: 0) == 8)
        #expect(buffer.text == " ユニ 🦄!")
        #expect(buffer[2, 0].isContinuation && buffer[4, 0].isContinuation && buffer[7, 0].isContinuation)
        #expect(buffer[1, 0].character == "ユ" && buffer[6, 0].character == "🦄")
        Self.expectRowsFit(buffer)
    }

    @Test func clustersStayWhole() {
        var buffer = CellBuffer(width: 10, height: 1)
        #expect(buffer.put("e\u{301}\u{2600}\u{FE0F}👍🏽x", x: 0, y: 0) == 6)
        #expect(buffer[0, 0].character == "e\u{301}")
        #expect(buffer[1, 0].character == "\u{2600}\u{FE0F}" && buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].character == "👍🏽")
        #expect(buffer.text == "e\u{301}\u{2600}\u{FE0F}👍🏽x")
        // Too long to keep inline: the base emoji stays, two columns as before.
        #expect(Cell("👨‍👩‍👧‍👦").character == "👨")
        #expect(Cell("👩‍💻").character == "👩‍💻")
    }

    @Test func putNeverWritesHalfAWideCharacter() {
        var buffer = CellBuffer(width: 6, height: 3)
        // At the limit: never the left half; the cut shows "…".
        #expect(buffer.put("aユb", x: 0, y: 0, limit: 2) == 2)
        #expect(buffer.row(0) == "a…    " && !buffer[1, 0].isContinuation)
        // At the right edge.
        #expect(buffer.put("abcdeユ", x: 0, y: 1) == 6)
        #expect(buffer.row(1) == "abcde…")
        // Starting left of the buffer: the right half would show, a space instead.
        #expect(buffer.put("ユab", x: -1, y: 2) == 4)
        #expect(buffer.row(2) == " ab   ")
        Self.expectRowsFit(buffer)
    }

    /// Text never disappears silently: a cut ends in "…" and is logged; padding that does
    /// not fit is no cut; a clip keeps a pane's text out of its neighbour.
    @Test func cutTextEndsWithAnEllipsisAndIsLogged() {
        var buffer = CellBuffer(width: 12, height: 3)
        buffer.put("all workers busy", x: 0, y: 0, limit: 10)
        #expect(buffer.row(0) == "all worke…  ")
        buffer.put("padded    ", x: 0, y: 1, limit: 6)
        #expect(buffer.cuts.map(\.text) == ["all workers busy"])
        #expect(buffer.cuts.first?.ellipsisX == 9)
        buffer.clip = Rect(x: 2, y: 2, width: 5, height: 1)
        buffer.put("left pane text", x: 2, y: 2)
        buffer.put("outside", x: 0, y: 1)
        buffer.clip = nil
        #expect(buffer.row(2) == "  left…     ")
        #expect(buffer.row(1) == "padded      ", "nothing is written outside the clip")
        #expect(buffer.cuts.count == 2)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 8, height: 5)
        for y in 0..<5 { buffer.put("ユニコ", x: 0, y: y) }
        buffer.put("x", x: 1, y: 0)          // right half of ユ
        buffer.put("y", x: 2, y: 1)          // left half of ニ
        buffer[3, 2] = Cell("z")             // right half of ニ
        buffer.put("界", x: 1, y: 3)         // straddles ユ and ニ
        buffer.fill(Rect(x: 1, y: 4, width: 2, height: 1), with: Cell("-"))
        #expect(buffer.row(0) == " xニコ  ")
        #expect(buffer.row(1) == "ユy コ  ")
        #expect(buffer.row(2) == "ユ zコ  ")
        #expect(buffer.row(3) == " 界 コ  ")
        #expect(buffer.row(4) == " -- コ  ")
        for y in 0..<5 {
            for x in 1..<8 where buffer[x, y].isContinuation {
                #expect(DisplayWidth.of(buffer[x - 1, y].character) == 2, "orphan continuation at \(x),\(y)")
            }
        }
        Self.expectRowsFit(buffer)
    }

    @Test func restyleAndRewriteKeepWideCharactersWhole() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("aユb", x: 0, y: 0)
        buffer.restyle(Rect(x: 2, y: 0, width: 1, height: 1), role: .selection)
        #expect(buffer[1, 0].role == .selection && buffer[2, 0].role == .selection && buffer[3, 0].role == .text)
        // Reading a cell and writing it back (the command line's cursor) keeps the character whole.
        var cell = buffer[1, 0]
        cell.attributes.insert(.reverse)
        buffer[1, 0] = cell
        #expect(buffer.row(0) == "aユb  " && buffer[2, 0].isContinuation)
    }

    @Test func boxTitlesAndPutRightCountColumns() {
        var buffer = CellBuffer(width: 8, height: 3)
        buffer.box(Rect(x: 0, y: 0, width: 8, height: 3), title: "ユニコーン", glyphs: .unicode)
        #expect(buffer.row(0) == "╭ ユニ…╮", "a cut title says so")
        buffer.putRight("界!", endX: 7, y: 1)
        #expect(buffer.row(1) == "│   界!│")
        Self.expectRowsFit(buffer)
    }

    @Test func asciiTransliterationKeepsColumns() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("aユ🦄e\u{301}─", x: 0, y: 0)
        buffer.transliterateToASCII()
        #expect(buffer.row(0) == "a? ? e-   ")
        #expect(buffer.cells.allSatisfy { $0.isASCII && !$0.isContinuation })
    }

    @Test func ansiWritesEachCharacterOnce() {
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.put("ユa", x: 0, y: 0)
        buffer.put("🦄🦄🦄", x: 0, y: 1)
        let out = ANSIRenderer.render(buffer, theme: .dark, depth: .monochrome)
        var plain = ""
        var inEscape = false
        for ch in out {
            if ch == "\u{1B}" { inEscape = true } else if inEscape { if ch == "m" { inEscape = false } } else { plain.append(ch) }
        }
        #expect(plain == "ユa   \r\n🦄🦄🦄")
    }
}

@Suite struct WideFormatTests {
    @Test func fitCountsColumnsAndNeverSplitsAWideCharacter() {
        #expect(Format.fit("ユニコーン", 10) == "ユニコーン")
        #expect(Format.fit("ユニコーン", 12) == "ユニコーン  ")
        #expect(Format.fit("ユニコーン", 5) == "ユニ…")
        #expect(Format.fit("ユニコーン", 4) == "ユ… ")
        #expect(Format.fit("aユ", 2) == "a…")
        #expect(Format.fit("ユ", 1) == "…")
        #expect(Format.fit("ユ", 3, alignRight: true) == " ユ")
        #expect(Format.fit("🦄 Flash sale", 6, ellipsis: "~") == "🦄 Fl~")
        #expect(Format.fit("cafe\u{301}", 4) == "cafe\u{301}")
        for width in 1...12 {
            #expect(DisplayWidth.of(Format.fit("aユニ🦄コーンb", width)) == width)
        }
    }

    @Test func wrapCountsColumns() {
        #expect(Format.wrap("ユニコーン ユニコーン", width: 10) == ["ユニコーン", "ユニコーン"])
        #expect(Format.wrap("ユニコーン ユニコーン", width: 11) == ["ユニコーン", "ユニコーン"])
        #expect(Format.wrap("ユニコーンユニコーン", width: 5) == ["ユニ", "コー", "ンユ", "ニコ", "ーン"])
        #expect(Format.wrap("🦄 Flash sale at noon", width: 8) == ["🦄 Flash", "sale at", "noon"])
    }

    @Test func lineEditorCursorCountsColumns() {
        var editor = LineEditor(text: "ユニ")
        #expect(editor.cursor == 2 && editor.cursorColumn == 4)
        _ = editor.handle(.left)
        #expect(editor.cursorColumn == 2)
    }
}
