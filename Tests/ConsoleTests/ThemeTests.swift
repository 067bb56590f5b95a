import Foundation
import Testing
@testable import Console
@testable import ScreenKit

/// Shipped themes load and render; broken theme files say what is wrong;
/// states stay distinguishable without colour.
@Suite struct ThemeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shipped = ["dark", "light", "high-contrast", "colorblind", "monochrome"]

    static func load(_ name: String) throws -> (theme: Theme, warnings: [String]) {
        let path = root.appendingPathComponent("themes/\(name).yaml").path
        return try ThemeFile.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    @Test(arguments: shipped)
    func shippedThemeLoadsCleanAndRendersAtEveryDepth(name: String) throws {
        let (theme, warnings) = try Self.load(name)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(theme.name == name)
        #expect(!theme.description.isEmpty)
        let frame = ConsoleFixture.app(width: 100, height: 30, ticks: 900).render(glyphs: .unicode, now: 1_000_000)
        for depth in ColorDepth.allCases {
            let ansi = ANSIRenderer.render(frame, theme: theme, depth: depth)
            let plain = ansi.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(plain.replacingOccurrences(of: "\r", with: "") == frame.rows.joined(separator: "\n"), "\(name) at \(depth)")
            if depth == .monochrome { #expect(!ansi.contains("38;")) }
        }
    }

    @Test(arguments: shipped)
    func statesStayDistinguishableWithoutColour(name: String) throws {
        let (theme, _) = try Self.load(name)
        // inventory refuses every call (rentals: CRIT), the provider is slow (payments: WARN), the rest is fine.
        var app = ConsoleFixture.app(width: 100, height: 30, ticks: 60)
        try app.match.submit(.dependencyOutage(service: "inventory", seconds: 600))
        try app.match.submit(.dependencyLatency(service: "payment-provider", addedMs: 2_000, seconds: 600))
        _ = app.advance(ticks: 120, now: 0)
        let frame = app.render(glyphs: .unicode, now: 1_000_000)
        let plain = ANSIRenderer.render(frame, theme: theme, depth: .monochrome)
            .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        for word in ["✖ CRIT", "▲ WARN", "● OK"] { #expect(plain.contains(word), "\(name): \(word)") }
        // In colour, the three states also differ in style.
        let states = [Role.ok, .warning, .critical].map { theme.style($0) }
        #expect(Set(states).count == 3, "\(name): ok, warning and critical look alike")
    }

    @Test func darkFileIsTheBuiltInFallback() throws {
        let (theme, _) = try Self.load("dark")
        for role in Role.allCases { #expect(theme.style(role) == Theme.dark.style(role), "\(role)") }
    }

    static var broken: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/ConsoleTests/BrokenThemes").path)) ?? []).sorted()
    }

    @Test(arguments: broken)
    func brokenThemesSayWhatIsWrong(file: String) throws {
        let path = Self.root.appendingPathComponent("Tests/ConsoleTests/BrokenThemes/\(file)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let first = String(text.split(separator: "\n")[0])
        let isError = first.hasPrefix("# expect-error: ")
        let expected = first.replacingOccurrences(of: isError ? "# expect-error: " : "# expect-warning: ", with: "")
            .components(separatedBy: " | ").map { $0.replacingOccurrences(of: "FILE", with: path) }
        var said: [String] = []
        do {
            let (_, warnings) = try ThemeFile.parse(text, file: path)
            #expect(!isError, "\(file) should have been refused")
            said = warnings
        } catch {
            #expect(isError, "\(file): \(error)")
            said = error.errors
        }
        for message in expected { #expect(said.contains { $0.hasPrefix(message) || $0.contains(message) }, "\(file): expected \(message)\nsaid: \(said)") }
    }

    @Test func coloursMapToKnownPaletteEntries() throws {
        #expect(try ThemeFile.color("#D55E00", at: "t", key: "k") == .rgb(0xD5, 0x5E, 0x00))
        #expect(try ThemeFile.color("bright-red", at: "t", key: "k") == .named(9))
        #expect(try ThemeFile.color("208", at: "t", key: "k") == .indexed(208))
        #expect(ColorMapping.terminalColor(.rgb(0xD5, 0x5E, 0x00), depth: .indexed256) == 166)
        #expect(ColorMapping.terminalColor(.rgb(0x00, 0xFF, 0x00), depth: .indexed256) == 46)
        #expect(ColorMapping.terminalColor(.rgb(0xE6, 0x9F, 0x00), depth: .basic16) == 3)
        #expect(ColorMapping.terminalColor(.named(12), depth: .basic8) == 4)
        #expect(ColorMapping.terminalColor(.indexed(231), depth: .basic16) == 15)
        #expect(ColorMapping.directColor(.rgb(0xD5, 0x5E, 0x00)) == 0xD55E00)
        #expect(ColorMapping.directColor(.indexed(196)) == 0xFF0000)
        #expect(ColorMapping.directColor(.named(1)) == 1, "the first eight stay ANSI colours")
        #expect(ColorDepth.detect(colors: 1 << 24, environment: [:], noColorFlag: false) == .trueColor)
    }
}

extension CellBuffer {
    var rows: [String] { (0..<height).map(row) }
}
