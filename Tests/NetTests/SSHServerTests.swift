import Crypto
import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import ScreenKit
import Testing
@testable import Net

/// The SSH door's pieces: key files as OpenSSH writes them, authorized keys
/// read line by line, and connections that misbehave before they log in.
/// (Logging in and playing with the real `ssh` client: GamedayCLITests.)
@Suite struct SSHServerTests {
    @Test func aHostKeyFileReadsBackAndItsFingerprintIsOpenSSHs() throws {
        let key = Curve25519.Signing.PrivateKey()
        let file = OpenSSHKeyFile.privateFile(key, comment: "test")
        #expect(file.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n") && file.hasSuffix("-----END OPENSSH PRIVATE KEY-----\n"))
        let read = try OpenSSHKeyFile.readPrivate(file)
        #expect(read.rawRepresentation == key.rawRepresentation)
        // SHA256 over the public key blob, base64 without padding: what ssh-keygen -l prints.
        let line = OpenSSHKeyFile.publicLine(key.publicKey, comment: "test")
        let blob = try #require(Data(base64Encoded: String(line.split(separator: " ")[1])))
        let expected = "SHA256:" + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
        #expect(OpenSSHKeyFile.fingerprint(key.publicKey) == expected)
        #expect(try NIOSSHPublicKey(openSSHPublicKey: line) == NIOSSHPrivateKey(ed25519Key: key).publicKey)
        #expect(throws: KeyFileError.self) { try OpenSSHKeyFile.readPrivate("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n") }
    }

    @Test func theHostKeyIsMadeOnceWithMode0600AndKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostkey-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/gameday/ssh_host_ed25519_key"
        let first = try SSHHostKey.loadOrCreate(path: path)
        #expect(first.isNew)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try SSHHostKey.loadOrCreate(path: path)
        #expect(!second.isNew && second.fingerprint == first.fingerprint)
        #expect(SSHHostKey.defaultPath(environment: ["XDG_DATA_HOME": "/x"]) == "/x/gameday/ssh_host_ed25519_key")
        #expect(SSHHostKey.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/gameday/ssh_host_ed25519_key")
        try "garbage".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try SSHHostKey.loadOrCreate(path: path) } throws: { "\($0)".contains("\(path): not an OpenSSH private key file") }
    }

    @Test func authorizedKeysNameTheFileAndLine() throws {
        let key = Curve25519.Signing.PrivateKey()
        let line = OpenSSHKeyFile.publicLine(key.publicKey, comment: "alice@laptop")
        let keys = try AuthorizedKeys.parse("# the facilitator's team\n\n\(line)\n", file: "keys")
        #expect(keys.allows(NIOSSHPrivateKey(ed25519Key: key).publicKey))
        #expect(!keys.allows(NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey()).publicKey))
        let problems: [(String, String)] = [
            ("\(line)\nssh-rsa AAAAB3NzaC1yc2E me", "keys:2: ssh-rsa keys are not supported"),
            ("from=\"10.0.0.1\" \(line)", "keys:1: expected a key type first"),
            ("ssh-ed25519", "keys:1: the key's base64 is missing after ssh-ed25519"),
            ("ssh-ed25519 bm90IGEga2V5", "keys:1: not a valid ssh-ed25519 key"),
            ("# nothing\n", "keys: no keys in the authorized keys file"),
        ]
        for (text, message) in problems {
            #expect { try AuthorizedKeys.parse(text, file: "keys") } throws: { "\($0)".hasPrefix(message) }
        }
        #expect { try AuthorizedKeys.load(path: "/no/such/file") } throws: { "\($0)" == "/no/such/file: no such authorized keys file" }
    }

    /// A client that sends garbage, and one that never finishes the handshake,
    /// are closed; the host serves on meanwhile.
    @Test func garbageAndAStalledHandshakeAreClosedAndTheHostServesOn() throws {
        let host = try TestHost()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sshkey-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = SSHConsoleConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0),
                                                    hostKey: try SSHHostKey.loadOrCreate(path: folder + "/key"))
        configuration.handshakeTimeout = .milliseconds(300)
        let port = try host.server.startSSH(configuration).port ?? 0
        let silent = try RawClient(port: port)
        let garbage = try RawClient(port: port)
        try garbage.send(bytes: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8) + (0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let lying = try RawClient(port: port)
        try lying.send(bytes: Array("SSH-2.0-OpenSSH_9.2\r\n".utf8) + [0xFF, 0xFF, 0xFF, 0xF0] + Array(repeating: 0, count: 64))
        try eventually("the garbage sender is closed") { garbage.isClosed }
        try eventually("the lying client is closed") { lying.isClosed }
        try eventually("the silent client is closed after the handshake timeout") { silent.isClosed }
        let red = try host.client("red")
        try eventually("a team still joins") { red.screen.contains("Enter the console") }
    }

    @Test func terminalRequestsReadTheClientsLocale() {
        func request(_ environment: [String: String]) -> TerminalRequest {
            TerminalRequest(team: "red", width: 80, height: 24, term: "xterm-256color", environment: environment)
        }
        #expect(request([:]).isUTF8)
        #expect(request(["LANG": "en_GB.UTF-8"]).isUTF8)
        #expect(!request(["LANG": "C"]).isUTF8)
        #expect(!request(["LANG": "en_US.UTF-8", "LC_ALL": "POSIX"]).isUTF8)
        #expect(HostServer.consoleSize(width: 1_000, height: 3) == (400, 10))
    }
}
