import Foundation
import Testing

/// Nothing read from a file, a recording or an argument reaches the terminal
/// as a control sequence: ESC, BEL, OSC and C1 controls are spelled out in every
/// echo path (validation errors, theme warnings, debriefs, replay, CLI errors).
@Suite struct EscapingTests {
    /// ESC, BEL, an OSC that sets the window title, a CSI that clears the screen, and C1 CSI.
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"

    static func expectNoControls(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
        #expect(raw.isEmpty, "raw control characters \(raw.map { String($0.value, radix: 16) }) in: \(text.debugDescription)",
                sourceLocation: sourceLocation)
    }

    static func expectNoControls(_ result: CLITests.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoControls(result.stdout, sourceLocation: sourceLocation)
        expectNoControls(result.stderr, sourceLocation: sourceLocation)
    }

    @Test func scenarioValidationErrors() throws {
        let scratch = try Scratch()
        // A key the YAML reader accepts (quoted, with escapes) but validation does not know.
        let file = try scratch.write("s.yaml", "id: x\ntitle: \"a\\e]0;pwned\\a\"\n\"k\\e[2J\\x9b\": 1\nbriefing: b\nduration: 10m\npar: 1\n")
        for command in [["scenarios", "validate", file], ["simulate", "--scenario", file]] {
            let result = try CLITests.run(command)
            #expect(result.status == 2)
            Self.expectNoControls(result)
            #expect(result.stderr.contains(#"k\u{1B}[2J\u{9B}: unknown key"#), "\(result.stderr)")
            #expect(result.stderr.contains("s.yaml:2:8: title: control character U+001B is not allowed in text"), "\(result.stderr)")
        }
        let raw = try scratch.write("raw.yaml", "id: x\ntitle: ab\(Self.hostile)\n")
        let result = try CLITests.run(["scenarios", "validate", raw])
        Self.expectNoControls(result)
        #expect(result.stderr == "\(raw):2:10: YAML: control characters are not allowed (found U+001B)\n")
    }

    @Test func themeWarningsAndErrors() throws {
        let scratch = try Scratch()
        let theme = try scratch.write("t.yaml", "critical: red\n\"x\\e]0;pwned\\a\": red\nname: \"n\\e[2J\"\n")
        let result = try CLITests.run(["themes", "preview", theme, "--depth", "mono", "--size", "80x24"])
        #expect(result.status == 0)
        Self.expectNoControls(result.stderr)
        #expect(result.stderr.contains(#"x\u{1B}]0;pwned\u{07}: unknown key, ignored"#), "\(result.stderr)")
        // Lines of a shadow file read as YAML keys: one line about the file, none of its lines.
        let shadow = try scratch.write("shadow", "root:$6$salt$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
        let refused = try CLITests.run(["themes", "preview", shadow])
        #expect(refused.stderr == "gameday: \(shadow): not a theme file: none of its keys is a colour role (see themes/dark.yaml)\n")
        let raw = try scratch.write("raw.yaml", "critical: red\nsecret\(Self.hostile): 1\n")
        let unreadable = try CLITests.run(["themes", "preview", raw])
        #expect(unreadable.stderr == "gameday: \(raw):2: not valid YAML: control characters are not allowed\n", "nothing of the file quoted")
    }

    /// A recording's team name is echoed by debrief, export and replay: edited to carry escapes.
    @Test func debriefExportAndReplayOfAHostileRecording() throws {
        let scratch = try Scratch()
        _ = try scratch.recording(minutes: 3)
        let text = try #require(scratch.read("r.jsonl"))
        let team = String(decoding: try JSONEncoder().encode(Self.hostile), as: UTF8.self)
        let hostile = try scratch.write("hostile\u{1B}[2J.jsonl", text.replacingOccurrences(of: "\"team\":\"you\"", with: "\"team\":\(team)"))
        let markdown = try CLITests.run(["debrief", hostile])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        Self.expectNoControls(markdown)
        #expect(markdown.stdout.contains(#"Team **\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m**"#), "\(markdown.stdout.prefix(300))")
        let json = try CLITests.run(["debrief", hostile, "--format", "json"])
        Self.expectNoControls(json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["team"] as? String == Self.hostile, "the JSON still says exactly what the file said")
        let verify = try CLITests.run(["replay", "--verify", hostile])
        Self.expectNoControls(verify)
        #expect(verify.stdout.contains(#"hostile\u{1B}[2J.jsonl: ok"#), "\(verify.stdout)")
        let cast = scratch.path("out.cast")
        let export = try CLITests.run(["export", hostile, "--asciicast", cast])
        Self.expectNoControls(export)
        let header = try #require(scratch.read("out.cast")?.split(separator: "\n").first)
        #expect(header.contains(#"\\u{1B}]0;pwned"#), "the title names the team without its escape: \(header)")
    }

    @Test func commandLineErrors() throws {
        for arguments in [["simulate", "--scenario", Self.hostile], ["simulate", "--command", "00:01:00 scale \(Self.hostile) 3"],
                          ["simulate", "--team", Self.hostile], ["--\(Self.hostile)"], ["debrief", "/no/such\(Self.hostile).jsonl"],
                          ["themes", "preview", Self.hostile]] {
            let result = try CLITests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            Self.expectNoControls(result)
            #expect(result.stderr.contains(#"\u{1B}"#), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }
}
