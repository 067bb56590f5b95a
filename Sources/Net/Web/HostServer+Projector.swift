import Host
import NIOCore

extension HostServer {
    /// Also serves the projector page; returns the address bound. Call after `start`.
    public func startWeb(_ configuration: ProjectorConfiguration) throws(HostStartError) -> SocketAddress {
        let server = ProjectorServer(configuration: configuration)
        let address = try server.start()
        _ = try? loop.submit { [self] in
            web = server
            publishBoard()
        }.wait()
        return address
    }

    /// Hands the projector the board now (called with each facilitator frame: at most once a frame interval).
    func publishBoard() { web?.feed.publish(room.game.projectorBoard) }

    /// What the SSH consoles were sent so far: frames drawn and their bytes (the benchmark reads it).
    public func terminalTraffic() -> EventLoopFuture<(frames: Int, bytes: Int)> {
        loop.submit { [self] in
            connections.values.reduce(into: (frames: 0, bytes: 0)) { total, connection in
                guard case let .terminal(link) = connection.transport else { return }
                total.frames += link.framesSent
                total.bytes += link.frameBytes
            }
        }
    }
}
