import Foundation
import Host
import NIOConcurrencyHelpers
import Session

/// The projector's board as JSON, handed from the host's loop to the web
/// server's streams: the host publishes, each stream waits for the next
/// version (a stream that falls behind skips to the newest, never queues).
/// Also bounds the streams: a browser that opens thousands gets 503s.
final class ProjectorFeed: Sendable {
    private struct State {
        var version = 0
        var json = "{}"
        var streams = 0
        var nextSubscriber = 0
        var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
    }

    private let state = NIOLockedValueBox(State())
    let maxStreams: Int

    init(maxStreams: Int) { self.maxStreams = maxStreams }

    /// A new board: streams wake only when it differs from the last.
    func publish(_ board: ProjectorBoard) {
        let json = JSONText.string(board)
        let waiting: [AsyncStream<Void>.Continuation] = state.withLockedValue { state in
            guard state.json != json else { return [] }
            state.json = json
            state.version += 1
            return Array(state.subscribers.values)
        }
        for continuation in waiting { continuation.yield() }
    }

    /// Wakes every stream (a heartbeat keeps proxies and browsers from giving up on a quiet stream).
    func nudge() {
        for continuation in state.withLockedValue({ Array($0.subscribers.values) }) { continuation.yield() }
    }

    var current: (version: Int, json: String) { state.withLockedValue { ($0.version, $0.json) } }
    var openStreams: Int { state.withLockedValue { $0.streams } }

    /// A place for one more stream, or false when all are taken.
    func claimStream() -> Bool {
        state.withLockedValue { state in
            guard state.streams < maxStreams else { return false }
            state.streams += 1
            return true
        }
    }

    /// Wake-ups for one stream, and its id to unsubscribe with.
    func subscribe() -> (AsyncStream<Void>, Int) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLockedValue { state in
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        return (stream, id)
    }

    /// The stream ended: its place is free again.
    func release(_ id: Int) {
        let continuation = state.withLockedValue { state in
            state.streams -= 1
            return state.subscribers.removeValue(forKey: id)
        }
        continuation?.finish()
    }

    /// Ends every stream (the host stops).
    func finishAll() {
        for continuation in state.withLockedValue({ Array($0.subscribers.values) }) { continuation.finish() }
    }
}
