import Testing
@testable import Console
@testable import ScreenKit

/// Frames rendered as text for fixed seeds and ticks, compared with stored
/// snapshots at 80×24 and 160×48: a change to any pane shows up here.
@Suite struct FrameSnapshotTests {
    @Test func briefing80x24() {
        Snapshot.assert(ConsoleFixture.frame(ConsoleFixture.app(playing: false)), named: "briefing-80x24")
    }

    @Test func spikeAt80x24() {
        Snapshot.assert(ConsoleFixture.frame(ConsoleFixture.app(ticks: 15 * 60)), named: "spike-80x24")
    }

    @Test func spikeAt160x48() {
        Snapshot.assert(ConsoleFixture.frame(ConsoleFixture.app(width: 160, height: 48, ticks: 15 * 60)), named: "spike-160x48")
    }

    @Test func helpOverlay160x48() {
        var app = ConsoleFixture.app(width: 160, height: 48, ticks: 60)
        _ = app.handle(.char("?"), now: 0)
        Snapshot.assert(ConsoleFixture.frame(app), named: "help-160x48")
    }

    @Test func serviceDetail80x24() {
        var app = ConsoleFixture.app(ticks: 15 * 60)
        _ = app.handle(.char("j"), now: 0)
        _ = app.handle(.enter, now: 0)
        Snapshot.assert(ConsoleFixture.frame(app), named: "detail-web-80x24")
    }

    @Test func compactScalingTab80x24() {
        var app = ConsoleFixture.app(ticks: 15 * 60)
        _ = app.handle(.char(":"), now: 0)
        for ch in "autoscale web on target 50" { _ = app.handle(.char(ch), now: 0) }
        _ = app.handle(.enter, now: 0)
        _ = app.advance(ticks: 240, now: 0)
        _ = app.handle(.char("3"), now: 0)
        Snapshot.assert(ConsoleFixture.frame(app), named: "scaling-tab-80x24")
    }

    @Test func asciiGlyphs80x24() {
        Snapshot.assert(ConsoleFixture.frame(ConsoleFixture.app(ticks: 15 * 60), glyphs: .ascii), named: "ascii-80x24")
    }

    @Test func endScreen120x40() {
        var app = ConsoleFixture.app(width: 120, height: 40)
        _ = app.advance(ticks: app.match.player.durationSeconds, now: 0)
        #expect(app.state.screen == .ended)
        Snapshot.assert(ConsoleFixture.frame(app), named: "end-120x40")
    }

    @Test func asciiFrameHasNoNonASCII() {
        let frame = ConsoleFixture.frame(ConsoleFixture.app(ticks: 600), glyphs: .ascii)
        let offenders = frame.unicodeScalars.filter { !$0.isASCII }
        #expect(offenders.isEmpty, "non-ASCII in ASCII mode: \(Set(offenders.map { String($0) }))")
    }
}
