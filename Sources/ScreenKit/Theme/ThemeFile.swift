import Yams

/// A theme file's problems: errors (a value that is not a colour) make the
/// file unusable; warnings (unknown or missing keys) do not.
public struct ThemeFileError: Error, Sendable, CustomStringConvertible {
    public var errors: [String]
    public var description: String { errors.joined(separator: "\n") }
}

/// Reads theme files: YAML mapping UI roles to `COLOR [on COLOR] [bold] [dim]
/// [underline] [reverse]`, where COLOR is `#RRGGBB`, an xterm-256 index, one
/// of the 16 named colours, or `default`. Documented in themes/dark.yaml and the README.
public enum ThemeFile {
    public static let maxBytes = 64 * 1024
    /// Unknown keys are named one by one up to this many, then counted.
    static let maxUnknownKeyWarnings = 5
    static let namedColors = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let accepted = "#RRGGBB, 0-255, a named colour (black, red, …, bright-white) or default"

    /// The theme and its warnings, or every error. Missing roles take the dark theme's style.
    public static func parse(_ text: String, file: String) throws(ThemeFileError) -> (theme: Theme, warnings: [String]) {
        guard text.utf8.count <= maxBytes else { throw ThemeFileError(errors: ["\(file):1: more than \(maxBytes) bytes; not a theme"]) }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ThemeFileError(errors: ["\(file):\(line(of: error)): not valid YAML: \(problem(of: error))"])
        }
        guard let root, let mapping = root.mapping else {
            throw ThemeFileError(errors: ["\(file):1: a theme is a mapping of roles to colours (e.g. critical: \"#D55E00 bold\")"])
        }
        var theme = Theme.dark
        theme.name = String(file.split(separator: "/").last ?? "theme").replacingOccurrences(of: ".yaml", with: "")
        var errors: [String] = [], warnings: [String] = [], seen: Set<String> = []
        let roleKeys = Role.allCases.map(\.key)
        // A file none of whose keys a theme has is some other file (`--theme /etc/passwd`):
        // one line says so, and nothing of it is quoted.
        let knownKeys = Set(["name", "description", "background"] + roleKeys)
        guard mapping.contains(where: { knownKeys.contains($0.key.scalar?.string ?? "") }) else {
            throw ThemeFileError(errors: ["\(file): not a theme file: none of its keys is a colour role (see themes/dark.yaml)"])
        }
        var unknownKeys = 0
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            let at = "\(file):\(keyNode.mark?.line ?? 1)"
            seen.insert(key)
            switch key {
            case "name": theme.name = value.scalar?.string ?? theme.name
            case "description": theme.description = value.scalar?.string ?? ""
            case "background":
                do throws(ThemeFileError) { theme.background = try color(value.scalar?.string ?? "", at: at, key: key) } catch { errors += error.errors }
            default:
                guard let role = Role.allCases.first(where: { $0.key == key }) else {
                    unknownKeys += 1
                    if unknownKeys <= maxUnknownKeyWarnings {
                        warnings.append("\(at): \(key.count > 40 ? key.prefix(39) + "…" : key): unknown key, ignored (keys: name, description, background, \(roleKeys.joined(separator: ", ")))")
                    }
                    continue
                }
                do throws(ThemeFileError) { theme.set(role, try style(value.scalar?.string ?? "", at: at, key: key)) } catch { errors += error.errors }
            }
        }
        if unknownKeys > maxUnknownKeyWarnings {
            warnings.append("\(file): \(unknownKeys - maxUnknownKeyWarnings) more unknown keys, ignored")
        }
        for key in roleKeys where !seen.contains(key) {
            warnings.append("\(file): \(key): missing, using the default theme's value")
        }
        guard errors.isEmpty else { throw ThemeFileError(errors: errors) }
        return (theme, warnings)
    }

    /// `COLOR [on COLOR] [bold] [dim] [underline] [reverse]`.
    static func style(_ text: String, at: String, key: String) throws(ThemeFileError) -> Style {
        var style = Style()
        var foregroundSet = false
        var words = text.split(separator: " ").map(String.init)[...]
        guard !words.isEmpty else { throw ThemeFileError(errors: ["\(at): \(key): empty; expected a colour: \(accepted)"]) }
        while let word = words.popFirst() {
            switch word.lowercased() {
            case "bold": style.attributes.insert(.bold)
            case "dim": style.attributes.insert(.dim)
            case "underline": style.attributes.insert(.underline)
            case "reverse": style.attributes.insert(.reverse)
            case "on":
                guard let background = words.popFirst() else { throw ThemeFileError(errors: ["\(at): \(key): 'on' needs a background colour: \(accepted)"]) }
                style.background = try color(background, at: at, key: key)
            default:
                guard !foregroundSet else {
                    throw ThemeFileError(errors: ["\(at): \(key): unexpected '\(word)' (expected on COLOR, bold, dim, underline or reverse)"])
                }
                style.foreground = try color(word, at: at, key: key)
                foregroundSet = true
            }
        }
        return style
    }

    static func color(_ word: String, at: String, key: String) throws(ThemeFileError) -> ColorSpec {
        let w = word.lowercased()
        if w == "default" { return .terminalDefault }
        if let index = namedColors.firstIndex(of: w) { return .named(index) }
        if w.hasPrefix("bright-"), let index = namedColors.firstIndex(of: String(w.dropFirst(7))) { return .named(index + 8) }
        if w == "gray" || w == "grey" { return .named(8) }
        if let n = Int(w), (0...255).contains(n) { return .indexed(n) }
        if w.hasPrefix("#"), w.count == 7, let value = UInt32(w.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        throw ThemeFileError(errors: ["\(at): \(key): '\(word)' is not a colour (use \(accepted))"])
    }

    private static func line(of error: Error) -> Int {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
            case let .duplicatedKeysInMapping(_, context): return context.mark.line
            case let .reader(_, offset, _, text): return 1 + text.prefix(max(0, offset ?? 0)).filter(\.isNewline).count
            default: break
            }
        }
        return 1
    }

    private static func problem(of error: Error) -> String {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): return problem
            case let .duplicatedKeysInMapping(duplicates, _): return "duplicate key \(duplicates.joined(separator: ", "))"
            case let .reader(problem, _, _, _): return problem
            default: break
            }
        }
        // Never the error's own description: it quotes the file.
        return "unreadable"
    }
}
