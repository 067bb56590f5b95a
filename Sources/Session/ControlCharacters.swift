/// Makes text from files, recordings and arguments safe to echo on a terminal.
///
/// A terminal obeys control characters: ESC starts a sequence that can clear the
/// screen, move the cursor or set the window title (OSC), BEL rings, CR overwrites
/// the line, and the C1 controls (U+0080…U+009F, CSI among them) act like ESC
/// sequences on many terminals. Bidirectional overrides reorder what follows. Every
/// message gameday prints that quotes something it did not write itself goes
/// through `escaped`, which spells each such character out as `\u{1B}`.
///
/// ```swift
/// ControlCharacters.escaped("team \u{1B}]0;pwned\u{07}")   // "team \u{1B}]0;pwned\u{07}" as visible text
/// ```
public enum ControlCharacters {
    /// Whether `scalar` must not reach a terminal as it is: C0 controls, DEL, C1
    /// controls, and the invisible marks that change how text around them is shown
    /// (bidirectional embeddings, overrides and isolates, line and paragraph separators).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe character spelled out as `\u{…}` (hexadecimal, as in
    /// Swift). With `keepingLineBreaks`, newlines and tabs stay (multi-line output
    /// such as a debrief); carriage returns never do.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        rewrite(text, keepingLineBreaks: keepingLineBreaks) { "\\u{\(hex($0.value, digits: 2, uppercase: true))}" }
    }

    /// JSON text with the unsafe characters JSON encoders leave as they are (DEL,
    /// C1 controls, bidirectional marks) written as JSON escapes (`\u009b`). Raw
    /// control characters can only stand inside strings in JSON, so the result is
    /// the same JSON value, safe to print. Line breaks (pretty printing) stay.
    public static func jsonEscaped(_ json: String) -> String {
        rewrite(json, keepingLineBreaks: true) { "\\u\(hex($0.value, digits: 4, uppercase: false))" }
    }

    private static func rewrite(_ text: String, keepingLineBreaks: Bool, _ spelling: (Unicode.Scalar) -> String) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool {
            isUnsafe(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\t"))
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if unsafe(scalar) {
                result.append(contentsOf: spelling(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `value` in hexadecimal, at least `digits` long.
    private static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
