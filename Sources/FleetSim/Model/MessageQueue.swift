/// An SQS-like queue's live state. Messages are counted, not stored:
/// `enqueued == consumed + depth` holds at every tick.
public struct MessageQueue: Sendable, Hashable {
    public internal(set) var spec: QueueSpec
    /// Messages visible to the consumer now.
    public internal(set) var depth: Int = 0
    /// Messages a consumer failed; they become visible again after the visibility timeout.
    /// Indexed by the tick they reappear, oldest first.
    public internal(set) var invisible: [InvisibleBatch] = []
    public internal(set) var enqueuedTotal: Int = 0
    public internal(set) var consumedTotal: Int = 0
    /// Age of the oldest message, approximated from depth and consumption.
    public internal(set) var oldestMessageAgeSeconds: Int = 0

    public struct InvisibleBatch: Sendable, Hashable {
        public var visibleAt: Int
        public var count: Int
    }

    /// Every message not yet consumed, visible or not.
    public var backlog: Int { depth + invisible.reduce(0) { $0 + $1.count } }
}

extension MessageQueue: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(spec.name); h.combine(depth); h.combine(enqueuedTotal); h.combine(consumedTotal)
        h.combine(oldestMessageAgeSeconds); h.combine(invisible.count)
        for batch in invisible { h.combine(batch.visibleAt); h.combine(batch.count) }
    }
}
