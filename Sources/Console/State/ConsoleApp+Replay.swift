import FleetSim
import Session

/// Replay controls: seek, step, jump to the next mark, and take over into live play.
extension ConsoleApp {
    /// Moves the replay to `target` (clamped to the recording), restoring the
    /// nearest earlier snapshot when going backwards.
    public mutating func seek(to target: Int, now: UInt64) {
        guard let replay = state.replay else { return }
        let tick = max(0, min(replay.endTick, target))
        let index = min(tick / ReplayState.snapshotSeconds, replay.snapshots.count - 1)
        let snapshot = replay.snapshots[index]
        if tick < world.tick || snapshot.teams[team].world.tick > world.tick { match = snapshot }
        let paused = state.clock.isPaused
        _ = advance(ticks: tick - world.tick, now: now)
        state.clock.setPaused(paused || tick >= replay.endTick)
        state.incidentsSeen = feed.incidentsOpened
        state.flashUntil = 0
    }

    mutating func jumpToNextMark(now: UInt64) {
        guard let next = state.replay?.nextMark(after: world.tick) else {
            fail("no incident or command after \(GameTime.format(world.tick))", now: now)
            return
        }
        seek(to: next, now: now)
    }

    /// From this tick on the player is in control; the host starts a branch recording.
    mutating func takeOver(now: UInt64) -> [ConsoleEffect] {
        let tick = world.tick
        match.takeOver()
        state.replay = nil
        say("you have the pager from \(GameTime.format(tick)): this is live play, recorded as a branch", now: now)
        return [.tookOver(tick: tick)]
    }
}
