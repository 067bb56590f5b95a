import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// How the projector page is served (`gameday facilitate --web`).
public struct ProjectorConfiguration: Sendable {
    public var listen: ListenAddress
    /// Live streams (server-sent events) at once; more get 503.
    public var maxStreams = 64
    /// Open HTTP connections at once; more wait to be accepted.
    public var maxConnections = 512
    /// A connection with no request in progress for this long is closed.
    public var idleTimeout: TimeAmount = .seconds(10)
    /// A quiet stream gets a comment this often, so nothing between gives up on it.
    public var heartbeat: TimeAmount = .seconds(15)

    public init(listen: ListenAddress) { self.listen = listen }
}

/// The projector page with Hummingbird, on its own event loop so that no
/// browser can slow the game: `/` the page, `/events` the board as
/// server-sent events, `/board.json` the board now. Read-only; the board
/// holds only what every team may see (`ProjectorBoard`).
final class ProjectorServer: Sendable {
    let feed: ProjectorFeed
    private let configuration: ProjectorConfiguration
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// The server's tasks run on a thread of their own, never on the sockets' loop: a task
    /// that ran between a connection's accept and its activation could drop the connection
    /// too early (NIO traps on that), which a client that connects and resets at once causes.
    private let tasks = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let heartbeat = NIOLockedValueBox<RepeatedTask?>(nil)
    /// The listening socket, closed first on stopping so that no connection arrives while the server winds down.
    private let listener = NIOLockedValueBox<Channel?>(nil)

    init(configuration: ProjectorConfiguration) {
        self.configuration = configuration
        feed = ProjectorFeed(maxStreams: configuration.maxStreams)
    }

    /// Binds and serves; returns the address bound, or says in one line why not.
    func start() throws(HostStartError) -> SocketAddress {
        let bound = group.next().makePromise(of: SocketAddress.self)
        let settled = NIOLockedValueBox(false)
        @Sendable func settle(_ result: Result<SocketAddress, Error>) {
            guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
            bound.completeWith(result)
        }
        let router = Router()
        let feed = feed
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: ProjectorPage.html)))
        }
        router.get("/board.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: feed.current.json)))
        }
        router.get("/events") { _, _ in Self.events(feed) }
        var logger = Logger(label: "gameday.projector")
        logger.logLevel = .critical
        let address = configuration.listen
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: configuration.idleTimeout)),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "gameday",
                                 availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { [listener] channel in
                listener.withLockedValue { $0 = channel }
                settle(channel.localAddress.map { .success($0) } ?? .failure(ChannelError.inputClosed))
            },
            eventLoopGroupProvider: .shared(group),
            logger: logger
        )
        let executor = LoopTaskExecutor(loop: tasks.next())
        task.withLockedValue { task in
            task = Task(executorPreference: executor) {
                do { try await app.run() } catch { settle(.failure(error)) }
                // Ended without binding (cancelled before it ran): say so rather than wait.
                settle(.failure(ChannelError.ioOnClosedChannel))
            }
        }
        do {
            let local = try bound.futureResult.wait()
            heartbeat.withLockedValue { [configuration] in
                $0 = group.next().scheduleRepeatedTask(initialDelay: configuration.heartbeat, delay: configuration.heartbeat) { _ in feed.nudge() }
            }
            return local
        } catch {
            stop()
            throw HostServer.bindProblem(error, address: address, flag: "--web")
        }
    }

    /// The board as server-sent events: now, then each new version, a comment when quiet.
    static func events(_ feed: ProjectorFeed) -> Response {
        guard feed.claimStream() else {
            return Response(status: .serviceUnavailable, headers: [.retryAfter: "10", .contentType: "text/plain"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "too many live views of this board: try again later\n")))
        }
        let (wakeUps, id) = feed.subscribe()
        let body = ResponseBody { writer in
            defer { feed.release(id) }
            var sent = -1
            var wakeUp = wakeUps.makeAsyncIterator()
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            repeat {
                let (version, json) = feed.current
                if version != sent {
                    sent = version
                    try await writer.write(ByteBuffer(string: "data: \(json)\n\n"))
                } else {
                    try await writer.write(ByteBuffer(string: ": still here\n\n"))
                }
            } while await wakeUp.next() != nil
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    func stop() {
        if let channel = listener.withLockedValue({ $0 }) { try? channel.close().wait() }
        heartbeat.withLockedValue { $0?.cancel() }
        feed.finishAll()
        // The server winds down (its connections close) before its loop goes: nothing it
        // schedules may find the loop gone. A server that does not end in time is left.
        if let running = task.withLockedValue({ $0 }) {
            running.cancel()
            let ended = DispatchSemaphore(value: 0)
            Task.detached { await running.value; ended.signal() }
            _ = ended.wait(timeout: .now() + 3)
        }
        try? group.syncShutdownGracefully()
        try? tasks.syncShutdownGracefully()
    }
}
