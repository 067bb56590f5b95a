import Foundation
import Testing

/// The projector page in a real browser (headless Chromium) against a real
/// host: the leaderboard appears, a team's command moves its score without a
/// reload, a broadcast shows up, and a private hint never does. CI installs
/// the browser (.ci/run); without it locally the test says so and skips.
@Suite(.serialized) struct ProjectorBrowserTests {
    static let js = #"""
        const row = (team) => document.querySelector('tr[data-team="' + team + '"]');
        """#

    @Test(.enabled(if: WebDriver.isAvailable, "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)"))
    func theScoreboardUpdatesLiveInABrowser() throws {
        let port = try FacilitatedEndToEndTests.freePort(), web = try FacilitatedEndToEndTests.freePort()
        let token = "web-token-\(UInt32.random(in: 1000...9999))"
        let facilitator = try Tmux(command: "\(FacilitatedEndToEndTests.binary) facilitate --listen 127.0.0.1:\(port) --web 127.0.0.1:\(web) "
                                   + "--token \(token) --no-record --bots expert", width: 200, height: 50, environment: ConsoleEndToEndTests.utf8)
        #expect(try facilitator.wait(for: "projector http://127.0.0.1:\(web)") != nil, "the page's address in the header")
        let browser = try WebDriver()
        try browser.open("http://127.0.0.1:\(web)/")
        #expect(try browser.wait(for: "the page", "return document.getElementById('phase').textContent.includes('WAITING TO START')"))
        #expect(try browser.wait(for: "the bot on the board", Self.js + "return row('expert') !== null"))

        let red = try Tmux(command: "\(FacilitatedEndToEndTests.binary) join 127.0.0.1:\(port) --token \(token) --team red",
                           environment: ConsoleEndToEndTests.utf8)
        #expect(try red.wait(for: "Enter the console") != nil)
        try red.press("Enter")
        #expect(try browser.wait(for: "red on the board", Self.js + "return row('red') !== null"), "a team that joins appears")
        _ = try browser.run("window.sameDocument = 42; return true")
        let before = try browser.text(Self.js + "return row('red').querySelector('.score').textContent")

        // The game starts; red scales web well beyond need, which costs: its score moves, live.
        try facilitator.press("Space")
        try facilitator.press("+")
        try facilitator.press("+")
        try red.press(":")
        try red.type("scale web 20")
        try red.press("Enter")
        #expect(try red.wait(for: "scale web 20 at") != nil)
        #expect(try browser.wait(for: "the score moves", seconds: 30,
                                 Self.js + "return row('red').querySelector('.score').textContent !== '\(before)'"), "red's score moved")
        #expect(try browser.wait(for: "the clock runs", "return document.getElementById('phase').textContent.includes('LIVE')"))
        #expect(try browser.run("return window.sameDocument") as? Int == 42, "without a reload")

        // A broadcast shows up; a hint for red alone does not, nor any fault.
        try facilitator.press(":")
        try facilitator.type("hint red look at the payment provider")
        try facilitator.press("Enter")
        try facilitator.press(":")
        try facilitator.type("broadcast coffee is in the kitchen")
        try facilitator.press("Enter")
        #expect(try browser.wait(for: "the broadcast", "return document.getElementById('broadcasts').textContent.includes('coffee is in the kitchen')"))
        let page = try browser.text("return document.body.innerText")
        #expect(!page.contains("payment provider") && !page.contains("hint"), "no private hint: \(page)")
        try browser.screenshot(to: FileManager.default.temporaryDirectory.appendingPathComponent("gameday-projector.png").path)
        try facilitator.press("q")
        try facilitator.press("y")
        #expect(try facilitator.wait(for: "EXIT:0") != nil)
    }
}
