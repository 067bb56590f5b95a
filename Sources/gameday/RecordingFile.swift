import Foundation

/// A recording being written: each line goes to the file with its own
/// write(2), so a session killed at any moment leaves every complete line.
final class RecordingFile {
    let path: String
    private let handle: FileHandle

    init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw GamedayError("cannot write the recording \(path)")
        }
        self.path = path
        self.handle = handle
    }

    func append(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        handle.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    func close() { try? handle.close() }

    /// `$XDG_DATA_HOME/gameday/recordings` (default `~/.local/share/gameday/recordings`).
    static func defaultPath(scenario: String, environment: [String: String]) -> String {
        "\(folder(environment: environment))/\(scenario)-\(stamp()).jsonl"
    }

    /// A facilitated session's folder beside the solo recordings: its session file and a recording per team.
    static func defaultSessionFolder(scenario: String, environment: [String: String]) -> String {
        "\(folder(environment: environment))/\(scenario)-\(stamp())-session"
    }

    private static func folder(environment: [String: String]) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return "\(base)/gameday/recordings"
    }

    private static func stamp() -> String {
        let stamp = DateFormatter()
        stamp.dateFormat = "yyyyMMdd-HHmmss"
        stamp.locale = Locale(identifier: "en_US_POSIX")
        return stamp.string(from: Date())
    }
}
