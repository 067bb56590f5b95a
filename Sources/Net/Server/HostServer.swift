import Console
import Foundation
import Host
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ScreenKit

/// Why a host could not start, in one line.
public struct HostStartError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The host of a facilitated game on the network: accepts team clients,
/// checks their token, runs each one's console in the room and sends it
/// what changed on its screen; drives the game clock in real time; and hands
/// the facilitator's frames to the terminal. Everything runs on one event
/// loop, so the room needs no locks; a slow or misbehaving client costs only
/// its own connection.
public final class HostServer: @unchecked Sendable {
    // All mutable state is touched only on `loop` (checked in debug builds).
    public let loop: EventLoop
    let group: EventLoopGroup
    private let ownsGroup: Bool
    let configuration: HostConfiguration
    private let ticking: HostTicking
    var room: Room
    var connections: [Int: Connection] = [:]
    var consoleConnections: [ConsoleID: Int] = [:]
    private var nextConnection = 1
    var throttle = AuthThrottle()
    private var serverChannel: Channel?
    private var tickTask: Scheduled<Void>?
    private var housekeeping: RepeatedTask?
    private var lastTick = NIODeadline.now()
    private var flushScheduled = false
    private var laterFlush: Scheduled<Void>?
    private var nextTurn: Scheduled<Void>?
    var facilitatorDirty = true
    /// The facilitator's own key wants its frame at once; other changes wait for the frame interval.
    var facilitatorUrgent = true
    private var facilitatorRenderedAt: UInt64 = 0
    private let started = NIODeadline.now()
    private(set) var stopped = false
    /// Set by the first `stop` (from any thread).
    private let stopCalled = NIOLockedValueBox(false)
    /// Team consoles over SSH, when `startSSH` was called.
    var ssh: SSHConsoleServer?
    /// The projector page, when `startWeb` was called.
    var web: ProjectorServer?

    /// The facilitator's frames, as they change (called on the loop).
    public var onFacilitatorFrame: (@Sendable (CellBuffer) -> Void)?
    /// What the facilitator's console asks of the terminal (quit, a theme).
    public var onFacilitatorEffect: (@Sendable (FacilitatorEffect) -> Void)?
    /// The game after each tick and after anything else changed it (recordings; called on the loop).
    public var onProgress: ((FacilitatedGame) -> Void)?
    public var facilitatorGlyphs: Glyphs = .unicode

    public init(room: Room, configuration: HostConfiguration, ticking: HostTicking = .realTime) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        ownsGroup = true
        loop = group.next()
        self.room = room
        self.configuration = configuration
        self.ticking = ticking
    }

    /// Milliseconds since the host started (monotonic): the room's notion of now.
    var now: UInt64 { UInt64(max(0, (NIODeadline.now() - started).nanoseconds / 1_000_000)) }

    /// Binds and starts serving; returns the address bound (the port when 0 was asked).
    public func start() throws(HostStartError) -> SocketAddress {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(ChannelOptions.writeBufferWaterMark,
                                value: ChannelOptions.Types.WriteBufferWaterMark(low: configuration.backlogBytes / 4, high: configuration.backlogBytes))
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    try operations.addHandler(ByteToMessageHandler(LengthPrefixedDecoder(maxLength: WireProtocol.maxClientMessageBytes)))
                    try operations.addHandler(IdleStateHandler(readTimeout: configuration.deadAfter, writeTimeout: configuration.heartbeat))
                    try operations.addHandler(HostConnectionHandler(server: self))
                }
            }
        let address = configuration.listen
        do {
            let channel = try bootstrap.bind(host: address.host, port: address.port).wait()
            serverChannel = channel
            guard let local = channel.localAddress else { throw HostStartError(description: "cannot listen on \(address)") }
            loop.execute { self.begin() }
            return local
        } catch let error as HostStartError {
            throw error
        } catch {
            throw Self.bindProblem(error, address: address, flag: "--listen")
        }
    }

    /// Why binding `address` failed, in one line that names the flag to change.
    static func bindProblem(_ error: Error, address: ListenAddress, flag: String) -> HostStartError {
        let errno = (error as? IOError)?.errnoCode
        if errno == EADDRINUSE {
            return HostStartError(description: "cannot listen on \(address): the port is in use (choose another with \(flag) HOST:PORT)")
        }
        if errno == EADDRNOTAVAIL { return HostStartError(description: "cannot listen on \(address): no such address on this machine") }
        if errno == EACCES {
            return HostStartError(description: "cannot listen on \(address): permission denied (ports below 1024 need privileges)")
        }
        return HostStartError(description: "cannot listen on \(address): \(describe(error))")
    }

    /// A network error in a few words ("connection refused", "unknown host").
    static func describe(_ error: Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return describe(first.error) }
            return "unknown host"
        }
        if error is ChannelError { return "no connection (\(error))" }
        if error is SocketAddressError { return "not an address this machine can resolve" }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "failed"
    }

    private func begin() {
        housekeeping = loop.scheduleRepeatedTask(initialDelay: .milliseconds(500), delay: .milliseconds(500)) { [self] _ in keepHouse() }
        facilitatorDirty = true
        scheduleFlush()
    }

    /// Ends the session: every client is told and closed, the port is released.
    /// With `standings`, each team's goodbye also says where it finished.
    /// Stopping twice does nothing the second time (the loop is gone by then).
    public func stop(message: String = "the facilitator ended the game day", standings: FinalStandings? = nil) {
        guard stopCalled.withLockedValue({ called in defer { called = true }; return !called }) else { return }
        let done = loop.submit { [self] () -> ProjectorServer? in
            stopped = true
            tickTask?.cancel()
            housekeeping?.cancel()
            for connection in connections.values {
                // Each team hears where it finished, even when the game day ends early.
                var result: String?
                if let standings, case let .joined(console) = connection.phase, let team = room.team(of: console) {
                    result = standings.results[team].map { "\(message) (\(standings.when)) · \($0)" }
                }
                send(.bye(message: result ?? message), to: connection)
                connection.channel.close(promise: nil)
            }
            serverChannel?.close(promise: nil)
            ssh?.stop()
            return web
        }
        let projector = try? done.wait()
        projector?.stop()
        if ownsGroup { try? group.syncShutdownGracefully() }
    }

    // MARK: the facilitator's console (called from the terminal's thread)

    public func facilitatorKey(_ key: Key) {
        loop.execute { [self] in
            let (effects, roomEffects) = room.facilitatorKey(key, now: now)
            perform(roomEffects)
            markAllDirty()
            facilitatorUrgent = true
            progress()
            ensureTicking()
            scheduleFlush()
            for effect in effects { onFacilitatorEffect?(effect) }
        }
    }

    public func facilitatorResize(width: Int, height: Int) {
        loop.execute { [self] in
            room.facilitator.resize(width: width, height: height)
            facilitatorDirty = true
            facilitatorUrgent = true
            scheduleFlush()
        }
    }

    /// A line on the facilitator's status bar (news from the terminal: a theme loaded).
    public func notifyFacilitator(_ text: String, isError: Bool) {
        loop.execute { [self] in
            room.facilitator.notify(text, isError: isError, now: now)
            facilitatorDirty = true
            facilitatorUrgent = true
            scheduleFlush()
        }
    }

    /// Runs `body` on the room on the loop (setup, tests, notices from the terminal).
    public func withRoom<T: Sendable>(_ body: @escaping @Sendable (inout Room) -> T) -> EventLoopFuture<T> {
        loop.submit { [self] in
            let result = body(&room)
            markAllDirty()
            progress()
            ensureTicking()
            scheduleFlush()
            return result
        }
    }

    /// Advances exactly `ticks` ticks (a host with `.manual` ticking: tests and the benchmark).
    public func advance(ticks: Int) -> EventLoopFuture<Void> {
        loop.submit { [self] in
            let effects = room.advance(ticks: ticks, now: now) { [self] game in onProgress?(game) }
            perform(effects)
            markAllDirty()
            scheduleFlush()
        }
    }

    // MARK: the clock

    /// Starts the tick timer when the game runs and none is set.
    func ensureTicking() {
        guard ticking == .realTime, tickTask == nil, room.game.isClockRunning, !stopped else { return }
        lastTick = NIODeadline.now()
        scheduleTick()
    }

    private func scheduleTick() {
        let until = Int64(room.game.clock.nanosecondsUntilNextTick)
        let wait = max(configuration.frameInterval.nanoseconds, until)
        tickTask = loop.scheduleTask(in: .nanoseconds(wait)) { [self] in tick() }
    }

    private func tick() {
        tickTask = nil
        guard room.game.isClockRunning, !stopped else { return }
        let time = NIODeadline.now()
        let elapsed = UInt64(max(0, (time - lastTick).nanoseconds))
        lastTick = time
        let (ticks, effects) = room.elapse(nanoseconds: elapsed, now: now) { [self] game in onProgress?(game) }
        perform(effects)
        if ticks > 0 {
            markAllDirty()
            flush()
        }
        if room.game.isClockRunning { scheduleTick() }
    }

    // MARK: frames

    func markAllDirty() {
        for connection in connections.values { connection.dirty = true }
        facilitatorDirty = true
    }

    func scheduleFlush() {
        guard !flushScheduled else { return }
        flushScheduled = true
        loop.execute { [self] in
            flushScheduled = false
            flush()
        }
    }

    func progress() { onProgress?(room.game) }

    /// Consoles rendered in one turn of the loop; the rest follow a moment later, so
    /// that keys arriving meanwhile are read (and answered first).
    static let framesPerTurn = 24

    /// Sends dirty consoles what changed, at most once per quarter frame interval
    /// each: first those a key just changed (a command shows its effect there at
    /// once), then the rest. A client whose backlog is full gets nothing
    /// until it drains.
    func flush() {
        let time = now
        let interval = UInt64(configuration.frameInterval.nanoseconds / 1_000_000) / 4
        var deferred = false
        var ready: [Connection] = []
        for connection in connections.values where connection.dirty {
            guard case .joined = connection.phase, connection.channel.isWritable else { continue }
            if time < connection.renderedAt + interval {
                deferred = true
            } else {
                ready.append(connection)
            }
        }
        ready.sort { ($0.priority, $1.renderedAt, $1.id) > ($1.priority, $0.renderedAt, $0.id) }
        for connection in ready.prefix(Self.framesPerTurn) { render(connection, now: time) }
        let frameMilliseconds = UInt64(configuration.frameInterval.nanoseconds / 1_000_000)
        if ready.count > Self.framesPerTurn, nextTurn == nil {
            nextTurn = loop.scheduleTask(in: .microseconds(100)) { [self] in
                nextTurn = nil
                flush()
            }
        }
        if facilitatorDirty && !facilitatorUrgent && time < facilitatorRenderedAt + frameMilliseconds { deferred = true }
        if deferred, laterFlush == nil {
            laterFlush = loop.scheduleTask(in: .milliseconds(Int64(max(1, interval)))) { [self] in
                laterFlush = nil
                flush()
            }
        }
        if facilitatorDirty && (facilitatorUrgent || time >= facilitatorRenderedAt + frameMilliseconds) {
            facilitatorDirty = false
            facilitatorUrgent = false
            facilitatorRenderedAt = time
            onFacilitatorFrame?(room.facilitatorFrame(glyphs: facilitatorGlyphs, now: time))
            publishBoard()
        }
    }

    /// One console's frame, as the difference from the last frame it was sent.
    private func render(_ connection: Connection, now time: UInt64) {
        guard case let .joined(console) = connection.phase, let frame = room.frame(console, now: time) else { return }
        connection.dirty = false
        connection.renderedAt = time
        connection.keyed = false
        if case let .terminal(link) = connection.transport {
            draw(frame, on: link, connection: connection)
            return
        }
        let full = connection.lastFrame.map { $0.width != frame.width || $0.height != frame.height } ?? true
        let runs = frame.changes(since: full ? nil : connection.lastFrame)
        let ack = room.lastSeq(of: console)
        guard full || !runs.isEmpty || ack != connection.ackSent else { return }
        send(.frame(full: full, width: frame.width, height: frame.height, ack: ack, runs: runs), to: connection)
        connection.lastFrame = frame
        connection.ackSent = ack
    }

    /// Drops clients that stopped reading, refreshes frames whose messages
    /// expired, forgets consoles away too long, redraws the facilitator.
    private func keepHouse() {
        let time = now
        let deadline = NIODeadline.now()
        for connection in connections.values {
            if connection.channel.isWritable {
                connection.stalledSince = nil
            } else if let since = connection.stalledSince, deadline - since > configuration.stalledAfter {
                connection.channel.close(promise: nil)
                continue
            } else if connection.stalledSince == nil {
                connection.stalledSince = deadline
            }
            if case let .joined(console) = connection.phase, let next = room.nextTimedChange(console, after: connection.renderedAt), next <= time {
                connection.dirty = true
            }
        }
        room.forgetAway(now: time)
        facilitatorDirty = true
        flush()
    }

    func send(_ message: HostMessage, to connection: Connection) {
        guard connection.channel.isActive else { return }
        if case let .terminal(link) = connection.transport {
            tell(message, on: link, connection: connection)
            return
        }
        connection.channel.writeAndFlush(Framing.frame(message.encoded(), allocator: connection.channel.allocator), promise: nil)
    }

    func perform(_ effects: [RoomEffect]) {
        for effect in effects {
            switch effect {
            case let .bell(console):
                if let connection = consoleConnections[console].flatMap({ connections[$0] }) { send(.bell, to: connection) }
            case let .theme(console, name):
                guard let connection = consoleConnections[console].flatMap({ connections[$0] }) else { break }
                if case let .terminal(link) = connection.transport {
                    switchTheme(name, on: link, connection: connection, console: console)
                } else {
                    send(.theme(name), to: connection)
                }
            case let .close(console, message):
                if let connection = consoleConnections[console].flatMap({ connections[$0] }) {
                    send(.bye(message: message), to: connection)
                    connection.phase = .closing
                    connection.channel.close(promise: nil)
                }
                room.remove(console)
                consoleConnections[console] = nil
                facilitatorDirty = true
            case let .teamChanged(team):
                for (console, id) in consoleConnections where room.team(of: console) == team { connections[id]?.dirty = true }
                facilitatorDirty = true
            }
        }
    }

    // MARK: connections (called by the handler, on the loop)

    func opened(_ channel: Channel) -> Connection? {
        guard connections.count < configuration.maxConnections, !stopped else { return nil }
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let connection = Connection(id: nextConnection, channel: channel, address: address)
        nextConnection += 1
        connections[connection.id] = connection
        return connection
    }

    func closed(_ connection: Connection) {
        connections[connection.id] = nil
        if case let .joined(console) = connection.phase {
            room.drop(console, now: now)
            consoleConnections[console] = nil
            facilitatorDirty = true
            progress()
            scheduleFlush()
        }
    }
}
