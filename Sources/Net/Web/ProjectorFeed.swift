import Foundation
import Host
import NIOConcurrencyHelpers
import Session

/// The projector's board as JSON, handed from the host's loop to the web
/// server's streams: the host publishes, each stream is woken and writes the
/// newest board (a stream that falls behind skips to the newest, never
/// queues). Also bounds the streams: a browser that opens thousands gets 503s.
final class ProjectorFeed: Sendable {
    private struct State {
        var version = 0
        var json = "{}"
        var streams = 0
        var nextSubscriber = 0
        /// Wake-ups in the order the streams began (a dictionary would wake them in no fixed order).
        var subscribers: [(id: Int, wake: @Sendable () -> Void)] = []
        var finished = false
    }

    private let state = NIOLockedValueBox(State())
    let maxStreams: Int

    init(maxStreams: Int) { self.maxStreams = maxStreams }

    /// A new board: streams wake only when it differs from the last.
    func publish(_ board: ProjectorBoard) {
        let json = JSONText.string(board)
        state.withLockedValue { state in
            guard state.json != json else { return }
            state.json = json
            state.version += 1
            // Woken under the lock, so that none is woken after `finishAll` returns
            // (a wake-up only hands a task to the stream's loop; it never waits).
            for subscriber in state.subscribers { subscriber.wake() }
        }
    }

    /// Wakes every stream (a heartbeat keeps proxies and browsers from giving up on a quiet stream).
    func nudge() {
        state.withLockedValue { state in for subscriber in state.subscribers { subscriber.wake() } }
    }

    var current: (version: Int, json: String) { state.withLockedValue { ($0.version, $0.json) } }
    var openStreams: Int { state.withLockedValue { $0.streams } }

    /// A place for one more stream, woken by `wake` with each new board; nil when all
    /// places are taken (or the server is stopping).
    func subscribe(_ wake: @escaping @Sendable () -> Void) -> Int? {
        state.withLockedValue { state in
            guard !state.finished, state.streams < maxStreams else { return nil }
            state.streams += 1
            state.nextSubscriber += 1
            state.subscribers.append((state.nextSubscriber, wake))
            return state.nextSubscriber
        }
    }

    /// The stream ended: its place is free again.
    func release(_ id: Int) {
        state.withLockedValue { state in
            guard let index = state.subscribers.firstIndex(where: { $0.id == id }) else { return }
            state.subscribers.remove(at: index)
            state.streams -= 1
        }
    }

    /// Wakes nothing from now on and takes no new stream (the server stops).
    func finishAll() {
        state.withLockedValue { state in
            state.finished = true
            state.subscribers.removeAll()
            state.streams = 0
        }
    }
}
