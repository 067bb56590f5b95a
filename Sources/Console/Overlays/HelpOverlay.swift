import FleetSim
import ScreenKit
import Session

/// `?`: every key of every scope, every command and every inject, from
/// their declarations, wrapped to the window so nothing is cut; scrollable.
enum HelpOverlay {
    /// Every entry: keys (or usage) and what they do; an entry with no text is a heading.
    /// A player's console lists what its role allows (a team in a facilitated game has no clock
    /// keys and no injects); the facilitator's lists its own keys and words, and the ways into the room.
    static func lines(role: ConsoleRole = .solo, facilitator: Bool = false, doors: [String] = []) -> [(String, String)] {
        var out: [(String, String)] = []
        if facilitator {
            if !doors.isEmpty { out += [("THE WAYS INTO THE ROOM", "")] + doors.map { ("", $0) } + [("", "")] }
            for section in ConsoleKeys.sections(of: ConsoleKeys.facilitatorScopes) {
                out += [("KEYS · \(heading(section.title))", "")] + section.rows.map { ($0.keys, $0.help) } + [("", "")]
            }
            out += [("COMMANDS (type : first)", "")]
            out += ConsoleWords.all.filter { $0.places.contains(.facilitator) }.map { ($0.usage, $0.summary) }
            out += [("", ""), ("FAULTS (for inject; the catalogue is gameday faults)", "")]
            out += Fault.verbs.map { ($0.usage, $0.summary) }
            out += [("", ""), ("TEAMS", ""), ("to all", "every team, bots too"), ("to red,blue", "the teams named, nobody else")]
            return out
        }
        for section in ConsoleKeys.sections(of: ConsoleKeys.playerScopes, role: role) {
            out += [("KEYS · \(heading(section.title))", "")] + section.rows.map { ($0.keys, $0.help) } + [("", "")]
        }
        out += [("COMMANDS (type : first)", "")]
        if role.grants(.play, replaying: false) { out += Command.verbs.map { ($0.usage, $0.summary) } }
        out += ConsoleWords.all.filter { ($0.inLivePlay || $0.inReplay) && role.grants($0.power, replaying: false) }.map { ($0.usage, $0.summary) }
        if role != .solo { out += [("", ""), ("THE CLOCK AND INJECTS", ""), ("(facilitator)", "the facilitator starts, pauses and speeds the game and injects the faults")] }
        guard role.grants(.inject, replaying: false) else { return out + statusWords }
        out += [("", ""), ("INJECTS (: inject …, to practise)", "")]
        out += Fault.verbs.map { ("inject " + $0.usage, $0.summary) }
        return out + statusWords
    }

    /// A section title in capitals, but not the key in its brackets: "SERVICE DETAILS (Enter)", "… (v)".
    static func heading(_ title: String) -> String {
        guard let open = title.firstIndex(of: "(") else { return title.uppercased() }
        return title[..<open].uppercased() + title[open...]
    }

    private static var statusWords: [(String, String)] {
        var out: [(String, String)] = [("", ""), ("STATUS WORDS", ""),
         ("OK  DEPLOY  SCALE", "healthy · rolling out · catching up to desired"),
         ("WARN  CRIT  DOWN", "5xx > 5% or p99 > 1s · 5xx > 20% · nothing in service"),
         ("IDLE  SLOW", "scaled to zero · third party slow")]
        for pane in [Pane.services, .scaling, .incidents] {
            out += [("", ""), ("READING THE SCREEN · \(heading(pane.title))", "")]
            out += Figure.allCases.filter { $0.pane == pane }.map { ($0.header, $0.meaning) }
        }
        return out
    }

    /// One screen row of the overlay.
    struct Row: Equatable {
        var keys: String
        var help: String
        var isHeading: Bool
        /// Text with no key, across the overlay's whole width.
        var isText = false
    }

    static func window(width: Int, height: Int) -> Rect {
        Window.centered(width: min(120, max(80, width - 8)), height: height - 2, in: (width, height))
    }

    /// The entries wrapped to a window of `inner` width: long usages and texts continue on the next rows.
    static func rows(innerWidth: Int, role: ConsoleRole = .solo, facilitator: Bool = false, doors: [String] = []) -> [Row] {
        let keyWidth = min(46, max(12, innerWidth * 2 / 5))
        let helpWidth = max(10, innerWidth - keyWidth - 3)
        var rows: [Row] = []
        for (keys, help) in lines(role: role, facilitator: facilitator, doors: doors) {
            if help.isEmpty {
                rows.append(Row(keys: keys, help: "", isHeading: true))
                continue
            }
            if keys.isEmpty {
                // Text with no key (the ways into the room): the overlay's whole width, indented.
                rows += Format.wrap(help, width: innerWidth - 2).map { Row(keys: "", help: "  " + $0, isHeading: false, isText: true) }
                continue
            }
            // Keys keep their double spaces when they fit (wrapping would fold them).
            let keyLines = keys.count <= keyWidth ? [keys] : Format.wrap(keys, width: keyWidth)
            let helpLines = Format.wrap(help, width: helpWidth)
            for n in 0..<max(keyLines.count, helpLines.count) {
                rows.append(Row(keys: n < keyLines.count ? keyLines[n] : "", help: n < helpLines.count ? helpLines[n] : "", isHeading: false))
            }
        }
        return rows
    }

    /// The furthest the overlay scrolls on a screen of this size.
    static func maxScroll(width: Int, height: Int, role: ConsoleRole = .solo, facilitator: Bool = false, doors: [String] = []) -> Int {
        let inner = window(width: width, height: height).inner
        return max(0, rows(innerWidth: inner.width - 2, role: role, facilitator: facilitator, doors: doors).count - inner.height)
    }

    static func draw(into buffer: inout CellBuffer, context: RenderContext) {
        draw(into: &buffer, width: context.layout.width, height: context.layout.height, scroll: context.state.helpScroll,
             glyphs: context.glyphs, role: context.state.role)
    }

    static func draw(into buffer: inout CellBuffer, width: Int, height: Int, scroll wanted: Int, glyphs: Glyphs,
                     role: ConsoleRole = .solo, facilitator: Bool = false, doors: [String] = []) {
        let rect = window(width: width, height: height)
        let inner = rect.inner
        let all = rows(innerWidth: inner.width - 2, role: role, facilitator: facilitator, doors: doors)
        let scroll = min(wanted, max(0, all.count - inner.height))
        let position = all.count > inner.height ? ", \(min(all.count, scroll + inner.height)) of \(all.count)" : ""
        Window.open(rect, title: "Help: keys and commands (Esc closes, ↑↓ PgDn scroll\(position))", into: &buffer, glyphs: glyphs)
        let keyWidth = min(46, max(12, (inner.width - 2) * 2 / 5))
        for (n, row) in all.dropFirst(scroll).prefix(inner.height).enumerated() {
            let y = inner.y + n
            if row.isHeading {
                buffer.put(row.keys, x: inner.x + 1, y: y, role: .title, attributes: [.bold], limit: inner.width - 2)
                continue
            }
            if row.isText {
                buffer.put(row.help, x: inner.x + 1, y: y, role: .text, limit: inner.width - 2)
                continue
            }
            buffer.put(row.keys, x: inner.x + 1, y: y, role: .accent, attributes: [.bold], limit: keyWidth)
            buffer.put(row.help, x: inner.x + 3 + keyWidth, y: y, role: .text, limit: inner.maxX - (inner.x + 3 + keyWidth))
        }
    }
}
