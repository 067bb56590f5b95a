import Foundation
import Testing
@testable import Console

/// The README's key, command and fault tables are the declarations, word for
/// word: a key added in code and not in the README (or the other way) fails here.
@Suite struct ReadmeTablesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in the README.
    static func block(_ name: String) throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- \(name):begin -->"), "README has no \(name) block")
        let end = try #require(text.range(of: "<!-- \(name):end -->"), "README has no end of the \(name) block")
        return text[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["keys", "commands", "facilitator-commands", "faults"])
    func readmeTableMatchesTheDeclarations(name: String) throws {
        let expected = switch name {
        case "keys": ReferenceTables.keys
        case "commands": ReferenceTables.commands
        case "facilitator-commands": ReferenceTables.facilitatorCommands
        default: ReferenceTables.faults
        }
        let found = try Self.block(name)
        #expect(found == expected, "README's \(name) table differs from the declarations; it should read:\n\(expected)")
    }
}
