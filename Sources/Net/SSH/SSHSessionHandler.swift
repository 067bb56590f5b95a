import NIOCore
import NIOSSH

/// An SSH session channel: accepts a pty and a shell, then hands the
/// terminal to the host as a team console (the SSH user name is the team).
/// Refuses everything else a client may ask of a session: a command (exec),
/// a subsystem (sftp), and a shell without a pty. Requests it does not know
/// (agent and X11 forwarding) are refused by swift-nio-ssh itself.
final class SSHSessionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let host: HostServer
    private let login: SSHLogin
    private var pty: SSHChannelRequestEvent.PseudoTerminalRequest?
    private var environment: [String: String] = [:]
    private var connection: Connection?

    /// Variables a client may send (`SendEnv`) that change how the console is drawn.
    static let environmentNames: Set<String> = ["NO_COLOR", "COLORTERM", "LANG", "LC_ALL", "LC_CTYPE"]

    init(host: HostServer, login: SSHLogin) {
        self.host = host
        self.login = login
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            pty = request
            answer(request.wantReply, true, context: context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let allowed = Self.environmentNames.contains(request.name) && request.value.utf8.count <= 256 && environment.count < 16
            if allowed { environment[request.name] = request.value }
            answer(request.wantReply, allowed, context: context)
        case let request as SSHChannelRequestEvent.ShellRequest:
            shell(request, context: context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse(request.wantReply, "gameday serves its console only: ssh -p PORT TEAM@HOST, with no command", explain: true, context: context)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(request.wantReply, "gameday serves its console only: no \(request.subsystem.prefix(40))", context: context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            if let connection { host.terminalResize(width: request.terminalCharacterWidth, height: request.terminalRowHeight, connection: connection) }
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func shell(_ request: SSHChannelRequestEvent.ShellRequest, context: ChannelHandlerContext) {
        guard connection == nil else {
            answer(request.wantReply, false, context: context)
            return
        }
        guard let pty else {
            refuse(request.wantReply, "gameday needs a terminal: connect with ssh -t", explain: true, context: context)
            return
        }
        answer(request.wantReply, true, context: context)
        login.shellStarted()
        let terminal = TerminalRequest(team: login.username ?? "", width: pty.terminalCharacterWidth, height: pty.terminalRowHeight,
                                       term: pty.term, environment: environment)
        connection = host.openTerminal(terminal, channel: context.channel)
    }

    private func answer(_ wantReply: Bool, _ success: Bool, context: ChannelHandlerContext) {
        guard wantReply else { return }
        if success {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Says no, tells the client why on its error stream, and closes the session with
    /// status 1. To `explain`, the request is taken (so that the client prints the
    /// reason) and nothing is run; otherwise it fails (the client says which request).
    private func refuse(_ wantReply: Bool, _ why: String, explain: Bool = false, context: ChannelHandlerContext) {
        answer(wantReply, explain, context: context)
        var buffer = context.channel.allocator.buffer(capacity: why.utf8.count + 2)
        buffer.writeString(why + "\r\n")
        context.triggerUserOutboundEvent(SSHBytesCodec.StandardError(text: buffer), promise: nil)
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1), promise: nil)
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let connection else { return }
        host.terminalInput(Self.unwrapInboundIn(data), from: connection)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if let connection, context.channel.isWritable {
            connection.stalledSince = nil
            connection.dirty = true
            host.scheduleFlush()
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let connection {
            if case let .terminal(link) = connection.transport { link.escapeTimer?.cancel() }
            host.closed(connection)
        }
        connection = nil
        // One session a connection: when it ends, so does the connection (a moment
        // later, so that the client reads the session's last bytes and status first).
        if let parent = context.channel.parent {
            parent.eventLoop.scheduleTask(in: .seconds(2)) { parent.close(promise: nil) }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

/// Between the session handler and swift-nio-ssh: the session's data as
/// plain bytes (stdout out, stdin in; stderr only for refusals).
final class SSHBytesCodec: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = SSHChannelData

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = Self.unwrapInboundIn(data)
        guard case .channel = data.type, case let .byteBuffer(bytes) = data.data else { return }
        context.fireChannelRead(Self.wrapInboundOut(bytes))
    }

    /// Text for the client's error stream (a refusal), sent as an outbound event.
    struct StandardError {
        var text: ByteBuffer
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(Self.wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(Self.unwrapOutboundIn(data)))), promise: promise)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let error = event as? StandardError else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        context.writeAndFlush(Self.wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(error.text))), promise: promise)
    }
}
