import Console
import Foundation
import ScreenKit

/// Finds and reads themes at the edge: the shipped themes are built into the
/// binary (from themes/), and theme files in the user's folders add to them or
/// replace them by name. A problem never stops the game: it falls back to dark.
enum ThemeLoader {
    /// Where a theme comes from: built in, or a file.
    enum Origin: Equatable {
        case builtIn(text: String)
        case file(String)

        var description: String {
            switch self {
            case .builtIn: "built in"
            case let .file(path): path
            }
        }
    }

    /// User theme folders, searched before the built-in themes: $GAMEDAY_THEMES_DIR,
    /// then $XDG_CONFIG_HOME/gameday/themes (default ~/.config/gameday/themes).
    static func folders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let custom = environment["GAMEDAY_THEMES_DIR"], !custom.isEmpty { folders.append(custom) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        folders.append(config + "/gameday/themes")
        return folders
    }

    /// Every theme by name: user files first (the first folder wins), then the built-in ones.
    static func available(environment: [String: String]) -> [(name: String, origin: Origin)] {
        var found: [(name: String, origin: Origin)] = []
        for folder in folders(environment: environment) {
            // A missing or unreadable folder holds no themes.
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files where !found.contains(where: { $0.name == String(file.dropLast(5)) }) {
                found.append((String(file.dropLast(5)), .file(folder + "/" + file)))
            }
        }
        for shipped in ShippedThemes.files where !found.contains(where: { $0.name == shipped.name }) {
            found.append((shipped.name, .builtIn(text: shipped.text)))
        }
        return found
    }

    /// Loads `nameOrPath`; returns the theme and warnings, or throws every error.
    static func load(_ nameOrPath: String, environment: [String: String]) throws -> (theme: Theme, warnings: [String]) {
        let origin: Origin
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
            origin = .file(nameOrPath)
        } else if let match = available(environment: environment).first(where: { $0.name == nameOrPath }) {
            origin = match.origin
        } else {
            throw GamedayError("unknown theme '\(nameOrPath)' (themes: \(available(environment: environment).map(\.name).joined(separator: ", ")); or a path to a .yaml file)")
        }
        switch origin {
        case let .builtIn(text):
            do { return try ThemeFile.parse(text, file: "\(nameOrPath) (built in)") } catch { throw GamedayError(lines: error.errors) }
        case let .file(path):
            let data: Data
            do { data = try BoundedFile.read(path, maxBytes: ThemeFile.maxBytes, kind: "theme files") } catch {
                throw GamedayError("\(path): cannot read the theme file: \(error.reason)")
            }
            guard let text = String(validating: data, as: UTF8.self) else { throw GamedayError("\(path): not a theme file (not UTF-8 text)") }
            do { return try ThemeFile.parse(text, file: path) } catch { throw GamedayError(lines: error.errors) }
        }
    }

    /// The theme to start with: --theme, else $GAMEDAY_THEME, else dark. Problems are
    /// returned as messages, and the game starts with dark.
    static func startingTheme(option: String?, environment: [String: String]) -> (theme: Theme, messages: [String]) {
        guard let name = option ?? environment["GAMEDAY_THEME"].flatMap({ $0.isEmpty ? nil : $0 }) else { return (.dark, []) }
        do {
            let (theme, warnings) = try load(name, environment: environment)
            return (theme, warnings.map { "warning: \($0)" })
        } catch {
            return (.dark, ((error as? GamedayError)?.lines ?? ["cannot load the theme"]) + ["theme '\(name)' not used: starting with dark"])
        }
    }
}
