import FleetSim
import Scenarios
import ScreenKit
import Session

/// Replay controls: seek ±1 minute, go to a time, step one tick, jump to the
/// next incident or command, and take over into live play.
extension ConsoleApp {
    /// Handles a replay key; nil lets the ordinary keys (navigation, help, pause, speed, quit) through.
    mutating func handleReplay(_ key: Key, now: UInt64) -> [ConsoleEffect]? {
        switch key {
        case .char("["): seek(to: match.world.tick - 60, now: now)
        case .char("]"): seek(to: match.world.tick + 60, now: now)
        case .char("."):
            state.clock.setPaused(true)
            seek(to: match.world.tick + 1, now: now)
        case .char("n"):
            guard let next = state.replay?.nextMark(after: match.world.tick) else {
                fail("no incident or command after \(Format.clock(match.world.tick))", now: now)
                return []
            }
            seek(to: next, now: now)
        case .char("T"):
            let tick = match.world.tick
            match.takeOver()
            state.replay = nil
            say("you have the pager from \(Format.clock(tick)): this is live play, recorded as a branch", now: now)
            return [.tookOver(tick: tick)]
        case .char("s"), .char("d"), .char("b"), .char("R"), .char("A"), .char("a"), .char("r"):
            fail("a replay is read-only: press T to take over from here", now: now)
        default: return nil
        }
        return []
    }

    /// Moves the replay to `target` (clamped to the recording), restoring the
    /// nearest earlier snapshot when going backwards.
    public mutating func seek(to target: Int, now: UInt64) {
        guard let replay = state.replay else { return }
        let tick = max(0, min(replay.endTick, target))
        let index = min(tick / ReplayState.snapshotSeconds, replay.snapshots.count - 1)
        let snapshot = replay.snapshots[index]
        if tick < match.world.tick || snapshot.world.tick > match.world.tick { match = snapshot }
        let paused = state.clock.isPaused
        _ = advance(ticks: tick - match.world.tick, now: now)
        state.clock.setPaused(paused || tick >= replay.endTick)
        state.incidentsSeen = match.feed.incidentsOpened
        state.flashUntil = 0
    }

    /// Replay words on the command line; nil when the text is not one.
    mutating func runReplayWord(_ words: [String], now: UInt64) -> Bool? {
        guard state.replay != nil else { return nil }
        switch words.first {
        case "goto", "seek":
            guard words.count == 2, let tick = GameClock.parse(words[1]) else {
                fail("goto needs a time such as 00:12:00 or 12m", now: now)
                return false
            }
            seek(to: tick, now: now)
            return true
        case "pause", "resume", "speed", "mute", "help", "quit", "q", "theme": return nil
        default:
            fail("a replay is read-only: press T to take over, or use goto TIME", now: now)
            return false
        }
    }
}
