import ScreenKit

/// Markdown (the debrief's) as a terminal window shows it: headings without
/// their `#`, no `**` or backticks, tables as aligned columns whose last
/// column wraps under itself, and paragraphs wrapped to the width.
enum MarkdownOnScreen {
    struct Line: Equatable {
        var text: String
        var isHeading = false
    }

    static func lines(_ markdown: [String], width: Int) -> [Line] {
        var out: [Line] = []
        var table: [String] = []
        func flushTable() {
            if !table.isEmpty { out += Self.table(table, width: width) }
            table.removeAll()
        }
        for raw in markdown {
            if raw.hasPrefix("|") {
                table.append(raw)
                continue
            }
            flushTable()
            if raw.hasPrefix("#") {
                out.append(Line(text: plain(String(raw.drop { $0 == "#" || $0 == " " })), isHeading: true))
            } else if raw.isEmpty {
                out.append(Line(text: ""))
            } else {
                out += Format.wrap(plain(raw), width: width).map { Line(text: $0) }
            }
        }
        flushTable()
        return out
    }

    /// Text without Markdown's emphasis and code marks.
    static func plain(_ text: String) -> String {
        text.replacing("**", with: "").replacing("`", with: "")
    }

    /// A Markdown table as columns two spaces apart; numbers that were right-aligned stay so.
    static func table(_ rows: [String], width: Int) -> [Line] {
        func cells(_ row: String) -> [String] {
            var parts = row.split(separator: "|", omittingEmptySubsequences: false).map { plain($0.trimmingCharacters()) }
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
            return parts
        }
        let isRule = { (cells: [String]) in !cells.isEmpty && cells.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } } }
        let parsed = rows.map(cells)
        let rule = parsed.first(where: isRule) ?? []
        let body = parsed.filter { !isRule($0) }
        let columns = body.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let right = (0..<columns).map { $0 < rule.count && rule[$0].hasSuffix(":") }
        var widths = (0..<columns).map { c in body.map { c < $0.count ? DisplayWidth.of($0[c]) : 0 }.max() ?? 0 }
        // The last column takes what is left, and wraps under itself.
        let before = widths.dropLast().reduce(0, +) + 2 * (columns - 1)
        if before + 12 > width, !rule.isEmpty, body.count > 1 {
            return records(header: body[0], rows: Array(body.dropFirst()), width: width)
        }
        widths[columns - 1] = min(widths[columns - 1], max(12, width - before))
        var out: [Line] = []
        for (n, row) in body.enumerated() {
            let last = columns - 1 < row.count ? row[columns - 1] : ""
            var wrapped = Format.wrap(last, width: widths[columns - 1])
            if right[columns - 1], wrapped.count == 1 { wrapped = [Format.fit(last, widths[columns - 1], alignRight: true)] }
            let lead = (0..<columns - 1).map { c in
                Format.fit(c < row.count ? row[c] : "", widths[c], alignRight: right[c])
            }.joined(separator: "  ")
            let indent = String(repeating: " ", count: before)
            for (k, piece) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                let text = (k == 0 ? (columns > 1 ? lead + "  " : "") : indent) + piece
                out.append(Line(text: text.trimmingTrailingSpaces, isHeading: n == 0 && body.count > 1 && k == 0))
            }
        }
        return out
    }
}

extension MarkdownOnScreen {
    /// A table too wide for columns: each row a paragraph of "header value" pairs,
    /// so no column is lost off the edge.
    static func records(header: [String], rows: [[String]], width: Int) -> [Line] {
        var out: [Line] = []
        for row in rows {
            let pairs = row.indices.compactMap { c -> String? in
                guard !row[c].isEmpty else { return nil }
                let name = c < header.count ? header[c] : ""
                return name.isEmpty ? row[c] : "\(name) \(row[c])"
            }
            for (k, line) in Format.wrap(pairs.joined(separator: " · "), width: width - 2).enumerated() {
                out.append(Line(text: (k == 0 ? "" : "  ") + line))
            }
        }
        return out
    }
}

private extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
