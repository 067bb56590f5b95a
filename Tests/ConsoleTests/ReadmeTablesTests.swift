import Foundation
import Testing
@testable import Console

/// The README's key, command, fault and column tables are the declarations,
/// word for word: a key added in code and not in the README (or the other way)
/// fails here. `GAMEDAY_UPDATE_README=1 swift test --filter ReadmeTables`
/// rewrites the README's tables from the declarations.
@Suite(.serialized) struct ReadmeTablesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in the README.
    static func block(_ name: String) throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- \(name):begin -->"), "README has no \(name) block")
        let end = try #require(text.range(of: "<!-- \(name):end -->"), "README has no end of the \(name) block")
        return text[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func table(_ name: String) -> String {
        switch name {
        case "keys": ReferenceTables.keys
        case "commands": ReferenceTables.commands
        case "facilitator-commands": ReferenceTables.facilitatorCommands
        case "figures": ReferenceTables.figures
        default: ReferenceTables.faults
        }
    }

    @Test(arguments: ["keys", "commands", "facilitator-commands", "faults", "figures"])
    func readmeTableMatchesTheDeclarations(name: String) throws {
        let expected = Self.table(name)
        if ProcessInfo.processInfo.environment["GAMEDAY_UPDATE_README"] == "1" {
            var text = try String(contentsOf: Self.readme, encoding: .utf8)
            let begin = try #require(text.range(of: "<!-- \(name):begin -->"))
            let end = try #require(text.range(of: "<!-- \(name):end -->"))
            text.replaceSubrange(begin.upperBound..<end.lowerBound, with: "\n" + expected + "\n")
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
        }
        let found = try Self.block(name)
        #expect(found == expected, "README's \(name) table differs from the declarations; it should read:\n\(expected)")
    }
}
