import FleetSim
import ScreenKit

/// The replay timeline: the recording from start to end, with commands (`c`)
/// and incidents (`!`) marked, the played part filled, and where we are.
enum TimelineBar {
    static func draw(into buffer: inout CellBuffer, y: Int, width: Int, context: RenderContext) {
        guard let replay = context.state.replay else { return }
        let tick = context.world.tick
        let label = " REPLAY \(GameTime.format(tick)) / \(GameTime.format(replay.endTick)) "
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1))
        var x = buffer.put(label, x: 0, y: y, role: .accent, attributes: [.bold, .reverse])
        if let divergence = context.match.script?.divergence {
            x += buffer.put(" \(context.glyphs.critical) diverged at \(GameTime.format(divergence.tick)) ", x: x, y: y, role: .critical, attributes: [.bold, .reverse])
        }
        let hint = " " + ConsoleKeys.hints(for: [.replay]).joined(separator: " · ") + " · :goto "
        let barStart = x + 1
        let barWidth = width - barStart - DisplayWidth.of(hint) - 1
        guard barWidth >= 10 else { return }
        func column(_ t: Int) -> Int { barStart + min(barWidth - 1, t * barWidth / max(1, replay.endTick)) }
        for c in barStart..<(barStart + barWidth) {
            buffer[c, y] = Cell(context.glyphs.border.horizontal, role: c <= column(tick) ? .info : .dim)
        }
        for t in replay.commandTicks { buffer[column(t), y] = Cell("c", role: .accent, attributes: [.bold]) }
        for t in replay.incidentTicks { buffer[column(t), y] = Cell("!", role: .critical, attributes: [.bold]) }
        buffer[column(tick), y] = Cell(context.glyphs.ok.unicodeScalars.first!, role: .title, attributes: [.bold])
        buffer.put(hint, x: barStart + barWidth + 1, y: y, role: .dim)
    }
}
