import Foundation
import Host
import Net
import NIOCore
import NIOPosix
import Scenarios

/// `gameday bench --doors`: the ways into a room without gameday, measured
/// over loopback. A team plays over SSH in a 200×60 terminal: the bytes per
/// frame at steady play, and the delay from a keypress to the new frame; the
/// projector page: the delay from a broadcast to the page's stream.
public struct RoomDoorBenchmarks {
    public let seconds: Int

    public init(seconds: Int = 20) { self.seconds = seconds }

    static let token = "bench-token-1234"

    public func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gameday-bench-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 1, durationSeconds: BuiltInScenarios.firstDay.durationSeconds,
                                    difficulty: .normal, maxTeams: 4, bots: [.expert])
        let server = HostServer(room: Room(game: try FacilitatedGame(settings, speed: 1)),
                                configuration: HostConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0), token: Self.token))
        let hostKey: SSHHostKey, sshPort: Int, webPort: Int
        do {
            _ = try server.start()
            hostKey = try SSHHostKey.loadOrCreate(path: folder + "/key")
            sshPort = try server.startSSH(SSHConsoleConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0), hostKey: hostKey)).port ?? 0
            webPort = try server.startWeb(ProjectorConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0))).port ?? 0
        } catch {
            throw BenchmarkError("\(error)")
        }
        defer { server.stop() }
        server.facilitatorResize(width: 200, height: 60)
        let team = try SSHBenchmarkClient(port: sshPort, team: "red", password: Self.token, width: 200, height: 60)
        defer { team.close() }
        guard wait(until: { team.contains("Enter the console") }) else { throw BenchmarkError("the SSH console never showed its briefing") }
        team.type("\r")
        print("room doors (loopback; a team over SSH in a 200×60 xterm-256color terminal; \(seconds) s per steady-play figure):")

        // Keypress to frame: the clock stopped, so only the key changes the screen.
        var delays: [Double] = []
        for n in 0..<200 {
            let before = team.bytes
            team.type(n % 2 == 0 ? "j" : "k")
            if let delay = team.waitForMore(than: before) { delays.append(delay) }
            // A person's keys are at least this far apart (and a console is drawn at most every 8 ms).
            usleep(50_000)
        }
        let keys = percentiles(delays)
        print(String(format: "  SSH keypress → its frame on the client: p50 %.1f ms, p99 %.1f ms (%d keys, the game paused)", keys.p50, keys.p99, delays.count))

        // Steady play: the clock runs, the team types a command now and then.
        server.facilitatorKey(.char(" "))
        for speed in [1, 10] {
            if speed == 10 { for _ in 0..<3 { server.facilitatorKey(.char("+")) } }
            Thread.sleep(forTimeInterval: 2)
            let start = try server.terminalTraffic(resettingLargest: true).wait()
            let began = Date()
            var count = 5
            while Date().timeIntervalSince(began) < Double(seconds) {
                team.type(":scale web \(count)\r")
                count = count == 5 ? 6 : 5
                Thread.sleep(forTimeInterval: 3)
            }
            let end = try server.terminalTraffic().wait()
            let elapsed = Date().timeIntervalSince(began)
            let frames = end.frames - start.frames, bytes = end.bytes - start.bytes
            print(String(format: "  steady play at %d×: %.1f frames/s, %.0f bytes per frame on average (budget 2048, as the local console), the largest update %d bytes",
                         speed, Double(frames) / elapsed, Double(bytes) / Double(max(1, frames)), end.largestUpdate))
        }

        // The projector: from a broadcast to the page's live stream.
        let stream = try SSEReader(port: webPort)
        defer { stream.close() }
        var pageDelays: [Double] = []
        for n in 0..<20 {
            let text = "bench broadcast \(n)"
            let start = DispatchTime.now().uptimeNanoseconds
            for key in ":broadcast \(text)" { server.facilitatorKey(.char(key)) }
            server.facilitatorKey(.enter)
            if wait(until: { stream.contains("\(text)\"") }) { pageDelays.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
            usleep(100_000)
        }
        let page = percentiles(pageDelays)
        print(String(format: "  projector page: a broadcast → on the page's stream: p50 %.1f ms, p99 %.1f ms (%d broadcasts)", page.p50, page.p99, pageDelays.count))
    }

    private func wait(seconds: Double = 10, until condition: () -> Bool) -> Bool {
        let limit = Date().addingTimeInterval(seconds)
        while Date() < limit {
            if condition() { return true }
            usleep(200)
        }
        return false
    }

    private func percentiles(_ values: [Double]) -> (p50: Double, p99: Double) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (.nan, .nan) }
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))])
    }
}

/// Reads the projector's event stream as a browser would, keeping the text.
final class SSEReader: @unchecked Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: Channel
    private let text = LockedText()

    init(port: Int) throws {
        let text = text
        channel = try ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(text: text)) }
            }
            .connect(host: "127.0.0.1", port: port).wait()
        var request = channel.allocator.buffer(capacity: 64)
        request.writeString("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        try channel.writeAndFlush(request).wait()
    }

    func contains(_ needle: String) -> Bool { text.contains(needle) }

    func close() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    private final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let text: LockedText
        init(text: LockedText) { self.text = text }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { text.append(String(buffer: Self.unwrapInboundIn(data))) }
    }
}

/// Text appended on one thread and searched on another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ more: String) { lock.withLock { text += more } }
    func contains(_ needle: String) -> Bool { lock.withLock { text.contains(needle) } }
}
