import FleetSim
import Foundation
import Scenarios
import Testing
@testable import Session

/// A recording is untrusted input: every limit is checked before the work it
/// protects, with one clear line; fields of the wrong type are named.
@Suite struct RecordingLimitTests {
    static func header() throws -> String {
        let text = try RecordingTests.record(scenario: BuiltInScenarios.firstDay, seed: 3, seconds: 120, commands: 0)
        return String(text.split(separator: "\n")[0])
    }

    static func message(_ body: String) -> String {
        do { _ = try Recording.parse(Data(body.utf8), file: "x.jsonl"); return "accepted" } catch { return error.description }
    }

    @Test func aVersionWrittenAsTextIsNamedNotMisreported() throws {
        let header = try Self.header().replacingOccurrences(of: "\"version\":3", with: "\"version\":\"3\"")
        let said = Self.message(header + "\n")
        #expect(said == "x.jsonl:1: not a gameday recording (no header line: 'version' must be a whole number)")
        #expect(!said.contains("is not supported"), "not 'version 3 is not supported (this gameday reads version 3)'")
    }

    @Test func aTickThatIsTrueIsNotTickOne() throws {
        let said = Self.message(try Self.header() + "\n" + #"{"text":"scale web 4","tick":true,"type":"command"}"# + "\n")
        #expect(said == "x.jsonl:2: corrupt line ('tick' must be a whole number)")
    }

    @Test func tooManyLinesAreRefusedBeforeTheyAreRead() throws {
        let body = try Self.header() + "\n" + String(repeating: "\n", count: Recording.maxLines + 1)
        #expect(Self.message(body) == "x.jsonl: \(Recording.maxLines + 2) lines is too many for a recording (at most \(Recording.maxLines))")
    }

    @Test func tooManyCommandsAreRefusedWithTheirLine() throws {
        let command = #"{"text":"scale web 4","tick":1,"type":"command"}"#
        let body = try Self.header() + "\n" + Array(repeating: command, count: Recording.maxCommands + 1).joined(separator: "\n") + "\n"
        #expect(Self.message(body) == "x.jsonl:\(Recording.maxCommands + 2): more than \(Recording.maxCommands) commands and injects: too many to replay")
    }

    @Test func aGameLongerThanADayIsRefused() throws {
        let header = try Self.header().replacingOccurrences(of: "\"duration\":120", with: "\"duration\":9223372036854775807")
        #expect(Self.message(header + "\n") == "x.jsonl:1: the game's duration 9223372036854775807 s is longer than a recording can hold (24 hours)")
    }

    @Test func anOverlongTeamNameIsRefused() throws {
        let header = try Self.header().replacingOccurrences(of: "\"team\":\"testers\"", with: "\"team\":\"\(String(repeating: "t", count: 65))\"")
        #expect(Self.message(header + "\n") == "x.jsonl:1: the team name is longer than 64 characters")
    }

    /// One rule in one sentence: where names are one word, "bad!name" and "a b" get the same explanation.
    @Test func aTeamNameProblemStatesTheRuleThatApplies() {
        let oneWord = "a team name here is one word: letters, digits, - _ or . (the facilitator types it)"
        #expect(TeamName.problem("bad!name", allowingSpaces: false) == "\(oneWord), got 'bad!name'")
        #expect(TeamName.problem("a b", allowingSpaces: false) == "\(oneWord), got 'a b'")
        #expect(TeamName.problem("bad!name") == "a team name is letters, digits, spaces, - _ or ., got 'bad!name'")
        #expect(TeamName.problem("a b") == nil)
    }

    @Test func tooManyBytesAreRefusedFirst() {
        let data = Data(count: Recording.maxBytes + 1)
        do { _ = try Recording.parse(data, file: "x.jsonl"); Issue.record("accepted") } catch {
            #expect(error.description == "x.jsonl: \(Recording.maxBytes + 1) bytes is too large for a recording (at most \(Recording.maxBytes))")
        }
    }
}

/// A debrief of a recording whose checkpoint hashes were edited says it diverged.
@Suite struct DebriefDivergenceTests {
    @Test func anEditedCheckpointHashIsReported() throws {
        let text = try RecordingTests.record(scenario: BuiltInScenarios.firstDay, seed: 4, seconds: 300, commands: 2)
        var lines = text.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"type\":\"checkpoint\"") && $0.contains("\"tick\":120") })
        lines[index] = lines[index].replacingOccurrences(of: #""hash":"[0-9a-f]{16}""#, with: #""hash":"0000000000000000""#, options: .regularExpression)
        let debrief = try Debrief.make(try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "d.jsonl"))
        let divergence = try #require(debrief.divergence)
        #expect(divergence.tick == 120)
        #expect(divergence.line == index + 1)
        #expect(divergence.description.hasPrefix("expected world hash 0000000000000000, found "))
        let untouched = try Debrief.make(try Recording.parse(Data(text.utf8), file: "d.jsonl"))
        #expect(untouched.divergence == nil)
    }

    @Test func anEditedEndHashIsReported() throws {
        let text = try RecordingTests.record(scenario: BuiltInScenarios.firstDay, seed: 4, seconds: 180, commands: 0)
        var lines = text.split(separator: "\n").map(String.init)
        lines[lines.count - 1] = lines[lines.count - 1].replacingOccurrences(of: #""hash":"[0-9a-f]{16}""#, with: #""hash":"ffffffffffffffff""#,
                                                                               options: .regularExpression)
        let debrief = try Debrief.make(try Recording.parse(Data((lines.joined(separator: "\n") + "\n").utf8), file: "d.jsonl"))
        #expect(debrief.divergence?.tick == 180)
    }
}
