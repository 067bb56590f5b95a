import FleetSim
import Foundation
import Host
import NIOCore
import ScreenKit
import Session
import Testing
@testable import Net

/// A host and team clients in one process over real loopback sockets: what
/// teams see, what reaches whom, and what the host does with bad clients.
@Suite(.serialized) struct LoopbackTests {
    @Test func twoTeamsPlayTheirOwnGamesAndSeeOnlyTheirOwn() throws {
        let host = try TestHost(bots: [.idle])
        let red = try host.client("red"), blue = try host.client("blue")
        defer { red.close(); blue.close() }
        try eventually("both consoles show the briefing") { red.screen.contains("Enter the console") && blue.screen.contains("Enter the console") }
        red.send(.enter)
        blue.send(.enter)
        try eventually("the panes, the clock stopped") { red.screen.contains("WAITING FOR THE FACILITATOR") && blue.screen.contains("WAITING") }
        let teammate = try host.client("red")
        defer { teammate.close() }
        try eventually("a second person on red") { teammate.screen.contains("WAITING FOR THE FACILITATOR") }

        // A command goes to red's game only, checked and stamped as in solo play, and takes
        // effect at once: both of red's consoles show it while the clock has not started.
        func webRowShows7(_ screen: String) -> Bool { screen.split(separator: "\n").contains { $0.contains(" web ") && $0.contains("/7") } }
        red.command("scale web 7")
        try eventually("red's status line, with what happens next") { red.screen.contains("scale web 7 at 00:00:00: new tasks need") }
        try eventually("red's web row shows 7 desired before any tick") { webRowShows7(red.screen) }
        try eventually("so does red's teammate's, who typed nothing") { webRowShows7(teammate.screen) }
        #expect(try host.room { $0.game.tick } == 0)
        try host.facilitator(" ")
        try host.advance(2)
        #expect(!webRowShows7(blue.screen))
        let red0 = try host.room { $0.game.match.team(named: "red")! }
        let blue0 = try host.room { $0.game.match.team(named: "blue")! }
        #expect(try host.room { $0.game.match.teams[red0].session.commandLog.map(\.command.text) } == ["scale web 7"])
        #expect(try host.room { $0.game.match.teams[blue0].session.commandLog.isEmpty })

        // A bad command gets the same error line as in solo play.
        blue.command("scale webb 2")
        try eventually("blue's error line") { blue.screen.contains("unknown service 'webb'") }

        // The clock is the facilitator's: a team cannot pause, speed up or inject.
        red.send(.escape)
        red.send(.char(" "))
        try eventually("the refusal") { red.screen.contains("the facilitator runs the clock in this game") }
        red.command("inject kill web")
        try eventually("no inject from a team") { red.screen.contains("only the facilitator injects faults in this game") }
    }

    @Test func aTargetedInjectReachesOneTeamABroadcastEveryTeamAndPauseShows() throws {
        let host = try TestHost()
        let (red, blue) = try host.twoTeamsWithAnOutageForRed()
        defer { red.close(); blue.close() }
        try eventually("the facilitator's log") { host.facilitatorScreen.contains("broadcast: mind the payment provider") }
        try host.advance(300)
        try eventually("the broadcast on both consoles") {
            red.screen.contains("mind the payment provider") && blue.screen.contains("mind the payment provider")
        }
        try eventually("red's payment provider is down") { red.screen.split(separator: "\n").contains { $0.contains("payment-provider") && $0.contains("DOWN") } }
        #expect(!blue.screen.split(separator: "\n").contains { $0.contains("payment-provider") && $0.contains("DOWN") }, "blue never got it")
        #expect(!blue.screen.contains("outage"), "nor a word of it")

        // Leaderboard: red, with its provider down, is behind blue; the facilitator sees both.
        let board = try host.room { $0.game.leaderboard.map(\.name) }
        #expect(board == ["blue", "red"])
        try eventually("the facilitator's leaderboard") { host.facilitatorScreen.contains("blue") && host.facilitatorScreen.contains("red") }

        try host.facilitator(" ")
        try eventually("PAUSED on every console") { red.screen.contains("PAUSED") && blue.screen.contains("PAUSED") }
    }

    @Test func aWrongTokenGetsOneErrorAndTheConnectionCloses() throws {
        let host = try TestHost()
        #expect(throws: ClientError.self) { try host.client("red", token: "not-the-token") }
        do {
            _ = try host.client("red", token: "guess-number-two")
        } catch {
            #expect((error as? ClientError)?.description == "wrong token: ask the facilitator for the session token")
        }
        #expect(try host.room { $0.game.peopleTeams.isEmpty }, "nobody joined")
        let raw = try RawClient(port: host.port)
        try raw.send(.hello(ClientMessage.Hello(token: "x", team: "red", width: 80, height: 24)))
        try eventually("closed") { raw.isClosed }
        #expect(raw.errors == ["wrong token: ask the facilitator for the session token"])
    }

    @Test func aClientThatReconnectsLosesNoCommand() throws {
        let host = try TestHost()
        let red = try host.client("red")
        defer { red.close() }
        red.send(.enter)
        try eventually("panes") { red.screen.contains("TASKS") }
        red.send(.char(":"))
        red.type("scale web")
        try eventually("typed") { red.screen.contains(":scale web") }
        red.dropLink()
        // The client comes back within half a second: the host's log keeps the drop, a poll of who is on might miss it.
        try eventually("the host notices") {
            (try? host.room { $0.game.log.contains { if case .disconnected = $0.kind { true } else { false } } }) == true
        }
        red.type(" 9")
        red.send(.enter)
        try eventually("back, and the command went") { red.take().isConnected && red.screen.contains("scale web 9 at") }
        try host.advance(1)
        #expect(try host.room { $0.game.match.teams[0].session.commandLog.map(\.command.text) } == ["scale web 9"], "once, not lost, not twice")
        #expect(try host.room { $0.game.presence[0].people } == 1)
    }

    /// A link that died without the host noticing (no FIN: a Wi-Fi drop): the client
    /// comes back saying so and takes its console over, keys and all; the dead link is
    /// closed and the person counted once. The same `resume` without it is another
    /// terminal (SSH sessions of a team share one): a console of its own.
    @Test func aClientWhoseLinkDiedUnnoticedTakesItsConsoleBack() throws {
        let host = try TestHost()
        func welcome(_ client: RawClient) throws -> (resume: String, lastSeq: Int) {
            var found: (String, Int)?
            try eventually("welcome") {
                found = client.messages.lazy.compactMap { if case let .welcome(_, resume, lastSeq, _) = $0 { (resume, lastSeq) } else { nil } }.first
                return found != nil
            }
            return try #require(found)
        }
        let dead = try RawClient(port: host.port)
        try dead.send(.hello(ClientMessage.Hello(token: TestHost.token, team: "red", width: 120, height: 40)))
        let (resume, _) = try welcome(dead)
        for (n, key) in [Key.enter, .char(":"), .char("s")].enumerated() { try dead.send(.key(seq: n + 1, key: key)) }
        try eventually("three keys taken") { dead.messages.contains { if case let .frame(_, _, _, ack, _) = $0 { ack == 3 } else { false } } }

        let back = try RawClient(port: host.port)
        try back.send(.hello(ClientMessage.Hello(token: TestHost.token, team: "red", width: 120, height: 40, resume: resume, reconnecting: true)))
        let again = try welcome(back)
        #expect(again.resume == resume && again.lastSeq == 3, "the same console, its keys counted")
        try eventually("the dead link is closed") { dead.isClosed }
        #expect(try host.room { $0.game.presence[0].people } == 1)

        let other = try RawClient(port: host.port)
        try other.send(.hello(ClientMessage.Hello(token: TestHost.token, team: "red", width: 120, height: 40, resume: resume)))
        let third = try welcome(other)
        #expect(third.resume != resume && third.lastSeq == 0, "a second terminal gets its own console")
        #expect(!back.isClosed)
        #expect(try host.room { $0.game.presence[0].people } == 2)
    }

    @Test func badBytesGetAnErrorAndOtherTeamsPlayOn() throws {
        let host = try TestHost()
        let blue = try host.client("blue")
        defer { blue.close() }
        blue.send(.enter)

        let joined = try RawClient(port: host.port)
        try joined.send(.hello(ClientMessage.Hello(token: TestHost.token, team: "red", width: 80, height: 24)))
        try eventually("welcome") { joined.messages.contains { if case .welcome = $0 { true } else { false } } }
        try joined.send(json: Data("{not json".utf8))
        try joined.send(json: Data("{\"type\":\"dance\"}".utf8))
        try joined.send(json: Data("{\"type\":\"key\",\"seq\":1,\"key\":\"no-such-key\"}".utf8))
        try joined.send(json: Data("{\"type\":\"resize\",\"width\":5000,\"height\":3}".utf8))
        try eventually("four errors") { joined.errors.count == 4 }
        #expect(joined.errors == ["malformed message (not a JSON object)", "unknown message type 'dance'", "unknown key 'no-such-key'",
                                  "a console must be 20…400 wide and 10…200 high"])
        #expect(!joined.isClosed, "a bad message costs an error, not the connection")
        try joined.send(bytes: [0x7F, 0xFF, 0xFF, 0xFF, 1, 2, 3])
        try eventually("an oversized message closes") { joined.isClosed }
        #expect(joined.errors.last == "a message of 2147483647 bytes is over the limit of 16384: closing")

        let garbage = try RawClient(port: host.port)
        try garbage.send(bytes: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        try eventually("garbage closes") { garbage.isClosed }
        let early = try RawClient(port: host.port)
        try early.send(.key(seq: 1, key: .enter))
        try eventually("a key before hello closes") { early.isClosed }
        #expect(early.errors == ["the first message must be hello, with the session token"])

        blue.command("scale web 4")
        try eventually("blue plays on") { blue.screen.contains("scale web 4 at") }
    }

    @Test func aClientThatStopsReadingIsDroppedAndTheOthersPlayOn() throws {
        let host = try TestHost { $0.stalledAfter = .seconds(1); $0.backlogBytes = 8_192 }
        let blue = try host.client("blue")
        defer { blue.close() }
        blue.send(.enter)
        let stuck = try RawClient(port: host.port, reading: false)
        try stuck.send(.hello(ClientMessage.Hello(token: TestHost.token, team: "red", width: 400, height: 200)))
        try eventually("red joined") { (try? host.room { $0.game.presence.count }) == 1 + 1 && (try? host.room { $0.game.presence[1].people }) == 1 }
        // Full frames at two sizes, over and over, until nothing more fits.
        for n in 0..<200 {
            try stuck.send(.resize(width: n % 2 == 0 ? 400 : 399, height: 200))
            if n % 20 == 0 { try host.advance(1) }
        }
        try eventually("the stuck client is dropped") { (try? host.room { $0.game.presence[1].people }) == 0 }
        blue.command("scale web 5")
        try eventually("blue still gets frames") { blue.screen.contains("scale web 5 at") }
    }
}
