import Foundation
import Testing
@testable import Session

/// The one escaping function: what it spells out, what it leaves alone, and
/// that JSON stays the same JSON value.
@Suite struct ControlCharactersTests {
    @Test func escapeSequencesBellsAndOSCAreSpelledOut() {
        #expect(ControlCharacters.escaped("\u{1B}[2J") == #"\u{1B}[2J"#)
        #expect(ControlCharacters.escaped("team \u{1B}]0;pwned\u{07}") == #"team \u{1B}]0;pwned\u{07}"#)
        #expect(ControlCharacters.escaped("a\rb") == #"a\u{0D}b"#, "a carriage return could overwrite the line")
        #expect(ControlCharacters.escaped("\u{9B}31m") == #"\u{9B}31m"#, "C1 CSI")
        #expect(ControlCharacters.escaped("\u{7F}") == #"\u{7F}"#)
        #expect(ControlCharacters.escaped("abc\u{202E}fed") == #"abc\u{202E}fed"#, "a bidirectional override")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["scale web 6", "Unicorn.Rentals · 00:13:41 ✖ ▲", "日本語のチーム", "e\u{301}", "🦄", ""] {
            #expect(ControlCharacters.escaped(text) == text)
        }
    }

    @Test func lineBreaksStayOnlyWhenAsked() {
        #expect(ControlCharacters.escaped("one\ntwo\tthree") == #"one\u{0A}two\u{09}three"#)
        #expect(ControlCharacters.escaped("one\ntwo\tthree\u{1B}", keepingLineBreaks: true) == "one\ntwo\tthree" + #"\u{1B}"#)
    }

    @Test func jsonKeepsItsValueAndLosesItsControls() throws {
        let original = ["team": "x\u{1B}]0;t\u{07}\u{9B}\u{7F}\u{202E}y"]
        let encoded = String(decoding: try JSONEncoder().encode(original), as: UTF8.self)
        let safe = ControlCharacters.jsonEscaped(encoded)
        #expect(!safe.unicodeScalars.contains { ControlCharacters.isUnsafe($0) })
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(decoded == original)
    }
}
