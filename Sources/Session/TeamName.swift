/// The rule for team names on scoreboards, recordings and the command line:
/// 1 to 24 letters, digits, spaces, `-`, `_` or `.`, not starting or ending
/// with a space. In a facilitated game a name is one word (the facilitator
/// types it: `hint red …`), so spaces are not allowed there. One rule for
/// `play --team`, `join --team` and the host.
public enum TeamName {
    public static let maxLength = 24

    /// Why `name` is not a team name, or nil when it is one.
    public static func problem(_ name: String, allowingSpaces: Bool = true) -> String? {
        if name.isEmpty { return "a team name cannot be empty" }
        if name.count > maxLength { return "a team name is at most \(maxLength) characters, '\(printable(name))' has \(name.count)" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "a team name cannot contain control characters ('\(printable(name))')"
        }
        // One sentence for the rule that applies here, whichever character broke it.
        let rule = allowingSpaces ? "a team name is letters, digits, spaces, - _ or ."
            : "a team name here is one word: letters, digits, - _ or . (the facilitator types it)"
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || (allowingSpaces ? "-_ ." : "-_.").contains($0) }) else {
            return "\(rule), got '\(printable(name))'"
        }
        if name.first == " " || name.last == " " { return "a team name cannot start or end with a space ('\(name)')" }
        return nil
    }

    /// The text (its first `limit` characters) with control characters spelled out
    /// (`ControlCharacters`, the one escaping function), safe to print in one line.
    public static func printable(_ text: String, limit: Int = 40) -> String {
        ControlCharacters.escaped(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))))
    }
}
