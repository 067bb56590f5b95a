import Foundation

/// Where gameday keeps what it writes on its own: recordings and crash logs,
/// under `$XDG_DATA_HOME/gameday` (default `~/.local/share/gameday`), and how
/// those folders are made (mkdir -p, with every failure in words).
enum DataFolders {
    /// `$XDG_DATA_HOME/gameday`.
    static func base(environment: [String: String]) -> String {
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/share")
        return data + "/gameday"
    }

    static func recordings(environment: [String: String]) -> String { base(environment: environment) + "/recordings" }
    static func crashes(environment: [String: String]) -> String { base(environment: environment) + "/crashes" }

    /// Creates `path` and the folders above it, as `mkdir -p` does; throws why not.
    static func create(_ path: String, mode: mode_t = 0o755) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, mode) == 0 { continue }
            let code = errno
            var info = stat()
            if code == EEXIST, stat(prefix, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else { throw SystemError("cannot create the folder", path: path, code: ENOTDIR) }
                continue
            }
            throw SystemError("cannot create the folder", path: path, code: code)
        }
    }

    /// A local time stamp with milliseconds, for file names: `20250612-143005-127`.
    static func stamp(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}
