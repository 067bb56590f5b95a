import Console
import Foundation
import ScreenKit

/// Finds and reads theme files at the edge: by name from the themes folder,
/// or by path. A problem never stops the game: it falls back to dark.
enum ThemeLoader {
    /// Where named themes are looked for, in order: $GAMEDAY_THEMES_DIR, ./themes,
    /// the themes folder of the checkout this binary was built from.
    static func folders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let custom = environment["GAMEDAY_THEMES_DIR"], !custom.isEmpty { folders.append(custom) }
        folders.append(FileManager.default.currentDirectoryPath + "/themes")
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(checkout.appendingPathComponent("themes").path)
        return folders
    }

    /// Every theme file found, by name (the first folder wins).
    static func available(environment: [String: String]) -> [(name: String, path: String)] {
        var found: [(String, String)] = []
        for folder in folders(environment: environment) {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files where !found.contains(where: { $0.0 == String(file.dropLast(5)) }) {
                found.append((String(file.dropLast(5)), folder + "/" + file))
            }
        }
        if !found.contains(where: { $0.0 == "dark" }) { found.insert(("dark", "(built in)"), at: 0) }
        return found
    }

    /// Loads `nameOrPath`; returns the theme and warnings, or throws every error.
    static func load(_ nameOrPath: String, environment: [String: String]) throws -> (theme: Theme, warnings: [String]) {
        let path: String
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
            path = nameOrPath
        } else if let match = available(environment: environment).first(where: { $0.name == nameOrPath }) {
            if match.path == "(built in)" { return (.dark, []) }
            path = match.path
        } else {
            throw GamedayError("unknown theme '\(nameOrPath)' (themes: \(available(environment: environment).map(\.name).joined(separator: ", ")); or a path to a .yaml file)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw GamedayError("\(path): cannot read the theme file") }
        guard data.count <= ThemeFile.maxBytes, let text = String(data: data, encoding: .utf8) else {
            throw GamedayError("\(path): not a theme file (too large or not UTF-8)")
        }
        do { return try ThemeFile.parse(text, file: path) } catch { throw GamedayError(error.description) }
    }

    /// The theme to start with: --theme, else $GAMEDAY_THEME, else dark. Problems are
    /// returned as messages, and the game starts with dark.
    static func startingTheme(option: String?, environment: [String: String]) -> (theme: Theme, messages: [String]) {
        guard let name = option ?? environment["GAMEDAY_THEME"].flatMap({ $0.isEmpty ? nil : $0 }) else { return (.dark, []) }
        do {
            let (theme, warnings) = try load(name, environment: environment)
            return (theme, warnings.map { "warning: \($0)" })
        } catch {
            return (.dark, ["\(error)", "theme '\(name)' not used: starting with dark"])
        }
    }
}
