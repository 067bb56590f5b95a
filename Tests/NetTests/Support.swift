import Foundation
import Host
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Scenarios
import ScreenKit
import Session
import Testing
@testable import Net

/// A host on a free loopback port with a clock the test advances, and what
/// the facilitator's console last showed.
final class TestHost: @unchecked Sendable {
    let server: HostServer
    let port: Int
    static let token = "test-token-1234"
    private let lastFacilitatorFrame = NIOLockedValueBox<CellBuffer?>(nil)

    init(bots: [BotKind] = [], configure: (inout HostConfiguration) -> Void = { _ in }) throws {
        let settings = GameSettings(scenario: BuiltInScenarios.firstDay, seed: 3, durationSeconds: 3_600, difficulty: .normal, maxTeams: 8, bots: bots)
        var configuration = HostConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0), token: Self.token)
        configure(&configuration)
        server = HostServer(room: Room(game: try FacilitatedGame(settings)), configuration: configuration, ticking: .manual)
        let frames = lastFacilitatorFrame
        server.onFacilitatorFrame = { frame in frames.withLockedValue { $0 = frame } }
        port = try server.start().port ?? 0
        server.facilitatorResize(width: 160, height: 48)
    }

    deinit { server.stop() }

    func client(_ team: String, token: String = TestHost.token, width: Int = 120, height: Int = 40) throws -> TeamClient {
        let client = TeamClient(host: "127.0.0.1", port: port, hello: ClientMessage.Hello(token: token, team: team, width: width, height: height))
        try client.connect()
        return client
    }

    /// Red and blue at their panes, the clock started, an outage injected to red only and a broadcast to all.
    func twoTeamsWithAnOutageForRed() throws -> (red: TeamClient, blue: TeamClient) {
        let red = try client("red"), blue = try client("blue")
        red.send(.enter)
        blue.send(.enter)
        try eventually("panes") { red.screen.contains("TASKS") && blue.screen.contains("TASKS") }
        try facilitator(" ")
        try facilitator(":inject to red outage payment-provider 15m\r")
        try facilitator(":broadcast mind the payment provider\r")
        return (red, blue)
    }

    func room<T: Sendable>(_ body: @escaping @Sendable (inout Room) -> T) throws -> T { try server.withRoom(body).wait() }

    func advance(_ ticks: Int) throws { try server.advance(ticks: ticks).wait() }

    /// Types on the facilitator's console (`\r` is Enter), as its terminal would send the keys.
    func facilitator(_ text: String) throws {
        for c in text { server.facilitatorKey(c == "\r" ? .enter : .char(c)) }
        try server.withRoom { _ in }.wait()
    }

    var facilitatorScreen: String { lastFacilitatorFrame.withLockedValue { $0?.text ?? "" } }
}

/// Waits for something that happens over the network. The limit only keeps a
/// broken build from hanging; nothing here measures time.
func eventually(_ what: String, within seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return }
        Thread.sleep(forTimeInterval: 0.02)
    }
    Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
}

extension TeamClient {
    var screen: String { take().screen?.text ?? "" }

    func type(_ text: String) { for c in text { send(.char(c)) } }

    /// Types a command line and runs it.
    func command(_ text: String) {
        send(.char(":"))
        type(text)
        send(.enter)
    }
}

/// A client that speaks bytes, not the protocol: for garbage, bad messages and a reader that stops.
final class RawClient: @unchecked Sendable {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let channel: Channel
    private let received = NIOLockedValueBox<[UInt8]>([])
    private let closed = NIOLockedValueBox(false)

    init(port: Int, reading: Bool = true) throws {
        let received = self.received, closed = self.closed
        channel = try ClientBootstrap(group: group)
            .channelOption(ChannelOptions.autoRead, value: reading)
            .channelOption(ChannelOptions.socketOption(.so_rcvbuf), value: 4_096)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(received: received, closed: closed))
                }
            }
            .connect(host: "127.0.0.1", port: port).wait()
    }

    deinit {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    func send(bytes: [UInt8]) throws {
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        try channel.writeAndFlush(buffer).wait()
    }

    func send(_ message: ClientMessage) throws { try send(json: message.encoded()) }

    func send(json: Data) throws {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt32(json.count).bigEndian) { bytes += $0 }
        try send(bytes: bytes + Array(json))
    }

    var isClosed: Bool { closed.withLockedValue { $0 } }

    /// Everything received, as text (HTTP answers).
    var receivedText: String { String(decoding: received.withLockedValue { $0 }, as: UTF8.self) }

    /// The host's messages so far.
    var messages: [HostMessage] {
        var bytes = received.withLockedValue { $0 }[...]
        var out: [HostMessage] = []
        while bytes.count >= 4 {
            let length = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            guard bytes.count >= 4 + length else { break }
            if let message = try? HostMessage.decode(Data(bytes.dropFirst(4).prefix(length))) { out.append(message) }
            bytes = bytes.dropFirst(4 + length)
        }
        return out
    }

    var errors: [String] { messages.compactMap { if case let .error(text, _) = $0 { text } else { nil } } }

    private final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let received: NIOLockedValueBox<[UInt8]>
        let closed: NIOLockedValueBox<Bool>
        init(received: NIOLockedValueBox<[UInt8]>, closed: NIOLockedValueBox<Bool>) {
            self.received = received
            self.closed = closed
        }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = Self.unwrapInboundIn(data)
            received.withLockedValue { $0 += Array(buffer.readableBytesView) }
        }
        func channelInactive(context: ChannelHandlerContext) { closed.withLockedValue { $0 = true } }
    }
}
