import FleetSim
import Yams

/// Reads typed values out of a YAML document, collecting every problem with
/// its file:line:column and key path instead of stopping at the first.
struct YAMLFields {
    let file: String
    private(set) var issues: [ScenarioIssue] = []

    init(file: String) { self.file = file }

    mutating func report(_ node: Node?, _ key: String, _ message: String) {
        let mark = node?.mark
        issues.append(ScenarioIssue(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, key: key, message: message))
    }

    /// The node as a mapping whose keys are all in `allowed`; unknown and
    /// duplicate keys are reported (with a suggestion when one is close).
    mutating func mapping(_ node: Node, _ path: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            report(node, path, "expected a mapping (key: value lines), found \(Self.kind(of: node))")
            return nil
        }
        var seen: [String] = []
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, path, "keys must be plain words")
                continue
            }
            let full = path.isEmpty ? key : "\(path).\(key)"
            if seen.contains(key) {
                report(keyNode, full, "duplicate key")
                continue
            }
            seen.append(key)
            if !allowed.contains(key) {
                let hint = Self.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                report(keyNode, full, "unknown key (allowed: \(allowed.joined(separator: ", ")))\(hint)")
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    mutating func sequence(_ node: Node, _ path: String) -> [Node]? {
        guard let sequence = node.sequence else {
            report(node, path, "expected a list (lines starting with '-'), found \(Self.kind(of: node))")
            return nil
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node, _ path: String, maxLength: Int = 200) -> String? {
        guard let scalar = node.scalar else {
            report(node, path, "expected text, found \(Self.kind(of: node))")
            return nil
        }
        guard scalar.string.count <= maxLength else {
            report(node, path, "too long: at most \(maxLength) characters")
            return nil
        }
        // Escapes in quoted YAML ("\e", "\x9b") can spell characters the file itself may not hold.
        if let control = scalar.string.unicodeScalars.first(where: Self.isControl) {
            report(node, path, "control character \(ScenarioFile.codePoint(Int32(control.value))) is not allowed in text")
            return nil
        }
        return scalar.string
    }

    /// A name: lowercase letters, digits and dashes.
    mutating func name(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path, maxLength: 40) else { return nil }
        guard !text.isEmpty, text.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "." }) else {
            report(node, path, "'\(text)' must be lowercase letters, digits, '-' or '.'")
            return nil
        }
        return text
    }

    mutating func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) -> Double? {
        parsed(node, path, "a number", range, show: NumberText.format) { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }

    mutating func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        parsed(node, path, "a whole number", range, show: String.init) { Int($0) }
    }

    /// A scalar read by `read` (underscores allowed as digit separators) and checked against `range`.
    private mutating func parsed<T: Comparable>(_ node: Node, _ path: String, _ what: String, _ range: ClosedRange<T>,
                                               show: (T) -> String, read: (String) -> T?) -> T? {
        guard let text = node.scalar?.string else {
            report(node, path, "expected \(what), found \(Self.kind(of: node))")
            return nil
        }
        guard let value = read(text.replacingOccurrences(of: "_", with: "")) else {
            report(node, path, "expected \(what), found '\(text)'")
            return nil
        }
        guard range.contains(value) else {
            report(node, path, "\(show(value)) is out of range \(show(range.lowerBound))…\(show(range.upperBound))")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, path, "expected true or false, found \(node.scalar.map { "'\($0.string)'" } ?? Self.kind(of: node))")
            return nil
        }
    }

    /// A duration or game time: `90s`, `10m`, `1h30m`, `00:10:00`.
    mutating func duration(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string else {
            report(node, path, "expected a duration such as 10m or 00:10:00, found \(Self.kind(of: node))")
            return nil
        }
        guard let seconds = GameTime.parse(text) else {
            report(node, path, "cannot read '\(text)' as a duration (use e.g. 90s, 10m, 1h30m or 00:10:00)")
            return nil
        }
        guard range.contains(seconds) else {
            report(node, path, "\(GameTime.format(seconds)) is out of range \(GameTime.format(range.lowerBound))…\(GameTime.format(range.upperBound))")
            return nil
        }
        return seconds
    }

    mutating func choice<T>(_ node: Node, _ path: String, _ options: [(String, T)]) -> T? {
        guard let text = node.scalar?.string, let match = options.first(where: { $0.0 == text }) else {
            report(node, path, "expected one of \(options.map(\.0).joined(separator: ", ")), found \(node.scalar.map { "'\($0.string)'" } ?? Self.kind(of: node))")
            return nil
        }
        return match.1
    }

    /// C0 controls but newline and tab, DEL, and the C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// A value, or a `[low, high]` range of them (a single value is a range of one).
    mutating func range<T: Comparable>(_ node: Node, _ path: String, _ read: (inout YAMLFields, Node, String) -> T?) -> ClosedRange<T>? {
        guard let list = node.sequence.map(Array.init) else { return read(&self, node, path).map { $0...$0 } }
        guard list.count == 2 else {
            report(node, path, "a range is two values, low and high, e.g. [6, 9]")
            return nil
        }
        guard let low = read(&self, list[0], path), let high = read(&self, list[1], path) else { return nil }
        guard low <= high else {
            report(node, path, "the range's low end is above its high end")
            return nil
        }
        return low...high
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let s): s.string.isEmpty ? "nothing" : "'\(s.string)'"
        case .alias: "an alias"
        }
    }

    /// The allowed word nearest to a misspelling (edit distance ≤ 2).
    static func closest(to word: String, in words: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in 1...max(1, b.count) where !b.isEmpty {
                    let old = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = old
                }
            }
            return row[b.count]
        }
        let scored = words.map { ($0, distance(Array(word), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
