import FleetSim
import Foundation

/// A recording being written: each batch of lines goes to the file with one
/// write(2), so a session killed at any moment leaves every complete line.
/// When a write fails (disk full, quota, I/O error) the file is cut back to its
/// last complete line and writing stops: the game goes on unrecorded, the file
/// stays a valid (cut-short) recording, and `stop` says why and when.
final class RecordingFile {
    private let file: OutputFile
    /// Why and at what game time writing stopped; nil while it works.
    private(set) var stop: RecordingStop?

    var path: String { file.path }

    private init(file: OutputFile) { self.file = file }

    /// Creates the recording at `path` (never replacing anything unless `force`,
    /// never one of `inputs`); `hint` ends the message when it cannot be created.
    static func create(_ path: String, force: Bool, inputs: [OutputFile.Input], hint: String) throws(GamedayError) -> RecordingFile {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try DataFolders.create(folder) }
            return RecordingFile(file: try OutputFile.create(path, force: force, inputs: inputs))
        } catch let error as SystemError {
            throw GamedayError("\(error)\(hint)")
        } catch {
            throw GamedayError("cannot write the recording: \(error)\(hint)")
        }
    }

    /// Creates `folder/name.jsonl`, or `name-2.jsonl`, `name-3.jsonl`… when taken:
    /// two games started in the same millisecond still get a file each.
    static func createUnique(in folder: String, name: String, hint: String) throws(GamedayError) -> RecordingFile {
        do { try DataFolders.create(folder) } catch {
            throw GamedayError("cannot create the recordings folder \(folder): \(SystemError.reason(error.code))\(hint)")
        }
        for n in 1...1_000 {
            let path = folder + "/" + name + (n == 1 ? "" : "-\(n)") + ".jsonl"
            do throws(OutputFile.Refusal) {
                return RecordingFile(file: try OutputFile.create(path))
            } catch where error.exists {
                continue
            } catch {
                throw GamedayError("cannot write the recording: \(error)\(hint)")
            }
        }
        throw GamedayError("cannot find a free recording name like \(folder)/\(name).jsonl\(hint)")
    }

    /// Appends `lines`, written at game tick `tick`. Returns the stop when this
    /// write is the one that failed; after that, appends do nothing.
    @discardableResult
    func append(_ lines: [String], tick: Int) -> RecordingStop? {
        guard stop == nil, !lines.isEmpty else { return nil }
        do throws(WriteFailure) {
            try file.write((lines.joined(separator: "\n") + "\n").utf8)
            return nil
        } catch {
            file.cutToCommitted()
            let stopped = RecordingStop(code: error.code, tick: tick, path: file.path)
            stop = stopped
            return stopped
        }
    }

    /// Closes the file; a delayed write error reported by close becomes the stop.
    @discardableResult
    func close(tick: Int) -> RecordingStop? {
        if let failure = file.close(), stop == nil {
            stop = RecordingStop(code: failure.code, tick: tick, path: file.path)
            return stop
        }
        return nil
    }

    /// Closes and removes the file (nothing useful was written).
    func discard() { file.discard() }
}

/// Why a recording stopped during a game, and when.
struct RecordingStop: Sendable, Hashable {
    var code: Int32
    var tick: Int
    var path: String

    /// What the player is told, in the console and on the end screen.
    var message: String {
        "recording stopped: \(SystemError.shout(code)) at \(GameTime.format(tick)) — the game continues unrecorded; the file so far is valid"
    }

    /// What is printed after the game (or a headless run): one line.
    var summary: String {
        "recording stopped at \(GameTime.format(tick)): \(SystemError.reason(code)); \(path) holds the game up to there (a valid recording, cut short)"
    }
}
