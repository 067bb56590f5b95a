import FleetSim
import ScreenKit
import Session

/// The team score: total and its five-minute trend, the quests with what is
/// left of their time, the parts of the score, and the rank against the
/// rival bot teams playing the same scenario and seed. When the pane is
/// short, zero parts go first, then the rivals list shrinks to one line.
enum ScorePane {
    /// The parts that fit in `room` lines: all of them, or the ones that weigh most (in the
    /// usual order) and one line that sums the rest, so what is shown always adds up.
    static func parts(_ all: [ScoreParts], room: Int) -> [ScoreParts] {
        let nonZero = all.filter { abs($0.points) >= 0.05 }
        let candidates = all.count <= room ? all : nonZero
        guard candidates.count > room else { return candidates }
        guard room > 1 else { return [] }
        let kept = Set(candidates.indices.sorted { abs(candidates[$0].points) > abs(candidates[$1].points) }.prefix(room - 1))
        let rest = candidates.indices.filter { !kept.contains($0) }
        let others = ScoreParts(label: "\(rest.count) more", points: rest.reduce(0) { $0 + candidates[$1].points },
                                note: rest.map { candidates[$0].label }.joined(separator: ", "))
        return candidates.indices.filter(kept.contains).map { candidates[$0] } + [others]
    }

    /// A quest's line: its mark, and what is left of its time, its bonus, or that it was missed.
    static func questStatus(_ progress: QuestProgress, now tick: Int, glyphs: Glyphs) -> (mark: String, status: String, role: Role) {
        switch progress.status {
        case .met: return (glyphs.ok, "+\(Format.fixed(progress.quest.bonus, 0))", .ok)
        case .failed: return (glyphs.critical, "missed", .dim)
        case .notDue: return (glyphs.idle, "never came up", .dim)
        case .pending:
            guard let deadline = progress.deadline else { return (glyphs.idle, "waiting", .text) }
            return (glyphs.idle, "\(Format.duration(deadline - tick)) left", deadline - tick < 120 ? .warning : .text)
        }
    }

    static func draw(into buffer: inout CellBuffer, rect: Rect, context: RenderContext) {
        buffer.box(rect, title: "Team score", glyphs: context.glyphs, focused: context.isFocused(.score))
        let inner = rect.inner
        let world = context.world
        let s = world.score
        var y = inner.y
        let left = inner.x + 1, width = inner.width - 2
        func line(_ label: String, _ value: String, _ role: Role = .text, note: String = "") {
            guard y < inner.maxY else { return }
            buffer.put(Format.fit(label, 11), x: left, y: y, role: .dim)
            buffer.put(Format.fit(value, 9, alignRight: true), x: left + 11, y: y, role: role, attributes: [.bold])
            if !note.isEmpty { buffer.put(note, x: left + 21, y: y, role: .dim, limit: width - 21) }
            y += 1
        }
        let change = world.score.fiveMinuteChange
        // Whole points, as the header, the leaderboard and the projector show it.
        line("Score", Format.fixed(s.total, 0), s.total >= 0 ? .scoreUp : .scoreDown)
        if y < inner.maxY {
            let arrow = ScoreChange.arrow(change, glyphs: context.glyphs)
            buffer.put("5 min \(arrow) \(change.rounded() == 0 ? "0" : Format.signed(change, 0))", x: left, y: y, role: ScoreChange.role(change))
            let trend = Array(s.history.suffix(30)) + [s.total]
            if width - 15 > 3 {
                let low = trend.min() ?? 0
                Sparkline.draw(trend.map { $0 - low }, into: &buffer, x: left + 15, y: y, width: width - 15, glyphs: context.glyphs)
            }
            y += 1
        }
        // The quests: the goal, then its time left, bonus, or "missed"; a goal too long for
        // its line continues on the next when the pane is tall enough. A short pane gives
        // them one line (their marks and the nearest deadline) to leave room for the parts.
        let roomy = inner.height >= 14
        if inner.height < 10 && world.quests.count > 1 && y < inner.maxY {
            let marks = world.quests.map { questStatus($0, now: world.tick, glyphs: context.glyphs).mark }.joined(separator: " ")
            let next = world.quests.filter { $0.status == .pending }.compactMap(\.deadline).min()
            let tail = next.map { " · next \(Format.duration($0 - world.tick)) left" } ?? ""
            buffer.put("Quests " + marks + tail, x: left, y: y, role: .text, limit: width)
            y += 1
        } else {
            for progress in world.quests where y < inner.maxY {
                let (mark, status, role) = questStatus(progress, now: world.tick, glyphs: context.glyphs)
                let room = max(0, width - DisplayWidth.of(status) - 1)
                let titleRole: Role = progress.status == .pending ? .text : role
                var parts = Format.wrap(mark + " " + progress.quest.title, width: max(1, room - 2))
                if parts.count > 2 || !roomy { parts = [mark + " " + progress.quest.title] }
                buffer.put(parts[0], x: left, y: y, role: titleRole, limit: room)
                buffer.putRight(status, endX: left + width, y: y, role: role, attributes: [.bold])
                y += 1
                if parts.count == 2, y < inner.maxY {
                    buffer.put(parts[1], x: left + 2, y: y, role: titleRole, limit: room - 2)
                    y += 1
                }
            }
        }
        // Every part when there is room; on a short pane, the ones that are not zero.
        let parts = ScoreParts.of(s, rules: world.fleet.scoring)
        let standings = context.standings
        let rivalsRows = inner.height >= 12 ? min(standings.count + 1, 6) : 1
        let room = inner.maxY - y - rivalsRows
        for part in Self.parts(parts, room: room) {
            line(part.label, Format.signed(part.points), part.points < 0 ? .scoreDown : part.points > 0 ? .ok : .text, note: part.note)
        }
        guard y < inner.maxY else { return }
        if inner.maxY - y >= standings.count + 1 {
            buffer.put(context.state.role == .solo ? "Rivals (same scenario and seed)" : "Teams (same scenario and seed)", x: left, y: y, role: .dim, limit: width)
            y += 1
            for team in standings where y < inner.maxY {
                let name = team.isPlayer ? "\(team.name) (your team)" : team.name
                let role: Role = team.isPlayer ? .accent : .text
                buffer.put("\(team.rank). " + Format.fit(name, 18), x: left, y: y, role: role, attributes: team.isPlayer ? [.bold] : [], limit: width - 10)
                buffer.putRight(Format.fixed(team.score, 0), endX: left + width, y: y, role: role)
                y += 1
            }
        } else {
            // The same order as the rivals list: ties go to this team.
            let leader = standings.first.map { $0.isPlayer ? "you" : $0.name }
            let text = "Rank \(context.rank)/\(context.match.teams.count)" + (leader.map { " · 1st: \($0)" } ?? "")
            buffer.put(text, x: left, y: y, role: .accent, limit: width)
        }
    }
}
