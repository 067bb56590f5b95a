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
