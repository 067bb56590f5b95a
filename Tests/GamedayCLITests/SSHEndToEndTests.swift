import Foundation
import NIOCore
import NIOPosix
import Testing

/// A room that joins with nothing but OpenSSH: the real `ssh` client in a
/// real terminal (tmux) logs into a running host, plays, resizes, leaves and
/// comes back; wrong passwords, commands, sftp and forwarding are refused;
/// bad flags are one line and status 2. Needs `ssh` and `sshpass` (.ci/run
/// installs them); without them locally the tests say so and skip.
@Suite(.serialized) struct SSHEndToEndTests {
    static var binary: String { FacilitatedEndToEndTests.binary }
    static let utf8 = ConsoleEndToEndTests.utf8
    static let hasClient = FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") && FileManager.default.isExecutableFile(atPath: "/usr/bin/sshpass")
    static let options = "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no"

    /// A facilitator serving SSH on a free port, its data (host key) in a scratch folder.
    struct Room {
        let facilitator: Tmux
        let sshPort: Int
        let token: String
        let data: String

        init(extra: String = "") throws {
            sshPort = try FacilitatedEndToEndTests.freePort()
            let port = try FacilitatedEndToEndTests.freePort()
            token = "ssh-token-\(UInt32.random(in: 1000...9999))"
            data = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-ssh-\(UUID().uuidString.prefix(8))").path
            var environment = SSHEndToEndTests.utf8
            environment["XDG_DATA_HOME"] = data
            facilitator = try Tmux(command: "\(SSHEndToEndTests.binary) facilitate --listen 127.0.0.1:\(port) --ssh 127.0.0.1:\(sshPort) "
                                   + "--token \(token) --no-record \(extra)", width: 200, height: 50, environment: environment)
        }

        func ssh(_ team: String, password: String? = nil, width: Int = 120, height: Int = 40, extra: String = "") throws -> Tmux {
            try Tmux(command: "sshpass -p '\(password ?? token)' ssh \(SSHEndToEndTests.options) \(extra) -p \(sshPort) \(team)@127.0.0.1",
                     width: width, height: height, environment: SSHEndToEndTests.utf8)
        }

        var hostKey: String { data + "/gameday/ssh_host_ed25519_key" }
    }

    static func row(_ screen: String?, _ words: String...) -> Bool {
        screen?.split(separator: "\n").contains { line in words.allSatisfy { line.contains($0) } } == true
    }

    @Test(.enabled(if: hasClient, "needs ssh and sshpass (apt-get install openssh-client sshpass; .ci/run does)"))
    func aTeamPlaysOverSSHResizesLeavesAndComesBack() throws {
        let room = try Room()
        defer { try? FileManager.default.removeItem(atPath: room.data) }
        #expect(try room.facilitator.wait(for: "NOT STARTED") != nil)
        // The header shows the host key's fingerprint, as OpenSSH prints it.
        let keygen = try CLITests.run(["-lf", room.hostKey], executable: URL(fileURLWithPath: "/usr/bin/ssh-keygen"))
        let fingerprint = try #require(keygen.stdout.split(separator: " ").first { $0.hasPrefix("SHA256:") })
        #expect(try room.facilitator.wait(for: "ssh \(fingerprint)") != nil, "the fingerprint in the header")
        #expect(try room.facilitator.wait(for: "ssh -p \(room.sshPort) NAME@127.0.0.1") != nil, "how to join over ssh")

        let red = try room.ssh("red")
        #expect(try red.wait(for: "Enter the console") != nil, "the briefing over ssh")
        try red.press("Enter")
        #expect(try red.wait(for: "WAITING FOR THE FACILITATOR") != nil)
        #expect(try room.facilitator.wait { Self.row($0, "red", "● 1") } != nil, "red online on the facilitator's console")

        try room.facilitator.press("Space")
        try red.press(":")
        try red.type("scale web 6")
        try red.press("Enter")
        #expect(try red.wait(for: "scale web 6 at") != nil, "the command line over ssh")
        #expect(try room.facilitator.wait { Self.row($0, "red", "ago") } != nil, "red's command on the leaderboard")
        try red.press("Down")
        try red.press("Down")
        #expect(try red.wait { Self.row($0, "▸ rentals") } != nil, "arrow keys select rows")
        try red.press("Space")
        #expect(try red.wait(for: "the facilitator runs the clock in this game") != nil)

        // A bigger window reflows the console to it.
        try red.resize(width: 160, height: 45)
        #expect(try red.wait { screen in
            let header = screen.split(separator: "\n").first ?? ""
            return header.contains("? help") && header.trimmingCharacters(in: .whitespaces).count > 150
        } != nil, "the header spans the new width")

        // The link drops (ssh's ~. escape): the same team over ssh gets its console back, selection and all.
        try red.press(":")
        try red.press("Enter")
        try red.type("~.")
        #expect(try red.wait(for: "EXIT:") != nil)
        #expect(try room.facilitator.wait { !Self.row($0, "red", "● 1") } != nil, "red away on the facilitator's console")
        let again = try room.ssh("red")
        #expect(try again.wait { Self.row($0, "▸ rentals") } != nil, "resumed where it was, not at the briefing")
        #expect(!(try again.screen()).contains("Enter the console"))

        // Ctrl-C leaves the game (not the host): the terminal is restored with a last line.
        try again.press("C-c")
        #expect(try again.wait(for: "you left the game") != nil)
        #expect(try again.wait(for: "EXIT:0") != nil)
        #expect(try room.facilitator.screen().contains("gameday facilitator"), "the host goes on")
        let blue = try room.ssh("blue")
        #expect(try blue.wait(for: "Enter the console") != nil, "and still serves")
    }

    @Test(.enabled(if: hasClient, "needs ssh and sshpass (apt-get install openssh-client sshpass; .ci/run does)"))
    func wrongPasswordsCommandsSftpAndForwardingAreRefused() throws {
        let room = try Room()
        defer { try? FileManager.default.removeItem(atPath: room.data) }
        #expect(try room.facilitator.wait(for: "NOT STARTED") != nil)
        let wrong = try room.ssh("red", password: "not-the-token")
        let refused = try wrong.wait(for: "EXIT:")
        #expect(refused?.contains("EXIT:0") == false && refused?.contains("Enter the console") == false, "\(refused ?? "")")

        func run(_ command: String) throws -> CLITests.Result {
            try CLITests.run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"))
        }
        let ssh = "sshpass -p '\(room.token)' ssh \(Self.options) -p \(room.sshPort)"
        let exec = try run("\(ssh) red@127.0.0.1 ls /")
        #expect(exec.status != 0)
        #expect(exec.stderr.contains("gameday serves its console only"), "\(exec.stderr)")
        let sftp = try run("echo ls | sshpass -p '\(room.token)' sftp \(Self.options) -P \(room.sshPort) red@127.0.0.1")
        #expect(sftp.status != 0, "\(sftp.stderr)")
        let stdio = try run("\(ssh) -W 127.0.0.1:\(room.sshPort) red@127.0.0.1 </dev/null")
        #expect(stdio.status != 0 && stdio.stderr.contains("forwarding failed"), "direct-tcpip: \(stdio.stderr)")
        let remote = try run("\(ssh) -N -o ExitOnForwardFailure=yes -R 0:127.0.0.1:\(room.sshPort) red@127.0.0.1")
        #expect(remote.status != 0 && remote.stderr.contains("forwarding failed"), "tcpip-forward: \(remote.stderr)")
        let noTerminal = try run("\(ssh) -T red@127.0.0.1 </dev/null")
        #expect(noTerminal.status != 0 && noTerminal.stderr.contains("gameday needs a terminal"), "\(noTerminal.stderr)")
        // After all that, a real login still works.
        let green = try room.ssh("green")
        #expect(try green.wait(for: "Enter the console") != nil)
    }

    @Test(.enabled(if: hasClient, "needs ssh (apt-get install openssh-client; .ci/run does)"))
    func anAllowedKeyLogsInWithoutTheToken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-keys-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try CLITests.run(["-q", "-t", "ed25519", "-N", "", "-f", folder + "/id"], executable: URL(fileURLWithPath: "/usr/bin/ssh-keygen"))
        #expect(made.status == 0)
        let room = try Room(extra: "--authorized-keys \(folder)/id.pub")
        defer { try? FileManager.default.removeItem(atPath: room.data) }
        #expect(try room.facilitator.wait(for: "NOT STARTED") != nil)
        let team = try Tmux(command: "ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o IdentitiesOnly=yes "
                            + "-o PasswordAuthentication=no -i \(folder)/id -p \(room.sshPort) keyed@127.0.0.1", environment: Self.utf8)
        #expect(try team.wait(for: "Enter the console") != nil)
    }

    @Test func badSSHAndWebFlagsAreOneLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-badkeys-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# ours\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDdCbWqY3Xq9f1Y8hK3Lw8XrNQK0W1t5y5h2m9z0A1bC me\nssh-ed25519 !!!notbase64 you\n"
            .write(toFile: folder + "/broken", atomically: true, encoding: .utf8)
        try "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ me\n".write(toFile: folder + "/rsa", atomically: true, encoding: .utf8)
        try "ssh-ed25519 AAAA me\n".write(toFile: folder + "/unreadable", atomically: true, encoding: .utf8)
        chmod(folder + "/unreadable", 0)
        let data = ["XDG_DATA_HOME": folder + "/data", "PATH": "/usr/bin:/bin"]
        let cases: [([String], String)] = [
            (["--ssh", "nonsense"], "--ssh: 'nonsense' is not HOST:PORT"),
            (["--web", "127.0.0.1:0"], "--web: '127.0.0.1:0' is not HOST:PORT (the port must be 1…65535)"),
            (["--authorized-keys", folder + "/rsa"], "--authorized-keys needs --ssh HOST:PORT"),
            (["--ssh", "127.0.0.1:2222", "--authorized-keys", folder + "/missing"], "\(folder)/missing: no such authorized keys file"),
            (["--ssh", "127.0.0.1:2222", "--authorized-keys", folder + "/broken"], "\(folder)/broken:3: not a valid ssh-ed25519 key"),
            (["--ssh", "127.0.0.1:2222", "--authorized-keys", folder + "/rsa"], "\(folder)/rsa:1: ssh-rsa keys are not supported"),
            (["--listen", "127.0.0.1:7611", "--ssh", "127.0.0.1:7611"], "--listen and --ssh both ask for port 7611: give each its own port"),
            (["--ssh", "127.0.0.1:2223", "--web", "0.0.0.0:2223"], "--ssh and --web both ask for port 2223"),
        ] + (getuid() == 0 ? [] : [(["--ssh", "127.0.0.1:2222", "--authorized-keys", folder + "/unreadable"], "\(folder)/unreadable: cannot read")])
        for (arguments, message) in cases {
            let result = try CLITests.run(["facilitate", "--no-record"] + arguments, environment: data)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("gameday: ") && result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        }
    }

    @Test func portsInUseForSSHAndWebAreOneLine() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let listener = try ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).wait()
        defer { try? listener.close().wait() }
        let taken = listener.localAddress?.port ?? 0
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-ports-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        for flag in ["--ssh", "--web"] {
            let port = try FacilitatedEndToEndTests.freePort()
            let result = try CLITests.run(["facilitate", "--no-record", "--listen", "127.0.0.1:\(port)", flag, "127.0.0.1:\(taken)"],
                                          environment: ["XDG_DATA_HOME": data, "PATH": "/usr/bin:/bin"])
            #expect(result.status == 2, "\(flag): \(result.stderr)")
            #expect(result.stderr == "gameday: cannot listen on 127.0.0.1:\(taken): the port is in use (choose another with \(flag) HOST:PORT)\n")
        }
    }
}
