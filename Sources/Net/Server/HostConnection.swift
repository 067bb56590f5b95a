import Foundation
import Host
import NIOCore
import ScreenKit

/// One client's connection as the host sees it: where it is in the
/// handshake, the last frame it was sent (frames go as differences from it),
/// and how it has behaved. Lives on the host's loop.
final class Connection {
    enum Phase {
        /// Nothing accepted until a hello with the right token.
        case awaitingHello
        /// A wrong token: the answer waits (slowing down guessing), then the connection closes.
        case refused
        case joined(ConsoleID)
        case closing
    }

    /// How the console reaches its screen.
    enum Transport {
        /// `gameday join`: JSON messages in length-prefixed frames (PROTOCOL.md).
        case wire
        /// An SSH session: the console drawn as ANSI on the participant's terminal.
        case terminal(TerminalLink)
    }

    let id: Int
    let channel: Channel
    let address: String
    var transport = Transport.wire
    var phase = Phase.awaitingHello
    var lastFrame: CellBuffer?
    var ackSent = -1
    var dirty = false
    var renderedAt: UInt64 = 0
    var stalledSince: NIODeadline?
    var errors = 0
    /// A key changed the console since its last frame: it goes first.
    var keyed = false
    /// Who is rendered first when many consoles wait.
    var priority: Int { keyed ? 1 : 0 }

    init(id: Int, channel: Channel, address: String) {
        self.id = id
        self.channel = channel
        self.address = address
    }
}

/// The pipeline's last handler on the host: turns frames into messages for
/// the server, and the channel's events (closed, writable, idle) into calls.
final class HostConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let server: HostServer
    private var connection: Connection?

    init(server: HostServer) { self.server = server }

    func channelActive(context: ChannelHandlerContext) {
        connection = server.opened(context.channel)
        if connection == nil {
            let refusal = HostMessage.error(message: "the host is full: try again later", fatal: true).encoded()
            context.writeAndFlush(NIOAny(Framing.frame(refusal, allocator: context.channel.allocator)), promise: nil)
            context.close(promise: nil)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let connection { server.closed(connection) }
        connection = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let connection else { return }
        let bytes = Self.unwrapInboundIn(data)
        server.received(Data(bytes.readableBytesView), from: connection)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if let connection, context.channel.isWritable {
            connection.stalledSince = nil
            connection.dirty = true
            server.scheduleFlush()
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent, let connection else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        switch idle {
        case .write: server.send(.ping, to: connection)
        case .read:
            server.send(.error(message: "no message or heartbeat for \(server.configuration.deadAfter.nanoseconds / 1_000_000_000) s: closing", fatal: true),
                        to: connection)
            context.close(promise: nil)
        case .all: break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let connection {
            let message = (error as? OversizedMessage).map { "\($0.description): closing" } ?? "connection error: closing"
            server.send(.error(message: message, fatal: true), to: connection)
        }
        context.close(promise: nil)
    }
}

extension HostServer {
    /// A message from a client: the handshake first, then keys, resizes and heartbeats.
    func received(_ data: Data, from connection: Connection) {
        let message: ClientMessage
        do throws(WireError) { message = try ClientMessage.decode(data) } catch {
            protocolError(error.message, connection: connection, fatal: { if case .awaitingHello = connection.phase { true } else { false } }())
            return
        }
        switch (connection.phase, message) {
        case let (.awaitingHello, .hello(hello)): answer(hello, from: connection)
        case (.awaitingHello, _):
            protocolError("the first message must be hello, with the session token", connection: connection, fatal: true)
        case (.refused, _), (.closing, _): break
        case (.joined, .hello): protocolError("already joined: hello comes once", connection: connection, fatal: false)
        case let (.joined(console), .key(seq, key)): press(key, seq: seq, console: console, connection: connection)
        case let (.joined(console), .resize(width, height)):
            do throws(WireError) {
                try room.resize(console, width: width, height: height)
                connection.dirty = true
                scheduleFlush()
            } catch {
                protocolError(error.message, connection: connection, fatal: false)
            }
        case (.joined, .ping): send(.pong, to: connection)
        case (.joined, .pong): break
        case let (.joined(console), .bye):
            room.remove(console)
            consoleConnections[console] = nil
            connection.phase = .closing
            connection.channel.close(promise: nil)
            facilitatorDirty = true
            progress()
            scheduleFlush()
        }
    }

    /// A key on a team console: a command it gives takes effect at once, so
    /// this console, drawn first, shows it in its next frame.
    func press(_ key: Key, seq: Int, console: ConsoleID, connection: Connection) {
        perform(room.key(key, seq: seq, console: console, now: now))
        connection.dirty = true
        connection.keyed = true
        scheduleFlush()
    }

    private func answer(_ hello: ClientMessage.Hello, from connection: Connection) {
        guard hello.version == WireProtocol.version else {
            protocolError("protocol version \(hello.version) is not spoken here: this host speaks version \(WireProtocol.version) "
                          + "(use the facilitator's gameday version)", connection: connection, fatal: true)
            return
        }
        guard SessionToken.matches(hello.token, configuration.token) else {
            connection.phase = .refused
            let delay = throttle.delay(for: connection.address, now: now)
            throttle.failed(connection.address, now: now)
            let id = connection.id
            loop.scheduleTask(in: .milliseconds(Int64(delay))) { [self] in
                guard let connection = connections[id] else { return }
                send(.error(message: "wrong token: ask the facilitator for the session token", fatal: true), to: connection)
                connection.channel.close(promise: nil)
            }
            return
        }
        throttle.succeeded(connection.address)
        let opened: (ConsoleID, lastSeq: Int, resume: String)
        do throws(JoinError) {
            opened = try room.open(hello, newResume: Self.resumeToken(), now: now)
        } catch {
            protocolError(error.message, connection: connection, fatal: true)
            return
        }
        let (console, lastSeq, resume) = opened
        // A console resumed while its old connection is still open: the old one goes.
        if let old = consoleConnections[console].flatMap({ connections[$0] }), old !== connection {
            old.phase = .closing
            old.channel.close(promise: nil)
        }
        connection.phase = .joined(console)
        consoleConnections[console] = connection.id
        connection.dirty = true
        let team = room.team(of: console).map { room.game.match.teams[$0].name } ?? hello.team
        send(.welcome(team: team, resume: resume, lastSeq: lastSeq, scenario: room.game.settings.scenario.id), to: connection)
        facilitatorDirty = true
        progress()
        scheduleFlush()
    }

    func protocolError(_ message: String, connection: Connection, fatal: Bool) {
        connection.errors += 1
        let drop = fatal || connection.errors > configuration.maxProtocolErrors
        send(.error(message: drop && !fatal ? "\(message) (too many bad messages: closing)" : message, fatal: drop), to: connection)
        if drop {
            connection.phase = .closing
            connection.channel.close(promise: nil)
        }
    }

    static func resumeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next(), radix: 36) + String(generator.next(), radix: 36)
    }
}
