import NIOCore
import NIOPosix
import NIOSSH

/// Team consoles over SSH (swift-nio-ssh): `ssh -p PORT TEAM@HOST`, the
/// session token as the password (or an allowed key), then the team's
/// console. Runs on the host's event loop, so sessions reach the room as
/// `gameday join` connections do. A connection gets one session, a pty and
/// a shell; everything else (exec, sftp, port, agent and X11 forwarding) is
/// refused, and a connection that has not opened a console within the
/// handshake timeout is closed. Its state is touched only on the host's loop.
final class SSHConsoleServer: @unchecked Sendable {
    let configuration: SSHConsoleConfiguration
    private unowned let host: HostServer
    private var listener: Channel?
    /// Open SSH connections (logged in or not), to bound them and close them at the end.
    private var connections: [ObjectIdentifier: Channel] = [:]

    init(host: HostServer, configuration: SSHConsoleConfiguration) {
        self.host = host
        self.configuration = configuration
    }

    func start() throws(HostStartError) -> SocketAddress {
        let bootstrap = ServerBootstrap(group: host.loop)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try setUp(channel) }
            }
        let address = configuration.listen
        do {
            let channel = try bootstrap.bind(host: address.host, port: address.port).wait()
            listener = channel
            guard let local = channel.localAddress else { throw HostStartError(description: "cannot listen on \(address)") }
            return local
        } catch let error as HostStartError {
            throw error
        } catch {
            throw HostServer.bindProblem(error, address: address, flag: "--ssh")
        }
    }

    /// A new TCP connection: the SSH handshake, then at most one session.
    private func setUp(_ channel: Channel) throws {
        guard connections.count < configuration.maxConnections, !host.stopped else { throw ChannelError.inputClosed }
        let id = ObjectIdentifier(channel)
        connections[id] = channel
        channel.closeFuture.whenComplete { [self] _ in connections[id] = nil }
        let login = SSHLogin(address: channel.remoteAddress?.ipAddress ?? "unknown")
        login.deadline = channel.eventLoop.scheduleTask(in: configuration.handshakeTimeout) { channel.close(promise: nil) }
        var server = SSHServerConfiguration(hostKeys: [configuration.hostKey.sshKey],
                                            userAuthDelegate: SSHLoginCheck(host: host, login: login, authorizedKeys: configuration.authorizedKeys),
                                            globalRequestDelegate: SSHRefuseGlobalRequests())
        server.maxAuthAttempts = configuration.maxAuthAttempts
        let host = host
        let handler = NIOSSHHandler(role: .server(server), allocator: channel.allocator) { child, type in
            guard case .session = type, login.username != nil, login.claimSession() else {
                return child.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
            }
            return child.eventLoop.makeCompletedFuture {
                try child.pipeline.syncOperations.addHandlers([SSHBytesCodec(), SSHSessionHandler(host: host, login: login)])
            }
        }
        try channel.pipeline.syncOperations.addHandlers([handler, SSHErrorCloser()])
    }

    /// Closes the listener and every connection (on the loop).
    func stop() {
        listener?.close(promise: nil)
        for channel in connections.values { channel.close(promise: nil) }
    }
}

/// The last handler of an SSH connection: garbage or a protocol error closes the connection, and only it.
final class SSHErrorCloser: ChannelInboundHandler {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

extension HostServer {
    /// Also serves team consoles over SSH; returns the address bound. Call after `start`.
    public func startSSH(_ configuration: SSHConsoleConfiguration) throws(HostStartError) -> SocketAddress {
        let server = SSHConsoleServer(host: self, configuration: configuration)
        _ = try? loop.submit { self.ssh = server }.wait()
        do throws(HostStartError) {
            return try server.start()
        } catch {
            _ = try? loop.submit { self.ssh = nil }.wait()
            throw error
        }
    }
}
