import Foundation
import Host
import NIOCore
import NIOPosix
import Testing
@testable import Net

/// The projector page's server: what the board holds (never the hidden
/// truth), its live stream, and browsers that open too many connections.
/// (The page in a real browser: GamedayCLITests.ProjectorBrowserTests.)
@Suite struct ProjectorTests {
    static func get(_ path: String, port: Int) throws -> RawClient {
        let client = try RawClient(port: port)
        try client.send(bytes: Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        return client
    }

    @Test func theBoardShowsScoresClockAndBroadcastsButNeverTheHiddenTruth() throws {
        let host = try TestHost()
        let (red, blue) = try host.twoTeamsWithAnOutageForRed()
        defer { red.close(); blue.close() }
        try host.facilitator(":hint red look at the payment provider's errors\r")
        try host.advance(300)
        let board = try host.room { $0.game.projectorBoard }
        #expect(board.teams.map(\.name) == ["blue", "red"])
        #expect(board.phase == .running && board.phaseText == "LIVE" && board.clock == "00:05:00")
        #expect(board.broadcasts.map(\.text) == ["mind the payment provider"])
        #expect(board.teams.allSatisfy { $0.trend.count >= 2 })
        let json = String(decoding: try JSONEncoder().encode(board), as: UTF8.self)
        for secret in ["outage", "inject", "errors", "hint", "web", "rentals", "seed"] {
            #expect(!json.contains(secret), "the board says '\(secret)': \(json)")
        }
    }

    @Test func thePageTheBoardAndALiveStreamAreServed() throws {
        let host = try TestHost()
        var configuration = ProjectorConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0))
        configuration.maxStreams = 2
        let port = try host.server.startWeb(configuration).port ?? 0
        let page = try Self.get("/", port: port)
        try eventually("the page") { page.receivedText.contains("</html>") }
        #expect(page.receivedText.hasPrefix("HTTP/1.1 200") && page.receivedText.contains("text/html"))
        for outside in ["src=\"http", "href=\"http", "<link", "@import", "url(http"] {
            #expect(!page.receivedText.contains(outside), "nothing fetched from elsewhere: \(outside)")
        }
        let stream = try Self.get("/events", port: port)
        try eventually("the board now, on the stream") { stream.receivedText.contains("data: {") && stream.receivedText.contains("WAITING TO START") }
        let red = try host.client("red")
        defer { red.close() }
        try eventually("a team joining, live") { stream.receivedText.contains("\"name\":\"red\"") }
        try host.facilitator(" ")
        try host.facilitator(":broadcast ten minutes to the promotion\r")
        try eventually("a broadcast, live") { stream.receivedText.contains("ten minutes to the promotion") }
        let json = try Self.get("/board.json", port: port)
        try eventually("the board as JSON") { json.receivedText.contains("\"phase\":\"running\"") }
        // Two streams at most here: the third is told to come back later.
        _ = try Self.get("/events", port: port)
        let third = try Self.get("/events", port: port)
        try eventually("503 for the third stream") { third.receivedText.hasPrefix("HTTP/1.1 503") }
        #expect(third.receivedText.contains("too many live views"))
    }

    /// A browser (or anything) holding a thousand connections costs the game
    /// nothing: it runs on its own loop; idle connections are closed.
    @Test func aThousandHeldConnectionsDoNotStallTheHost() throws {
        let host = try TestHost()
        var configuration = ProjectorConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0))
        configuration.maxConnections = 200
        configuration.idleTimeout = .milliseconds(500)
        let port = try host.server.startWeb(configuration).port ?? 0
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let bootstrap = ClientBootstrap(group: group).connectTimeout(.seconds(2))
        let held = (0..<1_000).map { _ in bootstrap.connect(host: "127.0.0.1", port: port) }
        let red = try host.client("red")
        defer { red.close() }
        try eventually("a team plays meanwhile") { red.screen.contains("Enter the console") }
        red.send(.enter)
        try host.advance(5)
        try eventually("its frames keep coming") { red.screen.contains("TASKS") }
        let board = try Self.get("/board.json", port: port)
        try eventually("the board answers once idle connections are closed") { board.receivedText.contains("\"name\":\"red\"") }
        for connection in held { (try? connection.wait())?.close(promise: nil) }
    }
}
