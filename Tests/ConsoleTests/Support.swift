import Foundation
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// Builds consoles in known states and compares frames to text snapshots
/// kept beside the tests (record by deleting the file and running once).
enum ConsoleFixture {
    static func app(seed: UInt64 = 1, width: Int = 80, height: Int = 24, playing: Bool = true, ticks: Int = 0) -> ConsoleApp {
        let match = try! Match(scenario: BuiltInScenarios.firstDay, seed: seed)
        var app = ConsoleApp(match: match, width: width, height: height)
        if playing { _ = app.handle(.enter, now: 0) }
        if ticks > 0 { _ = app.advance(ticks: ticks, now: 0) }
        return app
    }

    static func type(_ text: String, into app: inout ConsoleApp, now: UInt64 = 0) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for ch in text { effects += app.handle(.char(ch), now: now) }
        return effects
    }

    /// A frame as text at a time well after any flash or message.
    static func frame(_ app: ConsoleApp, glyphs: Glyphs = .unicode, now: UInt64 = 1_000_000) -> String {
        app.render(glyphs: glyphs, now: now).text
    }
}

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    /// Compares `text` with the stored snapshot `name`; records it when missing.
    static func assert(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded new snapshot \(name); run the tests again", sourceLocation: sourceLocation)
            return
        }
        if stored != text {
            let storedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(storedLines, lines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = first.map { "line \($0.offset + 1):\n  stored: \($0.element.0)\n  now:    \($0.element.1)" } ?? "line count \(storedLines.count) → \(lines.count)"
            Issue.record("frame differs from snapshot \(name) (delete \(url.path) to re-record)\n\(detail)", sourceLocation: sourceLocation)
        }
    }
}
