import FleetSim
import Foundation
import Host
import Session

/// A facilitated session being recorded: the session file and one recording
/// per team of people, in one folder, appended as the game goes. Every file is
/// created new (never replacing one); a file that cannot be created or written
/// (a full disk) stops being written, cut at its last complete line, and the
/// problem is reported once, in words, for the facilitator. Used only on the
/// host's event loop (its hook), so it needs no lock.
final class SessionRecording: @unchecked Sendable {
    let folder: String
    private let sessionFile: RecordingFile
    private var recorder: SessionRecorder
    private var teams: [Int: GameRecording] = [:]
    /// Teams whose recording could not be created: not tried again.
    private var unrecorded: Set<Int> = []
    /// Problems found since the last call of `takeProblems`, for the facilitator's status line.
    private var newProblems: [String] = []
    /// Every problem found, for the lines printed after the game.
    private(set) var problems: [String] = []
    /// Files whose stop was reported already.
    private var reported: Set<String> = []
    private let appVersion: String
    private var finished = false

    static let sessionFileName = "session.jsonl"

    /// Creates the folder and the session file in it (which must not exist yet).
    init(folder: String, settings: GameSettings, appVersion: String, hint: String) throws(GamedayError) {
        self.folder = folder
        self.appVersion = appVersion
        sessionFile = try RecordingFile.create(folder + "/" + Self.sessionFileName, force: false, inputs: [], hint: hint)
        recorder = SessionRecorder(header: SessionHeader(appVersion: appVersion, settings: settings))
        if let stop = sessionFile.append([recorder.headerLine], tick: 0) {
            sessionFile.discard()
            throw GamedayError("cannot write the session file \(stop.path): \(SystemError.reason(stop.code))\(hint)")
        }
    }

    /// A new folder for a session under the recordings folder: `SCENARIO-STAMP-session`, or `…-session-2`… when taken.
    static func newFolder(scenario: String, environment: [String: String], hint: String) throws(GamedayError) -> String {
        let base = DataFolders.recordings(environment: environment)
        do { try DataFolders.create(base) } catch {
            throw GamedayError("cannot create the recordings folder \(base): \(SystemError.reason(error.code))\(hint)")
        }
        let name = "\(scenario)-\(DataFolders.stamp())-session"
        for n in 1...1_000 {
            let path = base + "/" + name + (n == 1 ? "" : "-\(n)")
            if mkdir(path, 0o755) == 0 { return path }
            guard errno == EEXIST else { throw GamedayError("\(SystemError("cannot create the folder", path: path))\(hint)") }
        }
        throw GamedayError("cannot find a free folder name like \(base)/\(name)\(hint)")
    }

    var sessionPath: String { folder + "/" + Self.sessionFileName }

    /// Writes what happened since the last call: session events, each team's commands, injects and checkpoints.
    func progress(_ game: FacilitatedGame) {
        guard !finished else { return }
        note(sessionFile.append(recorder.lines(for: game), tick: game.tick), of: "session file")
        for (number, team) in game.peopleTeams.enumerated() where !unrecorded.contains(team) {
            let session = game.match.teams[team].session
            let name = game.match.teams[team].name
            if teams[team] == nil {
                let header = RecordingHeader(appVersion: appVersion, scenario: game.settings.scenario, difficulty: game.settings.difficulty,
                                             seed: game.settings.seed, durationSeconds: game.settings.durationSeconds, team: name, hostTimeline: true)
                do {
                    let file = try RecordingFile.create(folder + "/" + SessionFile.recordingName(team: name, number: number + 1),
                                                        force: false, inputs: [], hint: "")
                    teams[team] = try GameRecording(file: file, header: header, hint: "")
                } catch {
                    unrecorded.insert(team)
                    newProblems.append("team \(name) is not recorded: \(error.message)")
                    problems.append("team \(name) is not recorded: \(error.message)")
                    continue
                }
            }
            note(teams[team]?.record(session), of: "team \(name)")
        }
    }

    /// The problems found since the last call (each reported once).
    func takeProblems() -> [String] {
        defer { newProblems = [] }
        return newProblems
    }

    /// Reports a file's stop once: now for the facilitator, and for the lines after the game.
    private func note(_ stop: RecordingStop?, of what: String) {
        guard let stop, !reported.contains(stop.path) else { return }
        reported.insert(stop.path)
        newProblems.append("\(what): \(stop.message)")
        problems.append("\(what): \(stop.summary)")
    }

    /// Removes the session file of a session that never started (its folder too, when nothing else is in it).
    func discard() {
        finished = true
        sessionFile.discard()
        // rmdir removes only an empty folder: anything else in it stays.
        _ = rmdir(folder)
    }

    /// The end lines and the files closed (the facilitator quit, or the game ended).
    func finish(_ game: FacilitatedGame) {
        progress(game)
        guard !finished else { return }
        finished = true
        for (team, recording) in teams { recording.finish(game.match.teams[team].session) }
        // A game the facilitator stopped early ends where it stood.
        let end = game.log.last?.kind == .ended ? [] : [SessionFile.line(SessionEvent(tick: game.tick, kind: .ended))]
        sessionFile.append(end, tick: game.tick)
        sessionFile.close(tick: game.tick)
        note(sessionFile.stop, of: "session file")
        for (team, recording) in teams { note(recording.stop, of: "team \(game.match.teams[team].name)") }
    }
}
