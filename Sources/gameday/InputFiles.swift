import Foundation
import Host
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

/// Loads a facilitated session file and the team recordings beside it, each
/// size-checked before it is read, or turns the problem into the one-line error.
enum SessionLoader {
    /// Whether `path` is a session file (its first line says so): only its first 4 KiB are read.
    static func isSessionFile(_ path: String) -> Bool {
        guard let start = BoundedFile.start(of: path, bytes: 4_096) else { return false }
        return SessionRecord.isSessionFile(start: start)
    }

    static func load(_ path: String) throws(GamedayError) -> SessionRecord {
        let data: Data
        do { data = try BoundedFile.read(path, maxBytes: Recording.maxBytes, kind: "session files") } catch {
            throw GamedayError("\(path): \(error.reason)")
        }
        var record: SessionRecord
        do { record = try SessionRecord.parse(data, file: path) } catch { throw GamedayError(error.description) }
        let folder = (path as NSString).deletingLastPathComponent
        for case let .teamJoined(team, file) in record.events.map(\.kind) {
            if let problem = SessionRecord.problem(withRecordingName: file) {
                throw GamedayError("\(path): team \(team)'s recording \(problem)")
            }
            record.teams.append((team, try RecordingLoader.load(folder.isEmpty ? file : folder + "/" + file)))
        }
        return record
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
