import NIOCore

/// The listening socket's count of open connections: at the limit it stops
/// accepting (later browsers wait in the listen backlog, as with any busy web
/// server) and starts again as connections close. Lives in the listener's
/// pipeline; the connections share its event loop.
final class OpenConnections: ChannelInboundHandler {
    typealias InboundIn = Channel
    typealias InboundOut = Channel

    private let limit: Int
    private var open = 0
    private var paused = false

    init(limit: Int) { self.limit = max(1, limit) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let connection = Self.unwrapInboundIn(data)
        open += 1
        connection.closeFuture.hop(to: context.eventLoop).assumeIsolated().whenComplete { [self] _ in closed(context: context) }
        if open >= limit, !paused {
            paused = true
            setAccepting(false, context: context)
        }
        context.fireChannelRead(data)
    }

    private func closed(context: ChannelHandlerContext) {
        open -= 1
        if paused, open < limit {
            paused = false
            setAccepting(true, context: context)
        }
    }

    private func setAccepting(_ accepting: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: accepting)
        if accepting { context.read() }
    }
}
