import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
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

/// The projector page's web server (SwiftNIO's HTTP/1.1 codec), on its own
/// event loop so that no browser can slow the game: `/` the page, `/events`
/// the board as server-sent events, `/board.json` the board now. Read-only;
/// the board holds only what every team may see (`ProjectorBoard`).
///
/// Plain channel handlers, not an async server: with NIO's async server API a
/// connection accepted while the server stops is dropped unserved, and NIO
/// traps on that ("Deinited NIOAsyncWriter without calling finish()",
/// apple/swift-nio#2637) — a browser connecting as the game day ends would
/// crash the host.
final class ProjectorServer: Sendable {
    let feed: ProjectorFeed
    private let configuration: ProjectorConfiguration
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// The listening socket, closed first on stopping so that no connection arrives while the server winds down.
    private let listener = NIOLockedValueBox<Channel?>(nil)
    private let heartbeat = NIOLockedValueBox<RepeatedTask?>(nil)

    init(configuration: ProjectorConfiguration) {
        self.configuration = configuration
        feed = ProjectorFeed(maxStreams: configuration.maxStreams)
    }

    /// Binds and serves; returns the address bound, or says in one line why not.
    func start() throws(HostStartError) -> SocketAddress {
        let feed = feed, configuration = configuration
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(OpenConnections(limit: configuration.maxConnections))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    try operations.configureHTTPServerPipeline(withErrorHandling: true)
                    try operations.addHandler(IdleStateHandler(readTimeout: configuration.idleTimeout))
                    try operations.addHandler(ProjectorHTTPHandler(feed: feed))
                }
            }
        let address = configuration.listen
        do {
            let channel = try bootstrap.bind(host: address.host, port: address.port).wait()
            listener.withLockedValue { $0 = channel }
            guard let local = channel.localAddress else { throw ChannelError.inputClosed }
            heartbeat.withLockedValue {
                $0 = channel.eventLoop.scheduleRepeatedTask(initialDelay: configuration.heartbeat, delay: configuration.heartbeat) { _ in feed.nudge() }
            }
            return local
        } catch {
            stop()
            throw HostServer.bindProblem(error, address: address, flag: "--web")
        }
    }

    /// Stops: no new connection, no stream woken, every connection closed, the loop gone.
    func stop() {
        if let channel = listener.withLockedValue({ $0 }) { try? channel.close().wait() }
        heartbeat.withLockedValue { $0?.cancel() }
        feed.finishAll()
        // Closes every connection still open, then ends the loop.
        try? group.syncShutdownGracefully()
    }
}
