import ScreenKit

/// A five-minute change as every console shows it, and as the projector page does:
/// ▲ when it rose, ▼ when it fell, = when it rounds to no whole point.
enum ScoreChange {
    static func arrow(_ change: Double, glyphs: Glyphs) -> String {
        let points = change.rounded()
        return points > 0 ? glyphs.up : points < 0 ? glyphs.down : "="
    }

    static func role(_ change: Double) -> Role {
        let points = change.rounded()
        return points > 0 ? .scoreUp : points < 0 ? .scoreDown : .dim
    }
}
