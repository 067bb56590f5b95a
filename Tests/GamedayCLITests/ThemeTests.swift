import Foundation
import Testing

/// Themes from the command line: list, preview, bad files, and a bad theme never stops a game.
@Suite struct ThemeCLITests {
    static let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConsoleTests/BrokenThemes/bad-colour.yaml").path

    @Test func listAndPreview() throws {
        let list = try CLITests.run(["themes", "list"])
        #expect(list.status == 0)
        for name in ["dark", "light", "high-contrast", "colorblind", "monochrome"] { #expect(list.stdout.contains(name)) }
        let preview = try CLITests.run(["themes", "preview", "colorblind", "--depth", "truecolor", "--size", "80x24"])
        #expect(preview.status == 0)
        #expect(preview.stdout.contains("38;2;213;94;0"), "Okabe–Ito vermilion in 24-bit")
        let mono = try CLITests.run(["themes", "preview", "dark", "--depth", "mono"])
        #expect(!mono.stdout.contains("38;5"))
    }

    @Test func badThemesAreNamedWithFileLineAndKey() throws {
        let result = try CLITests.run(["themes", "preview", Self.broken])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad-colour.yaml:3: critical: 'blood-red' is not a colour (use #RRGGBB"))
        let unknown = try CLITests.run(["themes", "preview", "purple-rain"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown theme 'purple-rain' (themes: colorblind, dark,"))
    }
}

/// A bad theme never stops the game: it starts in dark and says why.
@Suite(.serialized) struct ThemeEndToEndTests {
    @Test func aBadThemeStartsWithDarkAndSaysWhy() throws {
        let tmux = try Tmux(command: "\(ConsoleEndToEndTests.binary) play --no-record --theme \(ThemeCLITests.broken) 2>/dev/null",
                            environment: ConsoleEndToEndTests.utf8)
        #expect(try tmux.wait(for: "Enter start") != nil)
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "is not a colour") != nil, "the problem is on screen")
        try tmux.press(":")
        try tmux.type("theme light")
        try tmux.press("Enter")
        #expect(try tmux.wait(for: "theme light") != nil)
        try tmux.press("C-c")
        #expect(try tmux.wait(for: "EXIT:130") != nil)
    }
}
