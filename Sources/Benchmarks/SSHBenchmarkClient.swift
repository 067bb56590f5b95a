import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// An SSH client for the benchmark (swift-nio-ssh): logs in with the token,
/// asks for a pty of a given size and a shell, types bytes, and counts what
/// comes back and when.
final class SSHBenchmarkClient: @unchecked Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let parent: Channel
    private var session: Channel!
    private let received = NIOLockedValueBox<(bytes: Int, text: [UInt8])>((0, []))

    init(port: Int, team: String, password: String, width: Int, height: Int, term: String = "xterm-256color") throws {
        parent = try ClientBootstrap(group: group)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let client = SSHClientConfiguration(userAuthDelegate: SimplePasswordDelegate(username: team, password: password),
                                                        serverAuthDelegate: AcceptAnyHostKey())
                    try channel.pipeline.syncOperations.addHandler(NIOSSHHandler(role: .client(client), allocator: channel.allocator,
                                                                                 inboundChildChannelInitializer: nil))
                }
            }
            .connect(host: "127.0.0.1", port: port).wait()
        let received = received
        let opened = parent.eventLoop.makePromise(of: Channel.self)
        let parent = parent
        try parent.eventLoop.submit {
            let ssh = try parent.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
            ssh.createChannel(opened) { child, _ in
                child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(Collector(received: received)) }
            }
        }.wait()
        session = try opened.futureResult.wait()
        let pty = SSHChannelRequestEvent.PseudoTerminalRequest(wantReply: true, term: term, terminalCharacterWidth: width, terminalRowHeight: height,
                                                               terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: SSHTerminalModes([:]))
        try session.triggerUserOutboundEvent(pty).wait()
        try session.triggerUserOutboundEvent(SSHChannelRequestEvent.ShellRequest(wantReply: true)).wait()
    }

    func close() {
        // Closed and waited for before the loop goes, so nothing is scheduled on a loop that is gone.
        try? parent.close().wait()
        try? group.syncShutdownGracefully()
    }

    func type(_ text: String) {
        var buffer = session.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        session.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
    }

    var bytes: Int { received.withLockedValue { $0.bytes } }

    /// Whether the screen so far contains `text` (kept only until the first check that finds it).
    func contains(_ text: String) -> Bool {
        received.withLockedValue { state in
            let found = String(decoding: state.text, as: UTF8.self).contains(text)
            if found { state.text = [] }
            return found
        }
    }

    /// Waits until more than `count` bytes have come; the milliseconds it took, or nil after `seconds`.
    func waitForMore(than count: Int, seconds: Double = 5) -> Double? {
        let start = DispatchTime.now().uptimeNanoseconds
        let limit = start + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < limit {
            if bytes > count { return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
            usleep(100)
        }
        return nil
    }

    private final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = SSHChannelData
        let received: NIOLockedValueBox<(bytes: Int, text: [UInt8])>
        init(received: NIOLockedValueBox<(bytes: Int, text: [UInt8])>) { self.received = received }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case let .byteBuffer(buffer) = Self.unwrapInboundIn(data).data else { return }
            received.withLockedValue { state in
                state.bytes += buffer.readableBytes
                state.text += buffer.readableBytesView.suffix(65_536)
                if state.text.count > 1 << 20 { state.text.removeFirst(state.text.count - 65_536) }
            }
        }
    }

    private struct AcceptAnyHostKey: NIOSSHClientServerAuthenticationDelegate {
        func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) { validationCompletePromise.succeed(()) }
    }
}
