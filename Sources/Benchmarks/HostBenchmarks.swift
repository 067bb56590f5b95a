import CPty
import Foundation
import Host
import Net
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Scenarios
import ScreenKit

/// `gameday bench --host`: one host holding many connected teams at 10×.
/// The host runs in its own process (`gameday bench --serve-host PORT`) so
/// that its CPU and memory are its own; this process plays every team over
/// loopback, each typing a command every few seconds, and times how long the
/// team waits to see it: the status line that acknowledges it, and the
/// services row that shows its effect (a command takes effect when given,
/// so both come in the same frame unless the host is behind).
public struct HostBenchmarks {
    public let teamCounts: [Int]
    public let seconds: Int
    public let executable: String

    public init(teamCounts: [Int] = [50, 100, 200], seconds: Int = 20) {
        self.teamCounts = teamCounts
        self.seconds = seconds
        executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    public static let token = "bench-token-1234"
    /// A team types a command this often, on average (people are not fast).
    static let commandInterval = 3.0

    public func run() throws {
        print("host (teams at 120×40 over loopback, the game at 10×, a command per team every \(Int(Self.commandInterval)) s, \(seconds) s measured):")
        print("  teams   host CPU    memory (RSS / peak)   acknowledged p50 / p99   effect on screen p50 / p99   frames/s   KB/s")
        for teams in teamCounts {
            let result = try measure(teams: teams)
            print("  " + [pad("\(teams)", 5), pad(String(format: "%.2f cores", result.cores), 11),
                          pad("\(result.rssMiB) / \(result.peakMiB) MiB", 21),
                          pad(String(format: "%.0f / %.0f ms", result.ack.p50, result.ack.p99), 24),
                          pad(String(format: "%.0f / %.0f ms", result.effect.p50, result.effect.p99), 28),
                          pad(String(format: "%.0f", result.framesPerSecond), 10),
                          String(format: "%.0f", result.kilobytesPerSecond)].joined(separator: " "))
            // Every console is drawn once a tick: ten times a second at 10×.
            let expected = Double(teams * 10)
            if result.framesPerSecond < expected * 0.9 {
                print(String(format: "        (the host fell behind: %.0f frames/s of %.0f expected — is the machine busy? the delays above include it)",
                             result.framesPerSecond, expected))
            }
        }
        print("  (targets: under one core at 200 teams; p99 from a command to its effect on screen ≤ 100 ms)")
    }

    private func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }

    struct Result {
        var cores: Double
        var rssMiB: Int
        var peakMiB: Int
        var ack: (p50: Double, p99: Double)
        var effect: (p50: Double, p99: Double)
        var framesPerSecond: Double
        var kilobytesPerSecond: Double
    }

    private func measure(teams: Int) throws -> Result {
        let port = try freePort()
        let host = Process()
        host.executableURL = URL(fileURLWithPath: executable)
        host.arguments = ["bench", "--serve-host", "\(port)", "--teams", "\(teams)"]
        let input = Pipe()
        host.standardInput = input
        host.standardOutput = FileHandle.nullDevice
        try host.run()
        defer {
            try? input.fileHandleForWriting.close()
            host.waitUntilExit()
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        defer { try? group.syncShutdownGracefully() }
        let stats = BenchStats()
        var clients: [Channel] = []
        for team in 0..<teams {
            clients.append(try connect(port: port, team: "team\(team)", group: group, stats: stats))
        }
        stats.waitUntil { $0.joined >= teams }
        let joined = stats.withValue { $0.joined }
        guard joined >= teams else { throw BenchmarkError("only \(joined) of \(teams) teams could join the benchmark's host") }
        // Leave the briefing, then let the game run a moment before measuring.
        for channel in clients { send(.key(seq: 1, key: .enter), on: channel) }
        Thread.sleep(forTimeInterval: 2)
        stats.reset()
        let cpuStart = process_cpu_seconds(host.processIdentifier)
        let start = Date()
        var generator = SystemRandomNumberGenerator()
        var nextCommand = (0..<teams).map { _ in Date().addingTimeInterval(Double.random(in: 0..<Self.commandInterval, using: &generator)) }
        var seq = Array(repeating: 2, count: teams)
        var count = Array(repeating: 5, count: teams)
        while Date().timeIntervalSince(start) < Double(seconds) {
            let now = Date()
            for team in 0..<teams where now >= nextCommand[team] {
                let text = "scale web \(count[team])"
                var keys: [Key] = [.char(":")] + text.map { .char($0) }
                keys.append(.enter)
                stats.expect(team: team, count: count[team])
                for key in keys {
                    send(.key(seq: seq[team], key: key), on: clients[team])
                    seq[team] += 1
                }
                count[team] = count[team] == 5 ? 6 : 5
                nextCommand[team] = now.addingTimeInterval(Self.commandInterval * Double.random(in: 0.5..<1.5, using: &generator))
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let elapsed = Date().timeIntervalSince(start)
        let cores = (process_cpu_seconds(host.processIdentifier) - cpuStart) / elapsed
        let (rss, peak) = memory(of: host.processIdentifier)
        for channel in clients { channel.close(promise: nil) }
        return stats.withValue { s in
            Result(cores: cores, rssMiB: rss / 1_024, peakMiB: peak / 1_024, ack: percentiles(s.ackMilliseconds),
                   effect: percentiles(s.effectMilliseconds), framesPerSecond: Double(s.frames) / elapsed,
                   kilobytesPerSecond: Double(s.bytes) / 1_024 / elapsed)
        }
    }

    private func percentiles(_ values: [Double]) -> (p50: Double, p99: Double) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (.nan, .nan) }
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    }

    /// VmRSS and VmHWM of a process, in KiB.
    private func memory(of pid: Int32) -> (Int, Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(name) }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        }
        return (field("VmRSS:"), field("VmHWM:"))
    }

    private func freePort() throws -> Int {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let channel = try ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        return channel.localAddress?.port ?? 0
    }

    private func connect(port: Int, team: String, group: EventLoopGroup, stats: BenchStats) throws -> Channel {
        let index = Int(team.dropFirst(4)) ?? 0
        var attempt = 0
        while true {
            do {
                let channel = try ClientBootstrap(group: group)
                    .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LengthPrefixedDecoder(maxLength: WireProtocol.maxHostMessageBytes)))
                            try channel.pipeline.syncOperations.addHandler(BenchClientHandler(team: index, stats: stats))
                        }
                    }
                    .connect(host: "127.0.0.1", port: port).wait()
                send(.hello(ClientMessage.Hello(token: Self.token, team: team, width: 120, height: 40)), on: channel)
                return channel
            } catch {
                // The host process is still starting.
                attempt += 1
                guard attempt < 100 else { throw BenchmarkError("the benchmark host did not start: \(error)") }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private func send(_ message: ClientMessage, on channel: Channel) {
        channel.writeAndFlush(Framing.frame(message.encoded(), allocator: channel.allocator), promise: nil)
    }

    /// The headless host the benchmark measures: every team joins, then the
    /// game runs at 10× until standard input closes.
    public static func serve(port: Int, teams: Int) throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: BuiltInScenarios.firstDay.durationSeconds,
                                    difficulty: .normal, maxTeams: teams, bots: [])
        let server = HostServer(room: Room(game: try FacilitatedGame(settings, speed: 10)),
                                configuration: HostConfiguration(listen: ListenAddress(host: "127.0.0.1", port: port), token: token))
        do { _ = try server.start() } catch { throw BenchmarkError(error.description) }
        let starter = server.loop.scheduleRepeatedTask(initialDelay: .milliseconds(50), delay: .milliseconds(50)) { task in
            _ = server.withRoom { room in
                guard room.game.peopleTeams.count >= teams, !room.game.hasStarted else { return }
                _ = room.facilitatorKey(.char(" "), now: 0)
            }
        }
        _ = FileHandle.standardInput.readDataToEndOfFile()
        starter.cancel()
        server.stop()
    }
}
