import Host
import NIOCore
import NIOSSH
import ScreenKit

/// Team consoles on terminals the host writes to itself (SSH sessions): the
/// same room, consoles and frames as `gameday join`, drawn as ANSI with
/// diffing against what that terminal shows, keys decoded from its bytes.
extension HostServer {
    /// What a reconnecting SSH session of a team presents: it gets back a
    /// console of its team that dropped (the one state per team name).
    static func sshResume(team: String) -> String { "ssh:\(team)" }

    /// An SSH session asked for a shell: joins its team, or resumes the team's
    /// SSH console that dropped, and draws it. Returns nil when it could not
    /// (the session was told why and is closing).
    func openTerminal(_ request: TerminalRequest, channel: Channel) -> Connection? {
        guard let settings = ssh?.configuration, !stopped else { return nil }
        let depth = ColorDepth.forTerminal(type: request.term, environment: request.environment, noColor: settings.noColor)
        let link = TerminalLink(team: request.team, theme: settings.theme, depth: depth)
        guard let connection = opened(channel) else {
            farewell("the host is full: try again later", link: link, channel: channel, status: 1)
            return nil
        }
        connection.transport = .terminal(link)
        let size = Self.consoleSize(width: request.width, height: request.height)
        let hello = ClientMessage.Hello(token: configuration.token, team: request.team, width: size.width, height: size.height,
                                        ascii: !request.isUTF8, themes: settings.themeNames, resume: Self.sshResume(team: request.team))
        let console: ConsoleID
        do throws(JoinError) {
            console = try room.open(hello, newResume: Self.sshResume(team: request.team), now: now).0
        } catch {
            farewell(error.message, link: link, channel: channel, status: 1)
            connection.phase = .closing
            return connection
        }
        if let old = consoleConnections[console].flatMap({ connections[$0] }), old !== connection {
            send(.bye(message: "this console was opened again from another ssh session"), to: old)
            old.phase = .closing
            old.channel.close(promise: nil)
        }
        connection.phase = .joined(console)
        consoleConnections[console] = connection.id
        write(ANSITerminalModes.enter(mouse: settings.mouse), to: connection.channel)
        connection.dirty = true
        connection.keyed = true
        facilitatorDirty = true
        progress()
        scheduleFlush()
        return connection
    }

    /// A size the console can be drawn at (a tiny or huge terminal gets the nearest).
    static func consoleSize(width: Int, height: Int) -> (width: Int, height: Int) {
        (min(WireProtocol.widths.upperBound, max(WireProtocol.widths.lowerBound, width)),
         min(WireProtocol.heights.upperBound, max(WireProtocol.heights.lowerBound, height)))
    }

    /// Bytes typed on the terminal: keys for the console. A lone ESC waits a
    /// moment for the rest of a sequence before it counts as the Esc key.
    func terminalInput(_ bytes: ByteBuffer, from connection: Connection) {
        guard case let .terminal(link) = connection.transport else { return }
        link.escapeTimer?.cancel()
        link.escapeTimer = nil
        apply(link.decoder.feed(bytes.readableBytesView), link: link, connection: connection)
        guard link.decoder.needsTimeout else { return }
        let id = connection.id
        link.escapeTimer = loop.scheduleTask(in: .milliseconds(Int64(TerminalInputDecoder.escapeTimeoutMilliseconds))) { [self] in
            guard let connection = connections[id], case let .terminal(link) = connection.transport else { return }
            link.escapeTimer = nil
            apply(link.decoder.timeout(), link: link, connection: connection)
        }
    }

    private func apply(_ inputs: [TerminalInput], link: TerminalLink, connection: Connection) {
        for input in inputs {
            guard case let .joined(console) = connection.phase else { return }
            let keys = if case let .paste(text) = input { room.keys(pasting: text, console: console) } else { input.consoleKeys }
            for key in keys {
                guard case .joined = connection.phase else { return }
                press(key, seq: room.lastSeq(of: console) + 1, console: console, connection: connection)
            }
        }
    }

    /// The terminal changed size (window-change): the console reflows, drawn afresh.
    func terminalResize(width: Int, height: Int, connection: Connection) {
        guard case let .joined(console) = connection.phase else { return }
        let size = Self.consoleSize(width: width, height: height)
        try? room.resize(console, width: size.width, height: size.height)
        connection.lastFrame = nil
        connection.dirty = true
        connection.keyed = true
        scheduleFlush()
    }

    /// Draws a frame: only what changed since the last one this terminal got.
    func draw(_ frame: CellBuffer, on link: TerminalLink, connection: Connection) {
        guard !link.isClosing else { return }
        let isUpdate = connection.lastFrame.map { $0.width == frame.width && $0.height == frame.height } ?? false
        let bytes = link.writer.update(from: connection.lastFrame, to: frame)
        connection.lastFrame = frame
        guard !bytes.isEmpty else { return }
        link.framesSent += 1
        link.frameBytes += bytes.count
        if isUpdate { link.largestUpdate = max(link.largestUpdate, bytes.count) }
        write(bytes, to: connection.channel)
    }

    /// What the SSH consoles were sent so far: frames drawn, their bytes, and the largest
    /// update that was not a full redraw since the last reset (the benchmark reads it).
    public func terminalTraffic(resettingLargest: Bool = false) -> EventLoopFuture<(frames: Int, bytes: Int, largestUpdate: Int)> {
        loop.submit { [self] in
            connections.values.reduce(into: (frames: 0, bytes: 0, largestUpdate: 0)) { total, connection in
                guard case let .terminal(link) = connection.transport else { return }
                total.frames += link.framesSent
                total.bytes += link.frameBytes
                total.largestUpdate = max(total.largestUpdate, link.largestUpdate)
                if resettingLargest { link.largestUpdate = 0 }
            }
        }
    }

    /// Messages meant for a `gameday join` client, as a terminal takes them.
    func tell(_ message: HostMessage, on link: TerminalLink, connection: Connection) {
        switch message {
        case .bell: write(ANSITerminalModes.bell, to: connection.channel)
        case let .bye(text): farewell(text, link: link, channel: connection.channel, status: 0)
        case let .error(text, true): farewell(text, link: link, channel: connection.channel, status: 1)
        case .welcome, .frame, .theme, .error, .ping, .pong: break
        }
    }

    /// `:theme NAME` on an SSH console: the host draws in it from now on.
    func switchTheme(_ name: String, on link: TerminalLink, connection: Connection, console: ConsoleID) {
        guard let settings = ssh?.configuration else { return }
        do {
            let theme = try settings.loadTheme(name)
            link.writer.configure(theme: theme, depth: link.depth)
            connection.lastFrame = nil
            room.notify(console, "theme \(theme.name)", isError: false, now: now)
        } catch {
            room.notify(console, "\(error)", isError: true, now: now)
        }
        connection.dirty = true
        scheduleFlush()
    }

    /// The terminal as it was, a last line, the exit status, and the session closes.
    func farewell(_ text: String, link: TerminalLink, channel: Channel, status: Int) {
        guard !link.isClosing else { return }
        link.isClosing = true
        link.escapeTimer?.cancel()
        write(ANSITerminalModes.leave + Array((text + "\r\n").utf8), to: channel)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status), promise: nil)
        channel.close(promise: nil)
    }

    func write(_ bytes: [UInt8], to channel: Channel) {
        guard channel.isActive else { return }
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        channel.writeAndFlush(buffer, promise: nil)
    }
}
