import Foundation
import Terminal

/// The console's crash log: while the full screen is up, the process's stderr
/// goes to a new file under `$XDG_DATA_HOME/gameday/crashes`, so nothing can
/// scribble over the screen and a crash's message ("Fatal error: …") and the Swift
/// runtime's backtrace are kept. The crash handler names the file after it
/// restores the terminal; after a normal exit an empty log is removed and a
/// non-empty one is named.
struct CrashLog {
    let path: String
    private let file: OutputFile

    /// A new log file, or nil when the data folder cannot hold one (then stderr stays where it is).
    static func create(environment: [String: String]) -> CrashLog? {
        let folder = DataFolders.crashes(environment: environment)
        do {
            try DataFolders.create(folder, mode: 0o700)
            let file = try OutputFile.create(folder + "/gameday-\(DataFolders.stamp())-\(getpid()).log")
            return CrashLog(path: file.path, file: file)
        } catch {
            return nil
        }
    }

    /// What the terminal layer needs to send stderr to the file.
    var diagnostics: TerminalScreen.Diagnostics { TerminalScreen.Diagnostics(descriptor: file.descriptor, path: path) }

    /// After the screen is restored (stderr is the terminal's again): removes an
    /// empty log, or says where the messages written meanwhile are.
    func finish() {
        file.close()
        var info = stat()
        if stat(path, &info) == 0, info.st_size == 0 {
            _ = unlink(path)
        } else {
            StandardError.writeLine("gameday: messages written while the console was up are in \(path)")
        }
    }
}
