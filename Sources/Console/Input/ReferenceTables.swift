import FleetSim
import Foundation
import Session

/// The README's reference tables, written from the declarations: keys per
/// scope, commands and console words, faults. A test compares them with
/// the README, so the documentation cannot drift from what the code does.
public enum ReferenceTables {
    /// `?  F1` → "`?` `F1`".
    static func code(_ label: String) -> String {
        label.components(separatedBy: "  ").filter { !$0.isEmpty }.map { "`\($0.trimmingCharacters(in: .whitespaces))`" }.joined(separator: " ")
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    public static var keys: String {
        ConsoleKeys.sections.map { section in
            (["**\(section.title)**", "", "| key | action |", "| --- | --- |"]
                + section.rows.map { "| \(cell(code($0.keys))) | \(cell($0.help)) |" }).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    public static var commands: String {
        let rows = Command.verbs.map { ($0.usage, $0.summary) } + ConsoleWords.all.filter { $0.inLivePlay || $0.inReplay }.map { ($0.usage, $0.summary) }
        return (["| command | effect |", "| --- | --- |"] + rows.map { "| `\(cell($0.0))` | \(cell($0.1)) |" }).joined(separator: "\n")
    }

    /// The facilitator console's command line.
    public static var facilitatorCommands: String {
        let rows = ConsoleWords.all.filter { $0.places.contains(.facilitator) }.map { ($0.usage, $0.summary) }
        return (["| command | effect |", "| --- | --- |"] + rows.map { "| `\(cell($0.0))` | \(cell($0.1)) |" }).joined(separator: "\n")
    }

    /// What each column of the services, scaling and incidents panes means.
    public static var figures: String {
        (["| pane | column | what it shows |", "| --- | --- | --- |"]
            + Figure.allCases.map { "| \($0.pane.title) | `\(cell($0.header))` | \(cell($0.meaning)) |" }).joined(separator: "\n")
    }

    public static var faults: String {
        (["| fault | usage | also known as |", "| --- | --- | --- |"]
            + FaultKinds.all.map { "| `\($0.name)` | `\($0.usage)` | \(cell($0.alsoKnownAs)) |" }).joined(separator: "\n")
    }
}
