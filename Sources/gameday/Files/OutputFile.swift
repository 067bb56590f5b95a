import Foundation

/// A file gameday writes (a recording, an asciicast), created so that it can
/// never destroy anything: `open(O_CREAT | O_EXCL | O_NOFOLLOW)` refuses a path
/// that exists, so an existing file, a symbolic link, a pipe or a device is never
/// replaced or written through. `--force` replaces an existing regular file and
/// nothing else, and an output that is one of the command's own inputs is always refused.
final class OutputFile {
    let path: String
    private var fd: Int32
    /// Bytes written by complete writes: the length to cut back to after a failed one.
    private(set) var committedBytes = 0

    /// Something the command reads, which its output must not overwrite.
    struct Input {
        var path: String
        /// What it is, for the message: "the recording being exported".
        var role: String
    }

    /// Why an output file was not created, in one line naming the path.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
        /// The path exists (so a numbered name may be tried instead).
        var exists = false
    }

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { if fd >= 0 { Foundation.close(fd) } }

    /// The open file descriptor (-1 once closed), for handing the file to C.
    var descriptor: Int32 { fd }

    /// Creates `path` for writing. It must not exist, unless `force` and it is a
    /// regular file; it must not be any of `inputs`.
    static func create(_ path: String, force: Bool = false, inputs: [Input] = []) throws(Refusal) -> OutputFile {
        for input in inputs where sameFile(path, input.path) {
            throw Refusal(description: "\(path) is \(input.role): refusing to overwrite it (choose another output path)")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                guard force else { throw Refusal(description: "\(path) already exists: not replacing it (choose another path, or --force to replace it)", exists: true) }
                guard unlink(path) == 0 else { throw Refusal(description: SystemError("cannot replace", path: path).description) }
            case S_IFLNK: throw Refusal(description: "\(path) is a symbolic link: not writing through it (choose another path)", exists: true)
            case S_IFDIR: throw Refusal(description: "\(path) is a folder: give a file name", exists: true)
            default: throw Refusal(description: "\(path) is a device, pipe or socket, not a file: not writing to it", exists: true)
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { throw Refusal(description: "\(path) already exists: not replacing it (choose another path, or --force to replace it)", exists: true) }
            throw Refusal(description: SystemError("cannot create", path: path, code: code).description)
        }
        return OutputFile(path: path, fd: fd)
    }

    /// Writes all of `bytes` or throws the system's error code; a failed write
    /// leaves `committedBytes` where it was.
    func write(_ bytes: some Collection<UInt8>) throws(WriteFailure) {
        guard fd >= 0 else { throw WriteFailure(code: EBADF) }
        let buffer = Array(bytes)
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, buffer.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(code: errno)
            }
            offset += n
        }
        committedBytes += buffer.count
    }

    /// Cuts the file back to the end of the last complete write (after a write
    /// failed half-way, so the file ends with a whole line). Shrinking needs no space.
    func cutToCommitted() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, off_t(committedBytes))
    }

    /// Closes the file; the error of the final close (delayed write errors on
    /// some file systems) is returned.
    @discardableResult
    func close() -> WriteFailure? {
        guard fd >= 0 else { return nil }
        let status = Foundation.close(fd)
        fd = -1
        return status == 0 ? nil : WriteFailure(code: errno)
    }

    /// Closes and removes the file (it was created by this run, so it is ours):
    /// for an output that could not be written whole.
    func discard() {
        close()
        _ = unlink(path)
    }

    /// Whether two paths name the same file (same device and inode, links followed).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

/// A write that failed, with the system's error code.
struct WriteFailure: Error {
    var code: Int32
}
