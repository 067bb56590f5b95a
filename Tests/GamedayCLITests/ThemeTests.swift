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

    /// An installed binary (copied away from the checkout) still has every shipped theme,
    /// and themes in the user's config folder add to them or replace them by name.
    @Test func aBinaryCopiedAnywhereHasItsThemesAndFindsTheUsers() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        let bin = home.appendingPathComponent("bin"), themes = home.appendingPathComponent(".config/gameday/themes")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let copy = bin.appendingPathComponent("gameday")
        try FileManager.default.copyItem(at: CLITests.binary, to: copy)
        try "name: sunset\ndescription: Mine.\ncritical: \"#FF0000 bold\"\n".write(to: themes.appendingPathComponent("sunset.yaml"), atomically: true, encoding: .utf8)
        let environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        let list = try CLITests.run(["themes", "list"], executable: copy, in: home, environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        for name in ThemeTestsSupport.shipped {
            #expect(list.stdout.contains(name) && list.stdout.contains("built in"), "\(name)")
            let preview = try CLITests.run(["themes", "preview", name, "--depth", "256"], executable: copy, in: home, environment: environment)
            #expect(preview.status == 0, "\(name): \(preview.stderr)")
        }
        #expect(list.stdout.contains("sunset") && list.stdout.contains(themes.appendingPathComponent("sunset.yaml").path))
        let mine = try CLITests.run(["themes", "preview", "sunset", "--depth", "truecolor"], executable: copy, in: home, environment: environment)
        #expect(mine.stdout.contains("38;2;255;0;0"), "the user's theme is used")
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

enum ThemeTestsSupport {
    static let shipped = ["dark", "light", "high-contrast", "colorblind", "monochrome"]
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
