import Foundation
import NIOSSH

/// The public keys the facilitator allowed (`--authorized-keys FILE`, in
/// OpenSSH's `authorized_keys` format): whoever holds one may join as any
/// team without the token. Problems name the file and line.
public struct AuthorizedKeys: Sendable {
    public private(set) var keys: [NIOSSHPublicKey] = []

    public init(keys: [NIOSSHPublicKey] = []) { self.keys = keys }

    public func allows(_ key: NIOSSHPublicKey) -> Bool { keys.contains(key) }

    /// The largest file read.
    static let maxBytes = 1 << 20
    static let supported = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    /// Reads a file; one line for the first problem.
    public static func load(path: String) throws(KeyFileError) -> AuthorizedKeys {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw KeyFileError("\(path): no such authorized keys file")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw KeyFileError("\(path): cannot read the authorized keys file") }
        guard data.count <= maxBytes else { throw KeyFileError("\(path): too large for an authorized keys file (over 1 MiB)") }
        guard let text = String(data: data, encoding: .utf8) else { throw KeyFileError("\(path): not a text file") }
        return try parse(text, file: path)
    }

    /// Reads `authorized_keys` text: `TYPE BASE64 [COMMENT]` a line; blank lines and `#` comments skipped.
    public static func parse(_ text: String, file: String) throws(KeyFileError) -> AuthorizedKeys {
        var found = AuthorizedKeys()
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let where_ = "\(file):\(number + 1)"
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let type = String(fields[0])
            guard type.hasPrefix("ssh-") || type.hasPrefix("ecdsa-") || type.hasPrefix("sk-") else {
                throw KeyFileError("\(where_): expected a key type first (\(supported.joined(separator: ", "))), got '\(type.prefix(40))' "
                                   + "(options before the key are not supported)")
            }
            guard supported.contains(type) else {
                throw KeyFileError("\(where_): \(type) keys are not supported (use \(supported.joined(separator: ", ")))")
            }
            guard fields.count >= 2 else { throw KeyFileError("\(where_): the key's base64 is missing after \(type)") }
            do {
                found.keys.append(try NIOSSHPublicKey(openSSHPublicKey: "\(type) \(fields[1])"))
            } catch {
                throw KeyFileError("\(where_): not a valid \(type) key (damaged base64?)")
            }
        }
        guard !found.keys.isEmpty else { throw KeyFileError("\(file): no keys in the authorized keys file") }
        return found
    }
}
