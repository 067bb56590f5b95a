import Foundation
import Testing

/// `debrief` of a recording whose checkpoint hash was edited says it diverged,
/// where and on which line, in Markdown and in JSON.
@Suite struct DebriefCLITests {
    @Test func anEditedCheckpointIsReported() throws {
        let scratch = try Scratch()
        _ = try scratch.recording(minutes: 3)
        var lines = try #require(scratch.read("r.jsonl")).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"tick\":60") && $0.contains("\"type\":\"checkpoint\"") })
        lines[index] = lines[index].replacingOccurrences(of: #""hash":"[0-9a-f]{16}""#, with: #""hash":"0123456789abcdef""#, options: .regularExpression)
        let edited = try scratch.write("edited.jsonl", lines.joined(separator: "\n") + "\n")
        let markdown = try CLITests.run(["debrief", edited])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("**The recording diverged** at 00:01:00 (line \(index + 1)): expected world hash 0123456789abcdef, found "),
                "\(markdown.stdout.prefix(600))")
        let json = try CLITests.run(["debrief", edited, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let diverged = report?["diverged"] as? [String: Any]
        #expect(diverged?["tick"] as? Int == 60 && diverged?["line"] as? Int == index + 1)
        let clean = try CLITests.run(["debrief", scratch.path("r.jsonl")])
        #expect(!clean.stdout.contains("diverged"))
    }
}
