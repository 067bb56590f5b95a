import NIOCore
import NIOHTTP1

/// One browser connection to the projector page (HTTP/1.1, keep-alive):
/// `GET /` the page, `GET /board.json` the board now, `GET /events` the
/// board as server-sent events (now, then each new version, a comment when
/// quiet). A connection with no stream open is closed when idle; a stream
/// that cannot keep up skips to the newest board. Everything runs on the
/// connection's event loop.
final class ProjectorHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let feed: ProjectorFeed
    private var request: HTTPRequestHead?
    private var context: ChannelHandlerContext?
    /// The open stream's place in the feed, and the board version it last sent.
    private var stream: (id: Int, sent: Int)?
    /// A board or heartbeat came while the socket was full: written when it drains.
    private var behind = false

    init(feed: ProjectorFeed) { self.feed = feed }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        endStream()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        endStream()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case let .head(head):
            request = head
        case .body:
            break  // the page takes no request bodies
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    /// Idle (no bytes from the browser for the idle time): closed unless it holds a live stream.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            if stream == nil { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, behind { wake() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    // MARK: answers

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let withBody = head.method != .HEAD
        let reply: (status: HTTPResponseStatus, type: String, body: String, extra: [(String, String)])
        switch (head.method, path) {
        case (.GET, "/events"):
            return beginStream(context: context)
        case (.GET, "/"), (.HEAD, "/"):
            reply = (.ok, "text/html; charset=utf-8", ProjectorPage.html, [])
        case (.GET, "/board.json"), (.HEAD, "/board.json"):
            reply = (.ok, "application/json", feed.current.json, [])
        case (.HEAD, "/events"):
            reply = (.ok, "text/event-stream", "", [])
        case (.GET, _), (.HEAD, _):
            reply = (.notFound, "text/plain", "not found: the page is at /\n", [])
        default:
            reply = (.methodNotAllowed, "text/plain", "the projector page is read-only\n", [("Allow", "GET, HEAD")])
        }
        answer(reply.status, type: reply.type, body: reply.body, extra: reply.extra, withBody: withBody, keepAlive: head.isKeepAlive, context: context)
    }

    private func answer(_ status: HTTPResponseStatus, type: String, body: String, extra: [(String, String)] = [],
                        withBody: Bool, keepAlive: Bool, context: ChannelHandlerContext) {
        let bytes = ByteBuffer(string: body)
        var headers = Self.headers(type: type)
        headers.add(name: "Content-Length", value: String(bytes.readableBytes))
        for (name, value) in extra { headers.add(name: name, value: value) }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if withBody { context.write(Self.wrapOutboundOut(.body(.byteBuffer(bytes))), promise: nil) }
        let sent = context.writeAndFlush(Self.wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            sent.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    private static func headers(type: String) -> HTTPHeaders {
        HTTPHeaders([("Content-Type", type), ("Cache-Control", "no-store"), ("Server", "gameday")])
    }

    // MARK: the live stream

    private func beginStream(context: ChannelHandlerContext) {
        let loop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: loop)
        guard let id = feed.subscribe({ loop.execute { handler.value.wake() } }) else {
            return answer(.serviceUnavailable, type: "text/plain", body: "too many live views of this board: try again later\n",
                          extra: [("Retry-After", "10")], withBody: true, keepAlive: false, context: context)
        }
        stream = (id, -1)
        // No length: the stream goes on until the browser leaves (chunked).
        context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: Self.headers(type: "text/event-stream")))),
                      promise: nil)
        context.write(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "retry: 2000\n\n")))), promise: nil)
        wake()
    }

    /// A new board or a heartbeat: the newest board when it has not been sent, else a comment.
    private func wake() {
        guard let context, let open = stream else { return }
        guard context.channel.isWritable else {
            behind = true
            return
        }
        behind = false
        let (version, json) = feed.current
        let text = version != open.sent ? "data: \(json)\n\n" : ": still here\n\n"
        stream = (open.id, version)
        context.writeAndFlush(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
    }

    private func endStream() {
        if let open = stream { feed.release(open.id) }
        stream = nil
    }
}
