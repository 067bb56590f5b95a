import Foundation
import NIOCore
import NIOPosix
import Testing

/// A facilitated game day as people run it: the facilitator's console and
/// two team consoles, each a separate process in its own terminal (tmux),
/// talking over loopback; then the recordings it left. And every way to get
/// the commands wrong, which must cost one clear line and exit status 2.
@Suite(.serialized) struct FacilitatedEndToEndTests {
    static var binary: String { CLITests.binary.path }
    static let utf8 = ConsoleEndToEndTests.utf8

    /// A loopback port nothing listens on (bound, then released).
    static func freePort() throws -> Int {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let channel = try ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 0
        try channel.close().wait()
        return port
    }

    static func row(_ screen: String?, _ words: String...) -> Bool {
        screen?.split(separator: "\n").contains { line in words.allSatisfy { line.contains($0) } } == true
    }

    /// A team's terminal closed by accident (its tmux session killed: SIGHUP) comes back to
    /// the same console on the next `join`: selection and half-typed command included.
    @Test func aJoinWhoseTerminalClosedResumesItsConsole() throws {
        let port = try Self.freePort()
        let token = "e2e-token-\(UInt32.random(in: 1000...9999))"
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("join-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        var environment = Self.utf8
        environment["XDG_DATA_HOME"] = data
        let facilitator = try Tmux(command: "\(Self.binary) facilitate --listen 127.0.0.1:\(port) --token \(token) --no-record",
                                   width: 120, height: 40, environment: environment)
        #expect(try facilitator.wait(for: "NOT STARTED") != nil)
        let join = "\(Self.binary) join 127.0.0.1:\(port) --token \(token) --team red"
        var red: Tmux? = try Tmux(command: join, width: 120, height: 40, environment: environment)
        #expect(try red?.wait(for: "Enter the console") != nil)
        try red?.press("Enter")
        #expect(try red?.wait(for: "WAITING FOR THE FACILITATOR") != nil)
        try red?.press("j", "j", ":")
        try red?.type("scale rent")
        #expect(try red?.wait(for: ":scale rent") != nil)
        // As if the game had run 20 minutes since joining: the token must be dated from the drop.
        let kept = data + "/gameday/join/127.0.0.1-\(port)-red"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-1_200)], ofItemAtPath: kept)
        red = nil
        #expect(try facilitator.wait { Self.row($0, "red", "off") } != nil, "the host saw red's terminal go")
        let refreshed = Date().addingTimeInterval(5)
        while Date() < refreshed,
              ((try? FileManager.default.attributesOfItem(atPath: kept))?[.modificationDate] as? Date).map({ -$0.timeIntervalSinceNow > 600 }) ?? true {
            usleep(50_000)
        }
        let again = try Tmux(command: join, width: 120, height: 40, environment: environment)
        let back = try #require(try again.wait(for: ":scale rent"), "the half-typed command is back")
        #expect(!back.contains("Enter the console"), "no briefing again")
        #expect(Self.row(back, "▸", "rentals") || Self.row(back, "▸", "web"), "the selection is back: \(back)")
        try again.press("Escape", "q", "y")
        #expect(try again.wait(for: "EXIT:0") != nil)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: data + "/gameday/join"))?.isEmpty == true, "leaving forgets the console")
    }

    @Test func aFacilitatorAndTwoTeamsPlayAGameDay() throws {
        let port = try Self.freePort()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let token = "e2e-token-\(UInt32.random(in: 1000...9999))"
        let facilitator = try Tmux(command: "\(Self.binary) facilitate --listen 127.0.0.1:\(port) --token \(token) --record \(folder) --bots expert",
                                   width: 120, height: 40, environment: Self.utf8)
        #expect(try facilitator.wait(for: "NOT STARTED") != nil)
        #expect(try facilitator.wait(for: "gameday join 127.0.0.1:\(port) --token \(token) --team NAME") != nil, "the line to give the teams")
        let join = "\(Self.binary) join 127.0.0.1:\(port) --token \(token) --team"
        let red = try Tmux(command: "\(join) red", width: 120, height: 40, environment: Self.utf8)
        let blue = try Tmux(command: "\(join) blue", width: 80, height: 24, environment: Self.utf8)
        for team in [red, blue] {
            #expect(try team.wait(for: "Enter the console") != nil)
            try team.press("Enter")
        }
        #expect(try red.wait(for: "WAITING FOR THE FACILITATOR") != nil)
        #expect(try facilitator.wait { Self.row($0, "red", "● 1") && Self.row($0, "blue", "● 1") } != nil, "both teams online")

        // The facilitator starts the clock and injects into red only.
        try facilitator.press("Space")
        try facilitator.press(":")
        try facilitator.type("inject to red outage payment-provider 20m")
        try facilitator.press("Enter")
        #expect(try facilitator.wait(for: "outage payment-provider for 20 min → red") != nil)
        for _ in 0..<4 { try facilitator.press("+") }

        // A team's command works as in solo play; the clock is not theirs.
        try red.press(":")
        try red.type("scale web 6")
        try red.press("Enter")
        #expect(try red.wait(for: "scale web 6 at") != nil)
        try red.press("Space")
        #expect(try red.wait(for: "the facilitator runs the clock in this game") != nil)
        #expect(try red.wait(seconds: 30) { Self.row($0, "payment-provider", "DOWN") } != nil, "red's provider is down")
        #expect(!Self.row(try blue.screen(), "payment-provider", "DOWN"), "blue's is not")

        // A broadcast reaches every console; the facilitator watches red read-only.
        try facilitator.press("B")
        try facilitator.type("the payment provider is having a bad day")
        try facilitator.press("Enter")
        #expect(try red.wait(for: "the payment provider is having a bad day") != nil)
        #expect(try blue.wait(for: "the payment provider is having a bad day") != nil)
        try facilitator.press("Space")
        #expect(try blue.wait(for: "PAUSED") != nil, "paused for everyone")
        #expect(try facilitator.wait { Self.row($0, "red", "ago") } != nil, "red's last command on the leaderboard")

        // The end: the facilitator quits, the teams are told, every terminal is restored.
        try facilitator.press("q")
        #expect(try facilitator.wait(for: "End the game day?") != nil)
        try facilitator.press("y")
        let ended = try #require(try facilitator.wait(for: "EXIT:0"))
        // Ended early, every side still hears where each team finished.
        #expect(ended.contains("final standings, ended at 00:"), "\(ended)")
        #expect(ended.contains(". red ") && ended.contains(". blue ") && ended.contains(" points"), "\(ended)")
        for (team, name) in [(red, "red"), (blue, "blue")] {
            let bye = try #require(try team.wait(for: "the facilitator ended the game day"))
            let joined = bye.replacingOccurrences(of: "\n", with: "")
            #expect(joined.contains("\(name): ") && joined.contains("points") && joined.contains("rank "), "\(bye)")
            #expect(try team.wait(for: "EXIT:0") != nil)
            ConsoleEndToEndTests.expectRestored(try team.wait(for: "icanon") ?? team.screen())
        }
        ConsoleEndToEndTests.expectRestored(try facilitator.wait(for: "icanon") ?? facilitator.screen())

        // Each team's recording verifies; the session debriefs every team.
        let verify = try CLITests.run(["replay", "--verify", folder + "/session.jsonl"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("red: ok") && verify.stdout.contains("blue: ok"))
        let debrief = try CLITests.run(["debrief", folder + "/session.jsonl"])
        #expect(debrief.status == 0)
        #expect(debrief.stdout.contains("facilitator #") && debrief.stdout.contains("outage payment-provider for 20 min → red"))
        #expect(debrief.stdout.contains("broadcast: the payment provider is having a bad day"))
        // Files are numbered in joining order: red may have joined first or second.
        let redFile = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix("-red.jsonl") })
        let red1 = try CLITests.run(["replay", "--verify", folder + "/" + redFile])
        #expect(red1.status == 0, "\(red1.stdout)\(red1.stderr)")
    }

    @Test(arguments: [
        (["facilitate", "--listen", "nonsense"], "--listen: 'nonsense' is not HOST:PORT (the port must be 1…65535)"),
        (["facilitate", "--listen", "127.0.0.1:99999"], "--listen: '127.0.0.1:99999' is not HOST:PORT (the port must be 1…65535)"),
        (["facilitate", "--listen", "no such host!:7420"], "is not HOST:PORT (bad host 'no such host!')"),
        (["facilitate", "--teams", "0"], "--teams must be 1…256, got 0"),
        (["facilitate", "--token", "short"], "--token must be 8 to 128 characters, got 5"),
        (["facilitate", "--bots", "expert,genius"], "unknown bot 'genius'"),
        (["join", "127.0.0.1:7420", "--token", "x", "--team", ""], "a team name cannot be empty"),
        (["join", "127.0.0.1:7420", "--token", "x", "--team", String(repeating: "a", count: 30)], "a team name is at most 24 characters"),
        (["join", "127.0.0.1:7420", "--token", "x", "--team", "red\u{1B}[2J"], #"a team name cannot contain control characters ('red\u{1B}[2J')"#),
        (["join", "127.0.0.1:7420", "--token", "x", "--team", "red team"], "a team name here is one word"),
        (["join", "127.0.0.1:port", "--token", "x", "--team", "red"], "'127.0.0.1:port' is not HOST:PORT"),
    ])
    func badInputIsOneLineAndStatus2(arguments: [String], message: String) throws {
        let result = try CLITests.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("gameday: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aPortInUseIsOneLine() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let taken = try ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).wait()
        defer { try? taken.close().wait() }
        let port = taken.localAddress?.port ?? 0
        let result = try CLITests.run(["facilitate", "--listen", "127.0.0.1:\(port)", "--no-record"])
        #expect(result.status == 2)
        #expect(result.stderr == "gameday: cannot listen on 127.0.0.1:\(port): the port is in use (choose another with --listen HOST:PORT)\n")
    }

    @Test func anUnreachableHostAndAWrongTokenAreOneLineAndTheTerminalIsRestored() throws {
        let port = try Self.freePort()
        let unreachable = try Tmux(command: "\(Self.binary) join 127.0.0.1:\(port) --token whatever1 --team red", environment: Self.utf8)
        let screen = try unreachable.wait(for: "EXIT:")
        #expect(screen?.contains("gameday: cannot reach 127.0.0.1:\(port): connection refused") == true, "\(screen ?? "")")
        #expect(screen?.contains("EXIT:2") == true)
        ConsoleEndToEndTests.expectRestored(try unreachable.wait(for: "icanon") ?? unreachable.screen())

        let hostPort = try Self.freePort()
        let host = try Tmux(command: "\(Self.binary) facilitate --listen 127.0.0.1:\(hostPort) --token right-token-1 --no-record", environment: Self.utf8)
        #expect(try host.wait(for: "NOT STARTED") != nil)
        let wrong = try Tmux(command: "\(Self.binary) join 127.0.0.1:\(hostPort) --token wrong-token-1 --team red", environment: Self.utf8)
        let refused = try wrong.wait(for: "EXIT:")
        #expect(refused?.contains("gameday: wrong token: ask the facilitator for the session token") == true, "\(refused ?? "")")
        #expect(refused?.contains("EXIT:2") == true)
        ConsoleEndToEndTests.expectRestored(try wrong.wait(for: "icanon") ?? wrong.screen())
        try host.press("C-c")
        #expect(try host.wait(for: "EXIT:130") != nil)
    }
}
