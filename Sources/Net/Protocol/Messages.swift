import Foundation
import ScreenKit
import Session

/// The facilitated game's protocol: its version, its size limits, and the
/// messages each side sends (PROTOCOL.md beside this folder describes them
/// with an example exchange). Every message is one JSON object in one frame.
public enum WireProtocol {
    public static let version = 1
    /// The largest message a team client may send (the host drops a client that sends more).
    public static let maxClientMessageBytes = 16 * 1_024
    /// The largest message the host sends (a full frame of the largest console).
    public static let maxHostMessageBytes = 4 * 1_024 * 1_024
    /// Console sizes the host renders.
    public static let widths = 20...400
    public static let heights = 10...200
    /// The most keys a client keeps to resend after a reconnection.
    public static let maxUnacknowledgedKeys = 1_024
}

/// What a team client sends.
public enum ClientMessage: Sendable, Hashable {
    /// First, and only first: the protocol version, the session token, the team,
    /// the terminal. `resume` and `lastSeq` come back from an earlier welcome.
    case hello(Hello)
    /// A key press, numbered from 1 on each console so that keys resent after a
    /// reconnection are applied once.
    case key(seq: Int, key: Key)
    case resize(width: Int, height: Int)
    case ping, pong
    case bye

    public struct Hello: Sendable, Hashable {
        public var version: Int
        public var token: String
        public var team: String
        public var width: Int
        public var height: Int
        public var ascii: Bool
        public var themes: [String]
        public var resume: String?
        /// Sent by a client whose own link dropped: its console is taken over even if
        /// the host has not yet noticed the old link is dead. (Without it, a console
        /// still connected is another person's, and `resume` opens a new one.)
        public var reconnecting: Bool

        public init(version: Int = WireProtocol.version, token: String, team: String, width: Int, height: Int, ascii: Bool = false,
                    themes: [String] = [], resume: String? = nil, reconnecting: Bool = false) {
            self.version = version
            self.token = token
            self.team = team
            self.width = width
            self.height = height
            self.ascii = ascii
            self.themes = themes
            self.resume = resume
            self.reconnecting = reconnecting
        }
    }
}

/// What the host sends a team client.
public enum HostMessage: Sendable, Hashable {
    /// The token was right: the team joined (or a console resumed). `lastSeq` is
    /// the last key of this console the host applied: the client resends the rest.
    case welcome(team: String, resume: String, lastSeq: Int, scenario: String)
    /// What changed on the console (everything when `full`), and the last key applied.
    case frame(full: Bool, width: Int, height: Int, ack: Int, runs: [CellRun])
    case bell
    /// Use this theme (a `:theme` typed on the console).
    case theme(String)
    /// A problem with what the client sent; when `fatal`, the host closes the connection.
    case error(message: String, fatal: Bool)
    /// The host ends the connection (the player quit, the game closed).
    case bye(message: String)
    case ping, pong
}

/// Why a message could not be read: one line for the error message back.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    init(_ message: String) { self.message = message }
}

/// A message as JSON: one flat object whose `type` says which fields it has.
struct WireObject: Codable {
    var type: String
    var version: Int?
    var token: String?
    var team: String?
    var width: Int?
    var height: Int?
    var ascii: Bool?
    var themes: [String]?
    var resume: String?
    var reconnecting: Bool?
    var seq: Int?
    var key: String?
    var lastSeq: Int?
    var scenario: String?
    var full: Bool?
    var ack: Int?
    var runs: [WireRun]?
    var name: String?
    var message: String?
    var fatal: Bool?
}

/// A run on the wire: `[x, y, style, "text"]`.
struct WireRun: Codable {
    var run: CellRun

    init(_ run: CellRun) { self.run = run }

    init(from decoder: Decoder) throws {
        var items = try decoder.unkeyedContainer()
        let x = try items.decode(Int.self), y = try items.decode(Int.self), style = try items.decode(Int.self)
        let text = try items.decode(String.self)
        guard let (role, attributes) = CellRun.style(style) else {
            throw DecodingError.dataCorruptedError(in: items, debugDescription: "unknown style \(style)")
        }
        run = CellRun(x: x, y: y, role: role, attributes: attributes, text: text)
    }

    func encode(to encoder: Encoder) throws {
        var items = encoder.unkeyedContainer()
        try items.encode(run.x)
        try items.encode(run.y)
        try items.encode(run.style)
        try items.encode(run.text)
    }
}

extension ClientMessage {
    public func encoded() -> Data {
        var o = WireObject(type: "")
        switch self {
        case let .hello(h):
            o.type = "hello"
            o.version = h.version; o.token = h.token; o.team = h.team; o.width = h.width; o.height = h.height
            o.ascii = h.ascii; o.themes = h.themes; o.resume = h.resume
            if h.reconnecting { o.reconnecting = true }
        case let .key(seq, key):
            o.type = "key"; o.seq = seq; o.key = WireKey.encode(key)
        case let .resize(width, height):
            o.type = "resize"; o.width = width; o.height = height
        case .ping: o.type = "ping"
        case .pong: o.type = "pong"
        case .bye: o.type = "bye"
        }
        return WireJSON.encode(o)
    }

    /// Reads a client's message, checking every field it needs.
    public static func decode(_ data: Data) throws(WireError) -> ClientMessage {
        let o = try WireJSON.decode(data)
        switch o.type {
        case "hello":
            guard let version = o.version else { throw WireError("hello needs a protocol version") }
            guard let token = o.token, let team = o.team, let width = o.width, let height = o.height else {
                throw WireError("hello needs token, team, width and height")
            }
            guard token.utf8.count <= 256, (o.themes ?? []).count <= 64, (o.themes ?? []).allSatisfy({ $0.utf8.count <= 64 }),
                  (o.resume ?? "").utf8.count <= 64 else { throw WireError("hello has a field that is too long") }
            return .hello(Hello(version: version, token: token, team: team, width: width, height: height, ascii: o.ascii ?? false,
                                themes: o.themes ?? [], resume: o.resume, reconnecting: o.reconnecting ?? false))
        case "key":
            guard let seq = o.seq, seq > 0, let name = o.key else { throw WireError("key needs a seq (1 or more) and a key") }
            guard let key = WireKey.decode(name) else { throw WireError("unknown key '\(name.prefix(20))'") }
            return .key(seq: seq, key: key)
        case "resize":
            guard let width = o.width, let height = o.height else { throw WireError("resize needs width and height") }
            return .resize(width: width, height: height)
        case "ping": return .ping
        case "pong": return .pong
        case "bye": return .bye
        default: throw WireError("unknown message type '\(o.type.prefix(20))'")
        }
    }
}

extension HostMessage {
    public func encoded() -> Data {
        var o = WireObject(type: "")
        switch self {
        case let .welcome(team, resume, lastSeq, scenario):
            o.type = "welcome"; o.version = WireProtocol.version; o.team = team; o.resume = resume; o.lastSeq = lastSeq; o.scenario = scenario
        case let .frame(full, width, height, ack, runs):
            return WireJSON.frame(full: full, width: width, height: height, ack: ack, runs: runs)
        case .bell: o.type = "bell"
        case let .theme(name): o.type = "theme"; o.name = name
        case let .error(message, fatal): o.type = "error"; o.message = message; o.fatal = fatal
        case let .bye(message): o.type = "bye"; o.message = message
        case .ping: o.type = "ping"
        case .pong: o.type = "pong"
        }
        return WireJSON.encode(o)
    }

    public static func decode(_ data: Data) throws(WireError) -> HostMessage {
        let o = try WireJSON.decode(data)
        switch o.type {
        case "welcome":
            guard let team = o.team, let resume = o.resume, let lastSeq = o.lastSeq else { throw WireError("welcome needs team, resume and lastSeq") }
            return .welcome(team: team, resume: resume, lastSeq: lastSeq, scenario: o.scenario ?? "")
        case "frame":
            guard let width = o.width, let height = o.height, WireProtocol.widths.contains(width), WireProtocol.heights.contains(height),
                  let runs = o.runs else { throw WireError("frame needs width, height and runs") }
            return .frame(full: o.full ?? false, width: width, height: height, ack: o.ack ?? 0, runs: runs.map(\.run))
        case "bell": return .bell
        case "theme": return .theme(o.name ?? "")
        case "error": return .error(message: o.message ?? "error", fatal: o.fatal ?? false)
        case "bye": return .bye(message: o.message ?? "")
        case "ping": return .ping
        case "pong": return .pong
        default: throw WireError("unknown message type '\(o.type.prefix(20))'")
        }
    }
}

/// JSON for the wire: Codable for reading and small messages; frames are
/// written by hand, as they are the bulk of the traffic.
enum WireJSON {
    static func encode(_ object: WireObject) -> Data { JSONText.data(object) }

    static func decode(_ data: Data) throws(WireError) -> WireObject {
        do { return try JSONDecoder().decode(WireObject.self, from: data) } catch let error as DecodingError {
            switch error {
            case let .keyNotFound(key, _): throw WireError("malformed message (no '\(key.stringValue)')")
            case let .typeMismatch(_, context), let .valueNotFound(_, context):
                throw WireError("malformed message ('\(context.codingPath.last?.stringValue ?? "?")' has the wrong type)")
            default: throw WireError("malformed message (not a JSON object)")
            }
        } catch {
            throw WireError("malformed message (not a JSON object)")
        }
    }

    static func frame(full: Bool, width: Int, height: Int, ack: Int, runs: [CellRun]) -> Data {
        var out = "{\"ack\":\(ack),\"full\":\(full),\"height\":\(height),\"runs\":["
        for (n, run) in runs.enumerated() {
            if n > 0 { out += "," }
            out += "[\(run.x),\(run.y),\(run.style),"
            string(run.text, into: &out)
            out += "]"
        }
        out += "],\"type\":\"frame\",\"width\":\(width)}"
        return Data(out.utf8)
    }

    private static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
