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

}
