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
        // (The second is held until the third is answered: a closed stream frees its place.)
        let second = try Self.get("/events", port: port)
        try eventually("the second stream") { second.receivedText.contains("data: {") }
        let third = try Self.get("/events", port: port)
        try eventually("503 for the third stream") { third.receivedText.hasPrefix("HTTP/1.1 503") }
        #expect(third.receivedText.contains("too many live views"))
        #expect(!second.isClosed, "the second stream is still open")
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

/// The projector's HTTP: what a browser, curl or a confused client gets.
@Suite struct ProjectorHTTPTests {
    static func web(_ configure: (inout ProjectorConfiguration) -> Void = { _ in }) throws -> (TestHost, Int) {
        let host = try TestHost()
        var configuration = ProjectorConfiguration(listen: ListenAddress(host: "127.0.0.1", port: 0))
        configure(&configuration)
        return (host, try host.server.startWeb(configuration).port ?? 0)
    }

    static func request(_ text: String, port: Int) throws -> RawClient {
        let client = try RawClient(port: port)
        try client.send(bytes: Array(text.utf8))
        return client
    }

    @Test func unknownPathsWrongMethodsAndGarbageGetAnAnswerNotACrash() throws {
        let (host, port) = try Self.web()
        let missing = try Self.request("GET /admin HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
        try eventually("404") { missing.receivedText.hasPrefix("HTTP/1.1 404") }
        let post = try Self.request("POST /board.json HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", port: port)
        try eventually("405") { post.receivedText.hasPrefix("HTTP/1.1 405") }
        #expect(post.receivedText.contains("Allow: GET, HEAD"))
        let garbage = try Self.request("\u{1}\u{2}NOT HTTP AT ALL\r\n\r\n", port: port)
        try eventually("400 and closed") { garbage.receivedText.hasPrefix("HTTP/1.1 400") && garbage.isClosed }
        let head = try Self.request("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
        try eventually("HEAD: the headers only") { head.receivedText.contains("\r\n\r\n") }
        #expect(head.receivedText.contains("Content-Length: \(ProjectorPage.html.utf8.count)"))
        #expect(!head.receivedText.contains("<html"))
        let board = try Self.request("GET /board.json?t=1 HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
        try eventually("still serving") { board.receivedText.contains("\"phase\"") }
        _ = host
    }

    @Test func oneConnectionServesRequestAfterRequestAndHTTP10Closes() throws {
        let (host, port) = try Self.web()
        let client = try Self.request("GET /board.json HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
        try eventually("both answers, in order") { client.receivedText.contains("</html>") }
        let text = client.receivedText
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        #expect(text.range(of: "\"phase\"")!.lowerBound < text.range(of: "<html")!.lowerBound)
        #expect(!client.isClosed, "keep-alive")
        let old = try Self.request("GET /board.json HTTP/1.0\r\n\r\n", port: port)
        try eventually("HTTP/1.0: answered, then closed") { old.receivedText.contains("\"phase\"") && old.isClosed }
        _ = host
    }

    @Test func anIdleConnectionIsClosedButALiveStreamIsNot() throws {
        let (host, port) = try Self.web {
            $0.idleTimeout = .milliseconds(300)
            $0.heartbeat = .milliseconds(200)
        }
        let idle = try RawClient(port: port)
        let stream = try Self.request("GET /events HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
        try eventually("the idle connection closed") { idle.isClosed }
        try eventually("heartbeats on the stream") { stream.receivedText.components(separatedBy: ": still here").count > 3 }
        #expect(!stream.isClosed)
        _ = host
    }

    /// Browsers connecting, and leaving at once, while the game day ends: the
    /// host stops cleanly every time (NIO's async server API trapped on a
    /// connection accepted as the server stopped).
    @Test func browsersConnectingAsTheHostStopsNeverCrashIt() throws {
        for round in 0..<15 {
            let (host, port) = try Self.web()
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let bootstrap = ClientBootstrap(group: group).connectTimeout(.seconds(2))
            let storm = (0..<200).map { n in
                bootstrap.connect(host: "127.0.0.1", port: port).map { channel in
                    if n % 2 == 0 { channel.close(promise: nil) }  // gone at once
                    return channel
                }
            }
            if round % 3 == 0 { Thread.sleep(forTimeInterval: 0.002 * Double(round)) }
            host.server.stop()
            for connection in storm { (try? connection.wait())?.close(promise: nil) }
            try group.syncShutdownGracefully()
        }
    }
}
