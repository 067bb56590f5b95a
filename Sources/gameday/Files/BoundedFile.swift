import Foundation

/// Reads the files people name on the command line (scenarios, themes,
/// recordings) without trusting their size: the size is checked with fstat
/// before anything is read, and the read itself stops one byte past the limit,
/// so a huge or sparse file, a growing file, a pipe or /dev/zero costs
/// milliseconds and constant memory. Folders and devices are refused.
enum BoundedFile {
    /// Why a file was not read, in a few words (the caller names the file).
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The file's bytes, at most `maxBytes` of them, or why not; `kind` names
    /// such files in the message about the limit ("recordings").
    static func read(_ path: String, maxBytes: Int, kind: String) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(reason: errno == ENOENT ? "no such file" : SystemError.reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(reason: SystemError.reason(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard Int(info.st_size) <= maxBytes else { throw tooLarge(Int(info.st_size), maxBytes, kind) }
        case S_IFIFO:
            // A pipe (`<(…)`): wait for its writer like any reader would.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        case S_IFDIR: throw Failure(reason: "is a folder, not a file")
        default: throw Failure(reason: "is a device or socket, not a file")
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count <= maxBytes {
            let wanted = min(chunk.count, maxBytes + 1 - data.count)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, wanted) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: SystemError.reason(errno))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        // The file grew past the limit after fstat, or is a pipe with more to say.
        guard data.count <= maxBytes else { throw tooLarge(nil, maxBytes, kind) }
        return data
    }

    /// At most the first `bytes` bytes of a regular file (to tell what kind of file it
    /// is), or nil when it is not a regular file or cannot be read.
    static func start(of path: String, bytes: Int) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: bytes)
        let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, bytes) }
        return n > 0 ? Data(buffer[0..<n]) : nil
    }

    private static func tooLarge(_ size: Int?, _ limit: Int, _ kind: String) -> Failure {
        Failure(reason: (size.map { "file is \(bytes($0))" } ?? "file is too large") + "; \(kind) are at most \(bytes(limit))")
    }

    /// A byte count for people: `3 GiB`, `1.5 MiB`, `512 bytes`.
    static func bytes(_ count: Int) -> String {
        let units: [(Int, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where count >= size {
            let tenths = (Double(count) / Double(size) * 10).rounded() / 10
            return tenths == tenths.rounded() ? "\(Int(tenths)) \(unit)" : "\(tenths) \(unit)"
        }
        return "\(count) bytes"
    }
}
