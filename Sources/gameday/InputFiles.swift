import Foundation
import Scenarios
import Session

/// Loads a recording named on the command line, or turns its problem into the one-line error.
enum RecordingLoader {
    static func load(_ file: String) throws(GamedayError) -> Recording {
        let data: Data
        do { data = try BoundedFile.read(file, maxBytes: Recording.maxBytes, kind: "recordings") } catch {
            throw GamedayError("\(file): \(error.reason)")
        }
        do { return try Recording.parse(data, file: file) } catch { throw GamedayError(error.description) }
    }
}

/// Finds a scenario by built-in id or, when the name looks like a path, by
/// reading the file (size checked first) and validating it.
enum ScenarioLookup {
    static func find(_ name: String) throws -> Scenario {
        if let builtIn = BuiltInScenarios.named(name) { return builtIn }
        if isFile(name) {
            do { return try load(path: name) } catch {
                for issue in error.issues.dropLast() { StandardError.writeLine(issue.description) }
                throw GamedayError(error.issues.last?.description ?? "invalid scenario file")
            }
        }
        throw GamedayError("unknown scenario '\(name)' (scenarios: \(BuiltInScenarios.ids.joined(separator: ", ")); or a path to a .yaml file)")
    }

    /// Whether `name` means a file rather than a built-in scenario.
    static func isFile(_ name: String) -> Bool {
        BuiltInScenarios.named(name) == nil
            && (name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") || FileManager.default.fileExists(atPath: name))
    }

    /// Reads and validates a scenario file; every problem comes back as file:line:column.
    static func load(path: String) throws(ScenarioFileError) -> Scenario {
        func fail(_ message: String) -> ScenarioFileError {
            ScenarioFileError(issues: [ScenarioIssue(file: path, line: 1, column: 1, key: "", message: message)])
        }
        let data: Data
        do { data = try BoundedFile.read(path, maxBytes: ScenarioFile.maxBytes, kind: "scenario files") } catch { throw fail(error.reason) }
        guard let text = String(validating: data, as: UTF8.self) else { throw fail("not UTF-8 text") }
        return try ScenarioFile.parse(text, file: path)
    }
}
