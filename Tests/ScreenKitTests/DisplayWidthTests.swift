import Testing
@testable import ScreenKit

/// Display widths from the generated East Asian Width table.
@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnAndControlsNone() {
        #expect(DisplayWidth.of("Unicorn.Rentals 42%") == 19)
        #expect(DisplayWidth.of("" as String) == 0)
        #expect(DisplayWidth.of("a\tb\u{7F}c\u{1B}") == 3)
        #expect(DisplayWidth.of("\u{85}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("é" as Character) == 1)
        #expect(DisplayWidth.of("\u{AD}" as Unicode.Scalar) == 1)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("ユニコーン") == 10)
        #expect(DisplayWidth.of("中文 ok") == 7)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("Ａ" as Character) == 2)
        #expect(DisplayWidth.of("ｱ" as Character) == 1)
        #expect(DisplayWidth.of("\u{20000}" as Unicode.Scalar) == 2)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("🦄" as Character) == 2)
        #expect(DisplayWidth.of("🦄 Flash sale") == 13)
        // Text presentation by default, emoji presentation with U+FE0F.
        #expect(DisplayWidth.of("\u{2600}" as Character) == 1)
        #expect(DisplayWidth.of("\u{2600}\u{FE0F}" as Character) == 2)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F} ops") == 6)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}" as Character) == 2)
        #expect(DisplayWidth.of("👍🏽" as Character) == 2)
        #expect(DisplayWidth.of("🇯🇵" as Character) == 2)
    }

    @Test func combiningMarksAndJoinersAddNothing() {
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("e\u{301}\u{323}" as Character) == 1)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("a\u{200B}b\u{200D}c\u{2060}") == 3)
        #expect(DisplayWidth.of("\u{FE0F}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{E0101}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}" as Character) == 2)
        #expect(DisplayWidth.of("\u{1161}" as Unicode.Scalar) == 0)
    }

    @Test func zeroWidthJoinerSequencesAreOneWideCharacter() {
        #expect(DisplayWidth.of("👩‍💻" as Character) == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦" as Character) == 2)
        #expect(DisplayWidth.of("team 👩‍💻👩‍💻") == 9)
    }

    /// The ASCII and Latin fast paths and the basic-plane lookup say what the ranges say.
    @Test func fastPathsAgreeWithTheTable() {
        let checked = Array(0..<0x1_0000) + Array(0x1_F000..<0x2_0100) + Array(0xE_0000..<0xE_0200)
        for value in checked where !(0xD800...0xDFFF).contains(value) {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(DisplayWidth.of(scalar) == DisplayWidth.tableWidth(UInt32(value)), "U+\(String(value, radix: 16))")
        }
        #expect(!DisplayWidth.unicodeVersion.isEmpty)
    }
}
