import FleetSim
import Foundation
import Yams

/// Reads scenario files: YAML, validated with every problem reported at once
/// as file:line:column, the key, and what would be valid. The format is
/// documented in the README ("Writing scenarios").
public enum ScenarioFile {
    /// Files larger than this are refused before parsing (the command line
    /// checks the size before reading; `parse` checks the text it is given).
    public static let maxBytes = 256 * 1024

    static let topKeys = ["id", "title", "briefing", "rating", "difficulty", "duration", "seed", "par", "budget",
                          "traffic", "services", "timeline", "deck", "quests"]

    /// Parses and validates scenario text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(ScenarioFileError) -> Scenario {
        var fields = YAMLFields(file: file)
        guard text.utf8.count <= maxBytes else {
            throw ScenarioFileError(issues: [ScenarioIssue(file: file, line: 1, column: 1, key: "", message: "more than \(maxBytes) bytes")])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioFileError(issues: [ScenarioIssue(file: file, line: 1, column: 1, key: "", message: "the file is empty")])
            }
            root = node
        } catch let error as ScenarioFileError {
            throw error
        } catch {
            throw ScenarioFileError(issues: [syntaxIssue(error, file: file)])
        }
        // A mapping none of whose keys a scenario has is some other file (`--scenario /etc/shadow`):
        // one line says so, and none of its lines is quoted back as an unknown key.
        if let mapping = root.mapping, mapping.count > 0, !mapping.contains(where: { topKeys.contains($0.key.scalar?.string ?? "") }) {
            throw ScenarioFileError(issues: [ScenarioIssue(file: file, line: 1, column: 1, key: "",
                                                           message: "not a scenario file: none of its keys is a scenario key (see gameday scenarios show first-day)")])
        }
        guard let top = fields.mapping(root, "", allowed: topKeys) else { throw ScenarioFileError(issues: fields.issues) }
        func value(_ key: String) -> Node? { top.first { $0.key == key }?.value }
        func required(_ key: String) -> Node? {
            if let node = value(key) { return node }
            fields.report(root, key, "missing (every scenario needs id, title, briefing, duration and par)")
            return nil
        }

        let id = required("id").flatMap { fields.name($0, "id") } ?? "scenario"
        let title = required("title").flatMap { fields.string($0, "title", maxLength: 80) } ?? id
        let briefing = required("briefing").flatMap { fields.string($0, "briefing", maxLength: 4_000) } ?? ""
        let duration = required("duration").flatMap { fields.duration($0, "duration", in: 60...(24 * 3_600)) } ?? 3_600
        let pars = required("par").flatMap { ParSection.read($0, fields: &fields) } ?? Scenario.Pars(0)
        // `difficulty:` is the old name of `rating:` (files written before it was renamed still load).
        if value("rating") != nil, let old = value("difficulty") { fields.report(old, "difficulty", "give rating or its old name difficulty, not both") }
        let rating = (value("rating") ?? value("difficulty")).flatMap {
            fields.choice($0, value("rating") == nil ? "difficulty" : "rating", Scenario.Rating.allCases.map { ($0.rawValue, $0) })
        } ?? .normal
        let seed = value("seed").flatMap { fields.integer($0, "seed", in: 0...Int.max) }.map { UInt64($0) } ?? 1

        var scoring = ScoringRules.gameDay
        if let node = value("budget"), let budget = fields.number(node, "budget", in: 0...1_000_000) { scoring.budgetDollars = budget }
        var traffic = TrafficProfile(baseRequestsPerSecond: UnicornRentalsFleet.baseRequestsPerSecond, diurnalAmplitude: 0.25,
                                     diurnalPeriodSeconds: duration)
        var spikes: [PlannedSpike] = []
        if let node = value("traffic") { TrafficSection.read(node, into: &traffic, spikes: &spikes, fields: &fields, duration: duration) }
        var services = UnicornRentalsFleet.services
        if let node = value("services") { ServiceChanges.apply(node, to: &services, fields: &fields) }

        var fleet = FleetSpec(services: services, queues: [QueueSpec(name: "orders")], traffic: traffic, scoring: scoring)
        // Only a fleet that builds can check the timeline's services, zones and versions.
        var world: World?
        if fields.issues.isEmpty {
            do {
                world = try World(fleet: fleet, seed: seed)
            } catch {
                fields.report(value("services") ?? root, "services", "the fleet does not hold together: \(error.description)")
            }
        }
        let timeline = value("timeline").map { TimelineSection.read($0, fields: &fields, world: world, duration: duration) } ?? []
        let deck = value("deck").flatMap { DeckSection.read($0, fields: &fields, world: world, duration: duration) }
        if let node = value("quests") { fleet.quests = QuestSection.read(node, fields: &fields, world: world, duration: duration) }
        guard fields.issues.isEmpty else { throw ScenarioFileError(issues: fields.issues) }
        return Scenario(id: id, title: title, briefing: briefing, rating: rating, durationSeconds: duration,
                        defaultSeed: seed, fleet: fleet, timeline: timeline, plannedSpikes: spikes, pars: pars, deck: deck, sourceText: text)
    }

    static func syntaxIssue(_ error: Error, file: String) -> ScenarioIssue {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return ScenarioIssue(file: file, line: mark.line, column: mark.column, key: "", message: "YAML syntax: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                return ScenarioIssue(file: file, line: context.mark.line, column: context.mark.column, key: duplicates.joined(separator: ", "),
                                     message: "duplicate key in this mapping")
            case let .reader(problem, offset, value, text):
                // Characters YAML does not allow (control characters, a bad byte): where, and which.
                let (line, column) = position(ofCharacter: offset ?? 0, in: text)
                let found = value >= 0 ? " (found \(codePoint(value)))" : ""
                return ScenarioIssue(file: file, line: line, column: column, key: "", message: "YAML: \(problem)\(found)")
            default: break
            }
        }
        // Never the error's own description: it quotes the file, control characters and all.
        return ScenarioIssue(file: file, line: 1, column: 1, key: "", message: "not valid YAML")
    }

    /// `U+001B`: a character named by its code point, never printed itself.
    static func codePoint(_ value: Int32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Line and column (from 1; columns count Unicode scalars, as Yams' marks do)
    /// of the character `offset` characters into `text`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(max(0, offset)) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
