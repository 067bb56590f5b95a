import Foundation

/// The host's resume token for a team's console, kept while `gameday join` runs
/// (`$XDG_DATA_HOME/gameday/join/HOST-PORT-TEAM`), so that a terminal closed by
/// accident comes back to the same console — selection, command line and keys —
/// on the next `join`, as a dropped link does. Leaving with `q` or Ctrl-C removes
/// it. Best effort: a folder that cannot be written only loses the resume.
struct JoinResumeFile {
    let path: String

    init(host: String, port: Int, team: String, environment: [String: String]) {
        let safeHost = String(host.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        path = DataFolders.base(environment: environment) + "/join/\(safeHost)-\(port)-\(team)"
    }

    /// The token saved by an earlier `join` of this team to this host, if the host may
    /// still keep its console (it keeps one 15 minutes after the link drops).
    func read(now: Date = Date(), keptSeconds: TimeInterval = 15 * 60) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) < keptSeconds,
              (attributes[.size] as? Int ?? 0) <= 256,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty || token.contains(where: \.isNewline) ? nil : token
    }

    /// Keeps `token` for the next `join` (only this user may read it: it resumes the console).
    func write(_ token: String) {
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? DataFolders.create(folder, mode: 0o700)) != nil else { return }
        _ = FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
