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
            _ = try ScenarioFile.load(path: path)
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

    @Test func oversizedFilesAreRefusedBeforeParsing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).yaml").path
        try String(repeating: "# padding\n", count: 30_000).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ScenarioFileError.self) { try ScenarioFile.load(path: path) }
        do { _ = try ScenarioFile.load(path: path) } catch { #expect(error.description.contains("scenario files are at most 262144 bytes")) }
    }

    @Test func missingFilesAndFoldersSaySo() {
        do { _ = try ScenarioFile.load(path: "/no/such.yaml") } catch { #expect(error.description == "/no/such.yaml:1:1: no such file") }
        do { _ = try ScenarioFile.load(path: "/tmp") } catch { #expect(error.description.contains("is a folder")) }
    }
}
