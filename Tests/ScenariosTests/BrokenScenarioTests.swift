import Foundation
import Scenarios
import Testing

/// The corpus in Broken/: each file's first line says, after `# expect:`,
/// the messages validation must print (separated by ` | `).
@Suite struct BrokenScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Broken")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test(arguments: files)
    func reportsEachProblemWithFileLineColumnAndKey(file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expectations = text.split(separator: "\n")[0].replacingOccurrences(of: "# expect: ", with: "")
            .components(separatedBy: " | ")
        var report = ""
        do {
            _ = try ScenarioFile.parse(text, file: path)
            Issue.record("\(file) was accepted")
        } catch {
            report = error.issues.map(\.description).joined(separator: "\n")
            // Each expectation that starts with FILE is one issue; the others add detail.
            #expect(error.issues.count == expectations.filter { $0.hasPrefix("FILE") }.count, "\(file): \(report)")
        }
        for expected in expectations {
            #expect(report.contains(expected.replacingOccurrences(of: "FILE", with: path)), "\(file) should say: \(expected)\nsaid: \(report)")
        }
    }

    @Test func oversizedTextIsRefusedBeforeParsing() throws {
        let text = String(repeating: "# padding\n", count: 30_000)
        do { _ = try ScenarioFile.parse(text, file: "huge.yaml"); Issue.record("accepted") } catch {
            #expect(error.description == "huge.yaml:1:1: more than 262144 bytes")
        }
    }

    /// A control character is reported where it is (line and column, counted as
    /// Yams counts them), by its code point, never echoed.
    @Test func controlCharactersAreReportedWhereTheyAre() throws {
        let raw = "id: x\ntitle: ab\u{1B}]0;pwned\u{07}c\n"
        do { _ = try ScenarioFile.parse(raw, file: "c.yaml"); Issue.record("accepted") } catch {
            #expect(error.description == "c.yaml:2:10: YAML: control characters are not allowed (found U+001B)")
        }
        let third = "id: x\ntitle: ok\nbriefing: one\u{07}\n"
        do { _ = try ScenarioFile.parse(third, file: "c.yaml"); Issue.record("accepted") } catch {
            #expect(error.description == "c.yaml:3:14: YAML: control characters are not allowed (found U+0007)")
        }
        // Quoted YAML can spell a control character with an escape: refused in text, at the value.
        let escaped = "id: x\ntitle: \"ab\\e]0;pwned\\ac\"\nbriefing: b\nduration: 10m\npar: 1\n"
        do { _ = try ScenarioFile.parse(escaped, file: "e.yaml"); Issue.record("accepted") } catch {
            #expect(error.description == "e.yaml:2:8: title: control character U+001B is not allowed in text")
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }
}

/// A file that is not a scenario at all is one line, with nothing of it quoted.
@Suite struct NotAScenarioTests {
    @Test func aShadowFileIsNotQuotedBack() {
        let shadow = "root:$6$salt$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
        do { _ = try ScenarioFile.parse(shadow, file: "/etc/shadow"); Issue.record("accepted") } catch {
            #expect(error.description == "/etc/shadow:1:1: not a scenario file: none of its keys is a scenario key (see gameday scenarios show first-day)")
        }
    }
}
