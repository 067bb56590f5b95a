import Session

/// A game being recorded: the pure `Recorder` turns the player's session into
/// lines and the `RecordingFile` writes them as play goes. Shared by `play`,
/// `simulate` and a replay's take-over branch.
final class GameRecording {
    let file: RecordingFile
    private var recorder: Recorder

    /// Starts the recording with its header line; a file whose header cannot be
    /// written is removed and the reason thrown.
    init(file: RecordingFile, header: RecordingHeader, hint: String) throws(GamedayError) {
        self.file = file
        recorder = Recorder(header: header)
        if let stop = file.append([recorder.headerLine], tick: 0) {
            file.discard()
            throw GamedayError("cannot write the recording \(stop.path): \(SystemError.reason(stop.code))\(hint)")
        }
    }

    var path: String { file.path }
    /// Why writing stopped, if it did.
    var stop: RecordingStop? { file.stop }

    /// Records what happened since the last call (call after every tick).
    /// Returns the stop when writing failed just now.
    @discardableResult
    func record(_ session: GameSession) -> RecordingStop? {
        file.append(recorder.lines(for: session), tick: session.world.tick)
    }

    /// Removes the file: the game never started, so there is nothing to keep.
    func discard() { file.discard() }

    /// Records the rest and the end line, and closes the file.
    func finish(_ session: GameSession) {
        file.append(recorder.lines(for: session) + [recorder.endLine(for: session)], tick: session.world.tick)
        file.close(tick: session.world.tick)
    }
}
