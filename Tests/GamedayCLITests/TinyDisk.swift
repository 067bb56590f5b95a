import Foundation

/// A very small tmpfs, for tests of a disk that fills up. Mounting needs root
/// (and a system that allows it): where it is not possible those tests are
/// skipped, saying why; `ulimit -f` tests the same path without privileges.
enum TinyDisk {
    /// Whether a tmpfs can be mounted here (tried once).
    static let canMount: Bool = {
        guard getuid() == 0, let folder = mount(kilobytes: 4) else { return false }
        unmount(folder)
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` on a new folder and returns the folder, or nil.
    static func mount(kilobytes: Int) -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString.prefix(8))").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        guard run(["/bin/mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder]) == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        return folder
    }

    static func unmount(_ folder: String) {
        _ = run(["/bin/umount", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Scratch files and folders for CLI tests, removed afterwards.
final class Scratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-scratch-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }

    /// A recording made by `gameday simulate` (a short game of first-day by the expert).
    func recording(_ name: String = "r.jsonl", minutes: Int = 5, team: String = "you") throws -> String {
        let path = path(name)
        _ = try CLITests.run(["simulate", "--duration", "\(minutes)m", "--bot", "expert", "--team", team, "--record", path])
        return path
    }
}
