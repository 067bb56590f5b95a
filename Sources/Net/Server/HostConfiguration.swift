import NIOCore

/// Where a host listens: `HOST:PORT`, `:PORT` or `PORT` (loopback unless a host is named).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public static let defaultPort = 7420
    public static let loopback = ListenAddress(host: "127.0.0.1", port: defaultPort)

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads an address, or says in one line what is wrong with it.
    public static func parse(_ text: String) throws(WireError) -> ListenAddress {
        var host = "127.0.0.1"
        var portText = text
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw WireError("'\(text)' is not HOST:PORT (an IPv6 host goes in brackets: [::1]:7420)") }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = String(text[close...].dropFirst().drop { $0 == ":" })
        } else if let colon = text.lastIndex(of: ":") {
            guard text.firstIndex(of: ":") == colon else { throw WireError("'\(text)' is not HOST:PORT (an IPv6 host goes in brackets: [::1]:7420)") }
            let named = String(text[..<colon])
            if !named.isEmpty { host = named }
            portText = String(text[text.index(after: colon)...])
        }
        guard !host.isEmpty, host.count <= 253, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else {
            throw WireError("'\(text)' is not HOST:PORT (bad host '\(host)')")
        }
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw WireError("'\(text)' is not HOST:PORT (the port must be 1…65535)")
        }
        return ListenAddress(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// How a host behaves on the network: limits and timings, each with a reason.
public struct HostConfiguration: Sendable {
    public var listen: ListenAddress
    public var token: String
    /// A ping goes out after this long without sending anything…
    public var heartbeat: TimeAmount = .seconds(2)
    /// …and a connection that says nothing for this long is dead.
    public var deadAfter: TimeAmount = .seconds(6)
    /// A client that reads nothing for this long (its backlog full) is dropped; it may reconnect.
    public var stalledAfter: TimeAmount = .seconds(10)
    /// Bytes queued for a client before the host stops sending it frames (frames are state: the next one catches up).
    public var backlogBytes = 256 * 1_024
    /// The most connections at once.
    public var maxConnections = 1_024
    /// Bad messages a client may send before it is dropped.
    public var maxProtocolErrors = 20
    /// Frames go out at most this often while the game runs (keys are answered at once).
    public var frameInterval: TimeAmount = .milliseconds(33)

    public init(listen: ListenAddress, token: String) {
        self.listen = listen
        self.token = token
    }
}

/// Whether the host's clock follows real time, or advances only when told (tests, benchmarks).
public enum HostTicking: Sendable {
    case realTime
    case manual
}
