import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ScreenKit

/// Why a client could not join, in one line.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// What the terminal shows of a team client: the screen as the host last
/// drew it, whether the link is up, and what happened since it last looked.
public struct ClientView: Sendable {
    /// The console as the host drew it (nil until the first frame).
    public var screen: CellBuffer?
    /// Goes up with every frame, so the terminal redraws only on change.
    public var frames = 0
    public var isConnected = false
    /// While the link is down: what the client is doing about it.
    public var status: String?
    public var bells = 0
    /// A theme the player chose on the console (`:theme`), to load here.
    public var theme: String?
    /// Set when the session is over for this client: the host's last word.
    public var ended: String?
    public var endedInError = false
    /// The team the host put this console on.
    public var team = ""
    /// The host's token for resuming this console (kept by `gameday join` so that a closed
    /// terminal can come back to it).
    public var resume: String?
}

/// A team's console over the network: a thin terminal. Keys go to the host,
/// numbered, and are kept until the host says it applied them, so a
/// reconnection resends what might have been lost and nothing twice; frames
/// come back as what changed on the screen. The link is watched with
/// heartbeats and reopened with back-off when it drops.
public final class TeamClient: @unchecked Sendable {
    // Loop-confined state: touched only on `loop`.
    public let loop: EventLoop
    private let group: MultiThreadedEventLoopGroup
    public let host: String
    public let port: Int
    private var hello: ClientMessage.Hello
    private var channel: Channel?
    private var unacknowledged: [(seq: Int, key: Key)] = []
    private var nextSeq = 1
    private var attempts = 0
    private var closing = false
    private var welcomed: EventLoopPromise<Void>?
    private var hasJoined = false
    // Shared with the terminal's thread.
    private let shared = NIOLockedValueBox(ClientView())

    /// How long a dead link takes to notice, and the heartbeat under it.
    public static let heartbeat: TimeAmount = .seconds(2)
    public static let deadAfter: TimeAmount = .seconds(6)

    public init(host: String, port: Int, hello: ClientMessage.Hello) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loop = group.next()
        self.host = host
        self.port = port
        self.hello = hello
    }

    /// Connects and waits for the host's welcome, or says in one line why not
    /// (unreachable, refused token, bad team name, another protocol version).
    public func connect(timeout: TimeAmount = .seconds(10)) throws(ClientError) {
        let promise = loop.makePromise(of: Void.self)
        loop.execute { [self] in
            welcomed = promise
            open()
        }
        let timer = loop.scheduleTask(in: timeout) { promise.fail(ClientError("no answer from \(self.host):\(self.port) within \(timeout.nanoseconds / 1_000_000_000) s")) }
        do {
            try promise.futureResult.wait()
            timer.cancel()
        } catch let error as ClientError {
            timer.cancel()
            shutdown()
            throw error
        } catch {
            timer.cancel()
            shutdown()
            throw ClientError("cannot reach \(host):\(port): \(HostServer.describe(error))")
        }
    }

    private func open() {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(5))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    try operations.addHandler(ByteToMessageHandler(LengthPrefixedDecoder(maxLength: WireProtocol.maxHostMessageBytes)))
                    try operations.addHandler(IdleStateHandler(readTimeout: Self.deadAfter, writeTimeout: Self.heartbeat))
                    try operations.addHandler(TeamClientHandler(client: self))
                }
            }
        bootstrap.connect(host: host, port: port).whenComplete { [self] result in
            switch result {
            case let .success(channel):
                self.channel = channel
                write(.hello(hello), on: channel)
            case let .failure(error):
                if let welcomed, !hasJoined {
                    self.welcomed = nil
                    welcomed.fail(ClientError("cannot reach \(host):\(port): \(HostServer.describe(error))"))
                } else {
                    retry()
                }
            }
        }
    }

    private func write(_ message: ClientMessage, on channel: Channel) {
        channel.writeAndFlush(Framing.frame(message.encoded(), allocator: channel.allocator), promise: nil)
    }

    /// A key for the host: numbered and kept until acknowledged (sent at once when the link is up).
    public func send(_ key: Key) {
        loop.execute { [self] in
            let seq = nextSeq
            nextSeq += 1
            unacknowledged.append((seq, key))
            if unacknowledged.count > WireProtocol.maxUnacknowledgedKeys { unacknowledged.removeFirst() }
            if let channel, hasJoined, shared.withLockedValue({ $0.isConnected }) { write(.key(seq: seq, key: key), on: channel) }
        }
    }

    public func resize(width: Int, height: Int) {
        loop.execute { [self] in
            hello.width = width
            hello.height = height
            if let channel, shared.withLockedValue({ $0.isConnected }) { write(.resize(width: width, height: height), on: channel) }
        }
    }

    /// The view as it is now; bells and a theme change are handed over once.
    public func take() -> ClientView {
        shared.withLockedValue { view in
            let copy = view
            view.bells = 0
            view.theme = nil
            return copy
        }
    }

    /// The host's token for resuming this console, as of its last welcome.
    public var resumeToken: String? { shared.withLockedValue { $0.resume } }

    /// Leaves: tells the host (the team's game goes on) and closes. Not `leaving` (the
    /// terminal went away), it closes as a network drop would, and the host keeps the console
    /// for a later `join` to resume.
    public func close(leaving: Bool = true) {
        let done = loop.submit { [self] in
            closing = true
            if let channel, channel.isActive {
                if leaving { write(.bye, on: channel) }
                channel.close(promise: nil)
            }
        }
        _ = try? done.wait()
        shutdown()
    }

    private func shutdown() { try? group.syncShutdownGracefully() }

    /// Closes the link as a network drop would (no bye), so the client reconnects: for tests.
    func dropLink() {
        loop.execute { [self] in channel?.close(promise: nil) }
    }

    // MARK: from the handler (on the loop)

    func received(_ message: HostMessage, on channel: Channel) {
        switch message {
        case let .welcome(team, resume, lastSeq, _):
            if hello.resume != resume {
                // A new console: nothing of the old one carries over.
                unacknowledged.removeAll()
                nextSeq = 1
            } else if nextSeq <= lastSeq {
                // A console resumed by a new process (its terminal was closed): keys go on from
                // the host's last one, so none typed now is taken for one already applied.
                unacknowledged = unacknowledged.enumerated().map { (seq: lastSeq + 1 + $0.offset, key: $0.element.key) }
                nextSeq = lastSeq + 1 + unacknowledged.count
            } else {
                unacknowledged.removeAll { $0.seq <= lastSeq }
            }
            hello.resume = resume
            hasJoined = true
            attempts = 0
            shared.withLockedValue {
                $0.isConnected = true
                $0.status = nil
                $0.team = team
                $0.resume = resume
            }
            for (seq, key) in unacknowledged { write(.key(seq: seq, key: key), on: channel) }
            welcomed?.succeed(())
            welcomed = nil
        case let .frame(full, width, height, ack, runs):
            unacknowledged.removeAll { $0.seq <= ack }
            shared.withLockedValue { view in
                var screen = full || view.screen?.width != width || view.screen?.height != height ? CellBuffer(width: width, height: height) : view.screen!
                screen.apply(runs)
                view.screen = screen
                view.frames += 1
            }
        case .bell: shared.withLockedValue { $0.bells += 1 }
        case let .theme(name): shared.withLockedValue { $0.theme = name }
        case let .error(text, fatal):
            guard fatal else { return }
            end(text, inError: true)
        case let .bye(text): end(text, inError: false)
        case .ping: write(.pong, on: channel)
        case .pong: break
        }
    }

    private func end(_ text: String, inError: Bool) {
        if let welcomed {
            self.welcomed = nil
            welcomed.fail(ClientError(text))
        }
        closing = true
        shared.withLockedValue {
            $0.ended = text
            $0.endedInError = inError
            $0.isConnected = false
        }
    }

    func heartbeat(on channel: Channel) { write(.ping, on: channel) }

    func disconnected() {
        channel = nil
        if let welcomed {
            self.welcomed = nil
            welcomed.fail(ClientError("the host at \(host):\(port) closed the connection"))
            return
        }
        guard !closing else { return }
        // The next hello takes the console over, even before the host notices this link is dead.
        hello.reconnecting = true
        shared.withLockedValue {
            $0.isConnected = false
            $0.status = "connection to \(host):\(port) lost: reconnecting (keys you type are sent when it is back)…"
        }
        retry()
    }

    /// Tries again after 0.5 s, doubling to 5 s, until the player quits.
    private func retry() {
        guard !closing else { return }
        attempts += 1
        let delay = min(5_000, 500 << min(attempts - 1, 4))
        shared.withLockedValue { $0.status = "connection to \(host):\(port) lost: reconnecting (attempt \(attempts))…" }
        loop.scheduleTask(in: .milliseconds(Int64(delay))) { [self] in if !closing { open() } }
    }
}

/// The client pipeline's last handler: messages to the client, heartbeats, closes.
final class TeamClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let client: TeamClient

    init(client: TeamClient) { self.client = client }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Self.unwrapInboundIn(data)
        do throws(WireError) {
            client.received(try HostMessage.decode(Data(bytes.readableBytesView)), on: context.channel)
        } catch {
            // A host this client cannot read: drop the link (and reconnect).
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        client.disconnected()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent else { return context.fireUserInboundEventTriggered(event) }
        switch idle {
        case .write: client.heartbeat(on: context.channel)
        case .read: context.close(promise: nil)
        case .all: break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
}
