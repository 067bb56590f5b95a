import Crypto
import Foundation
import NIOSSH

/// The facilitator's SSH host key: made on the first `--ssh` and kept in the
/// user's data directory (mode 0600), so participants who checked its
/// fingerprint once are not asked again next time.
public struct SSHHostKey: Sendable {
    public let key: Curve25519.Signing.PrivateKey
    public let path: String
    /// Whether this start made the key.
    public let isNew: Bool

    /// `SHA256:…`, as `ssh` shows it when it first meets the host.
    public var fingerprint: String { OpenSSHKeyFile.fingerprint(key.publicKey) }
    var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// `$XDG_DATA_HOME/gameday/ssh_host_ed25519_key` (default `~/.local/share/gameday/…`).
    public static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return "\(base)/gameday/ssh_host_ed25519_key"
    }

    /// Reads the key at `path`, or makes one there (with a `.pub` beside it) when there is none.
    public static func loadOrCreate(path: String) throws(KeyFileError) -> SSHHostKey {
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KeyFileError("\(path): cannot read the SSH host key (check its permissions)")
            }
            do throws(KeyFileError) {
                let key = try OpenSSHKeyFile.readPrivate(String(decoding: data, as: UTF8.self))
                return SSHHostKey(key: key, path: path, isNew: false)
            } catch {
                throw KeyFileError("\(path): \(error.description) (move it away and gameday makes a new host key)")
            }
        }
        let key = Curve25519.Signing.PrivateKey()
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KeyFileError("\(folder): cannot make the folder for the SSH host key")
        }
        let comment = "gameday host key"
        try write(OpenSSHKeyFile.privateFile(key, comment: comment), to: path, mode: 0o600)
        try? write(OpenSSHKeyFile.publicLine(key.publicKey, comment: comment) + "\n", to: path + ".pub", mode: 0o644)
        return SSHHostKey(key: key, path: path, isNew: true)
    }

    /// Writes a new file with its mode set from the start (never readable by others, even briefly).
    private static func write(_ text: String, to path: String, mode: mode_t) throws(KeyFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw KeyFileError("\(path): cannot write the SSH host key (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw KeyFileError("\(path): cannot write the SSH host key") }
    }
}
