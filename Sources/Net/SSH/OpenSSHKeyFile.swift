import Crypto
import Foundation

/// An Ed25519 key in OpenSSH's own file formats, so `ssh-keygen -lf` reads
/// the host key gameday keeps, and the fingerprint the facilitator console
/// shows is the one OpenSSH prints (`SHA256:` and the unpadded base64 of the
/// public key blob's SHA-256).
public enum OpenSSHKeyFile {
    static let keyType = "ssh-ed25519"
    static let magic = Array("openssh-key-v1".utf8) + [0]
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"

    /// The public key as SSH writes it on the wire: string "ssh-ed25519", string key.
    static func publicBlob(_ key: Curve25519.Signing.PublicKey) -> [UInt8] {
        var blob: [UInt8] = []
        blob.appendSSHString(Array(keyType.utf8))
        blob.appendSSHString(Array(key.rawRepresentation))
        return blob
    }

    /// `SHA256:…` as `ssh-keygen -l` and `ssh` print it.
    public static func fingerprint(_ key: Curve25519.Signing.PublicKey) -> String {
        let digest = Data(SHA256.hash(data: publicBlob(key))).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The `authorized_keys` / `.pub` line.
    public static func publicLine(_ key: Curve25519.Signing.PublicKey, comment: String) -> String {
        "\(keyType) \(Data(publicBlob(key)).base64EncodedString()) \(comment)"
    }

    /// The private key file, unencrypted, as `ssh-keygen -t ed25519 -N ''` writes it.
    public static func privateFile(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        var secret: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        let check = UInt32(truncatingIfNeeded: generator.next())
        secret.appendUInt32(check)
        secret.appendUInt32(check)
        secret.appendSSHString(Array(keyType.utf8))
        secret.appendSSHString(publicKey)
        secret.appendSSHString(Array(key.rawRepresentation) + publicKey)
        secret.appendSSHString(Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 {
            secret.append(pad)
            pad += 1
        }
        var body = magic
        body.appendSSHString(Array("none".utf8))
        body.appendSSHString(Array("none".utf8))
        body.appendSSHString([])
        body.appendUInt32(1)
        body.appendSSHString(publicBlob(key.publicKey))
        body.appendSSHString(secret)
        let base64 = Data(body).base64EncodedString()
        var lines = [begin]
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(70)))
            rest = rest.dropFirst(70)
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a private key file this type wrote (or `ssh-keygen -t ed25519 -N ''`).
    public static func readPrivate(_ text: String) throws(KeyFileError) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end), first < last,
              let data = Data(base64Encoded: lines[(first + 1)..<last].joined()) else {
            throw KeyFileError("not an OpenSSH private key file")
        }
        var reader = SSHReader(Array(data))
        guard reader.take(magic.count) == magic else { throw KeyFileError("not an OpenSSH private key file") }
        guard reader.string() == Array("none".utf8), reader.string() == Array("none".utf8), reader.string() != nil else {
            throw KeyFileError("the key is encrypted (gameday keeps its host key unencrypted, mode 0600)")
        }
        guard reader.uint32() == 1, reader.string() != nil, let secretBytes = reader.string() else { throw KeyFileError("not one key") }
        var secret = SSHReader(secretBytes)
        guard let check1 = secret.uint32(), check1 == secret.uint32() else { throw KeyFileError("damaged private key") }
        guard secret.string() == Array(keyType.utf8) else { throw KeyFileError("not an Ed25519 key") }
        guard let publicKey = secret.string(), let pair = secret.string(), pair.count == 64, publicKey.count == 32 else {
            throw KeyFileError("damaged Ed25519 key")
        }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: pair.prefix(32)),
              Array(key.publicKey.rawRepresentation) == publicKey else { throw KeyFileError("damaged Ed25519 key") }
        return key
    }
}

/// Why a key file cannot be used, in a few words.
public struct KeyFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension [UInt8] {
    mutating func appendUInt32(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendSSHString(_ bytes: [UInt8]) {
        appendUInt32(UInt32(bytes.count))
        append(contentsOf: bytes)
    }
}

/// Reads SSH's uint32 and length-prefixed strings; nil past the end.
struct SSHReader {
    private let bytes: [UInt8]
    private var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32() -> UInt32? {
        take(4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    mutating func string() -> [UInt8]? {
        guard let length = uint32(), length <= 1 << 20 else { return nil }
        return take(Int(length))
    }
}
