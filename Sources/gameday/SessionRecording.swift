import Foundation
import Host
import Session

/// A facilitated session being recorded: the session file and one recording
/// per team of people, in one folder, appended as the game goes. Used only on
/// the host's event loop (its hook), so it needs no lock.
final class SessionRecording: @unchecked Sendable {
    let folder: String
    private let sessionFile: RecordingFile
    private var recorder: SessionRecorder
    private var teams: [Int: (file: RecordingFile, recorder: Recorder)] = [:]
    private let appVersion: String
    private var finished = false

    static let sessionFileName = "session.jsonl"

    init(folder: String, settings: GameSettings, appVersion: String) throws {
        self.folder = folder
        self.appVersion = appVersion
        sessionFile = try RecordingFile(path: folder + "/" + Self.sessionFileName)
        recorder = SessionRecorder(header: SessionHeader(appVersion: appVersion, settings: settings))
        sessionFile.append([recorder.headerLine])
    }

    var sessionPath: String { folder + "/" + Self.sessionFileName }

    /// Writes what happened since the last call: session events, each team's commands, injects and checkpoints.
    func progress(_ game: FacilitatedGame) {
        guard !finished else { return }
        sessionFile.append(recorder.lines(for: game))
        for (number, team) in game.peopleTeams.enumerated() {
            let session = game.match.teams[team].session
            if teams[team] == nil {
                let name = game.match.teams[team].name
                let header = RecordingHeader(appVersion: appVersion, scenario: game.settings.scenario, difficulty: game.settings.difficulty,
                                             seed: game.settings.seed, durationSeconds: game.settings.durationSeconds, team: name, hostTimeline: true)
                guard let file = try? RecordingFile(path: folder + "/" + SessionFile.recordingName(team: name, number: number + 1)) else { continue }
                let recorder = Recorder(header: header)
                file.append([recorder.headerLine])
                teams[team] = (file, recorder)
            }
            guard var entry = teams[team] else { continue }
            entry.file.append(entry.recorder.lines(for: session))
            teams[team] = entry
        }
    }

    /// Removes the session file of a session that never started (its folder too, when nothing else is in it).
    func discard() {
        finished = true
        sessionFile.close()
        try? FileManager.default.removeItem(atPath: sessionPath)
        if (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The end lines and the files closed (the facilitator quit, or the game ended).
    func finish(_ game: FacilitatedGame) {
        progress(game)
        guard !finished else { return }
        finished = true
        for (team, entry) in teams {
            entry.file.append([entry.recorder.endLine(for: game.match.teams[team].session)])
            entry.file.close()
        }
        // A game the facilitator stopped early ends where it stood.
        if game.log.last?.kind != .ended { sessionFile.append([SessionFile.line(SessionEvent(tick: game.tick, kind: .ended))]) }
        sessionFile.close()
    }
}
