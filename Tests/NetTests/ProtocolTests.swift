import Foundation
import ScreenKit
import Testing
@testable import Net

/// The protocol's pieces on their own: keys on the wire, messages both ways,
/// frames as differences, the token check and the slowdown of guessing.
@Suite struct ProtocolTests {
    @Test func everyKeyCrossesTheWireAndBack() {
        let keys: [Key] = [.char("a"), .char(" "), .char(":"), .char("é"), .ctrl("c"), .up, .down, .left, .right, .home, .end, .pageUp,
                           .pageDown, .backspace, .delete, .enter, .tab, .backTab, .escape, .f1, .click(x: 12, y: 3)]
        for key in keys { #expect(WireKey.decode(WireKey.encode(key)) == key, "\(key)") }
        for bad in ["", "ctrl-", "ctrl-1", "click 1", "click -1 2", "\u{7}", "enterr"] { #expect(WireKey.decode(bad) == nil, "'\(bad)'") }
    }

    @Test func messagesRoundTrip() throws {
        let client: [ClientMessage] = [
            .hello(ClientMessage.Hello(token: "t", team: "red", width: 120, height: 40, ascii: true, themes: ["dark"], resume: "abc")),
            .key(seq: 3, key: .char("s")), .resize(width: 80, height: 24), .ping, .pong, .bye,
        ]
        for message in client { #expect(try ClientMessage.decode(message.encoded()) == message) }
        let run = CellRun(x: 2, y: 1, role: .critical, attributes: [.bold, .reverse], text: "✖ \"CRIT\"\\\n")
        let host: [HostMessage] = [
            .welcome(team: "red", resume: "abc", lastSeq: 4, scenario: "first-day"),
            .frame(full: true, width: 80, height: 24, ack: 4, runs: [run]), .bell, .theme("light"),
            .error(message: "wrong token", fatal: true), .bye(message: "over"), .ping, .pong,
        ]
        for message in host { #expect(try HostMessage.decode(message.encoded()) == message) }
    }

    @Test func framesTravelAsTheirDifferences() {
        var before = CellBuffer(width: 40, height: 5)
        before.put("00:10:00 score 120", x: 1, y: 0)
        before.put("web ● OK", x: 1, y: 2, role: .ok)
        var after = before
        after.put("00:10:01 score 121", x: 1, y: 0)
        after.put("web ▲ WARN", x: 1, y: 2, role: .warning)
        var remote = before
        let runs = after.changes(since: before)
        remote.apply(runs)
        #expect(remote == after)
        #expect(runs.map(\.text).joined().count < 20, "only what changed")
        var fresh = CellBuffer(width: 40, height: 5)
        fresh.apply(after.changes(since: nil))
        #expect(fresh == after, "a full frame draws on a cleared screen")
        #expect(after.changes(since: after).isEmpty)
    }

    @Test func theTokenIsComparedWholeAndGuessesSlowDown() {
        #expect(SessionToken.matches("abc-def-ghij", "abc-def-ghij"))
        #expect(!SessionToken.matches("abc-def-ghi", "abc-def-ghij"))
        #expect(!SessionToken.matches("abc-def-ghijk", "abc-def-ghij"))
        #expect(!SessionToken.matches("", "abc-def-ghij"))
        let made = SessionToken.generate()
        #expect(SessionToken.problem(made) == nil && made.count == 14)
        var throttle = AuthThrottle()
        #expect(throttle.delay(for: "10.0.0.1", now: 0) == 0)
        for n in 0..<8 { throttle.failed("10.0.0.1", now: UInt64(n)) }
        #expect(throttle.delay(for: "10.0.0.1", now: 10) == AuthThrottle.maxDelayMilliseconds)
        #expect(throttle.delay(for: "10.0.0.2", now: 10) == 0, "other addresses are not slowed")
        #expect(throttle.delay(for: "10.0.0.1", now: AuthThrottle.forgetMilliseconds + 10) == 0, "forgotten after a quiet while")
    }

    @Test(arguments: [("127.0.0.1:7420", "127.0.0.1", 7420), (":9000", "127.0.0.1", 9000), ("8080", "127.0.0.1", 8080),
                      ("0.0.0.0:7420", "0.0.0.0", 7420), ("[::1]:7420", "::1", 7420), ("host.example:1", "host.example", 1)])
    func listenAddressesRead(text: String, host: String, port: Int) throws {
        #expect(try ListenAddress.parse(text) == ListenAddress(host: host, port: port))
    }

    @Test func badListenAddressesSayWhy() {
        for bad in ["", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", "::1:7420", "bad host:1", "x:y"] {
            #expect(throws: WireError.self, "'\(bad)'") { try ListenAddress.parse(bad) }
        }
    }
}
