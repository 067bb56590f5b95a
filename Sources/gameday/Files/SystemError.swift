import Foundation

/// A failed system call in words a person reads: what gameday was doing, the
/// path, and why (`errno` turned into a phrase), never a framework error dump.
struct SystemError: Error, CustomStringConvertible {
    /// `errno` as the system reported it.
    var code: Int32
    /// What was being done, e.g. "cannot write the recording".
    var action: String
    var path: String

    init(_ action: String, path: String, code: Int32 = errno) {
        self.action = action
        self.path = path
        self.code = code
    }

    var description: String { "\(action) \(path): \(Self.reason(code))" }

    /// Whether this is the disk (or the user's quota) running out of room.
    var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT }

    /// A short phrase for `errno`.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device (disk full)"
        case EDQUOT: "disk quota exceeded"
        case EACCES, EPERM: "permission denied"
        case EROFS: "read-only file system"
        case ENOENT: "no such file or folder"
        case ENOTDIR: "a part of the path is not a folder"
        case EISDIR: "is a folder"
        case EEXIST: "already exists"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "is a symbolic link (or too many links)"
        case EIO: "input/output error"
        case EFBIG: "file too large"
        case ENXIO, ENODEV: "no such device"
        case ETXTBSY: "file busy"
        case EMFILE, ENFILE: "too many open files"
        case EINVAL: "invalid argument"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// The capitalised cause shown when a recording stops during a game, e.g. "DISK FULL".
    static func shout(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "DISK FULL"
        case EDQUOT: "DISK QUOTA EXCEEDED"
        case EIO: "I/O ERROR"
        case EFBIG: "FILE TOO LARGE"
        default: "WRITE ERROR (\(reason(code)))"
        }
    }
}
