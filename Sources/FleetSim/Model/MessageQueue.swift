/// An SQS-like queue's live state. Messages are counted in batches by the
/// tick they were sent, oldest first, so the age of every order is known:
/// `enqueued == consumed + backlog` holds at every tick.
public struct MessageQueue: Sendable, Hashable {
    /// Messages sent in the same tick.
    public struct Batch: Sendable, Hashable {
        public var enqueuedAt: Int
        public var count: Int
    }

    /// Messages a consumer received and failed: invisible until `visibleAt` (the visibility timeout).
    public struct InvisibleBatch: Sendable, Hashable {
        public var visibleAt: Int
        public var batch: Batch
    }

    public internal(set) var spec: QueueSpec
    /// Messages the consumer can receive now, oldest first.
    public internal(set) var visible: [Batch] = []
    /// Messages in flight after a failed receive, in the order they reappear.
    public internal(set) var invisible: [InvisibleBatch] = []
    public internal(set) var enqueuedTotal: Int = 0
    public internal(set) var consumedTotal: Int = 0
    /// Messages consumed later than the order SLA.
    public internal(set) var consumedLate: Int = 0
    /// Messages sent in the last complete minute, and so far this minute (CloudWatch NumberOfMessagesSent).
    public internal(set) var sentLastMinute: Int = 0
    var sentThisMinute: Int = 0

    /// Messages visible to the consumer now.
    public var depth: Int { visible.reduce(0) { $0 + $1.count } }
    /// Every message not yet consumed, visible or not.
    public var backlog: Int { depth + invisible.reduce(0) { $0 + $1.batch.count } }

    /// Age of the oldest unconsumed message at `tick` (CloudWatch ApproximateAgeOfOldestMessage).
    public func oldestMessageAge(at tick: Int) -> Int {
        let oldest = min(visible.first?.enqueuedAt ?? tick, invisible.map(\.batch.enqueuedAt).min() ?? tick)
        return tick - oldest
    }

    /// Unconsumed messages sent before `tick` (older than an SLA when `tick` is now − SLA).
    public func messages(sentBefore tick: Int) -> Int {
        visible.reduce(0) { $0 + ($1.enqueuedAt < tick ? $1.count : 0) }
            + invisible.reduce(0) { $0 + ($1.batch.enqueuedAt < tick ? $1.batch.count : 0) }
    }

    mutating func send(_ count: Int, at tick: Int) {
        guard count > 0 else { return }
        enqueuedTotal += count
        sentThisMinute += count
        if visible.last?.enqueuedAt == tick { visible[visible.count - 1].count += count } else { visible.append(Batch(enqueuedAt: tick, count: count)) }
    }

    /// Closes a minute of the sent-messages metric.
    mutating func endMinute() {
        sentLastMinute = sentThisMinute
        sentThisMinute = 0
    }

    /// Takes up to `count` of the oldest visible messages.
    mutating func receive(_ count: Int) -> [Batch] {
        var left = count, taken: [Batch] = []
        while left > 0, !visible.isEmpty {
            let n = min(left, visible[0].count)
            taken.append(Batch(enqueuedAt: visible[0].enqueuedAt, count: n))
            visible[0].count -= n
            if visible[0].count == 0 { visible.removeFirst() }
            left -= n
        }
        return taken
    }

    /// Messages whose visibility timeout ran out come back, in age order.
    mutating func releaseInvisible(at tick: Int) {
        while let first = invisible.first, first.visibleAt <= tick {
            invisible.removeFirst()
            let index = visible.firstIndex { $0.enqueuedAt > first.batch.enqueuedAt } ?? visible.count
            if index > 0, visible[index - 1].enqueuedAt == first.batch.enqueuedAt {
                visible[index - 1].count += first.batch.count
            } else {
                visible.insert(first.batch, at: index)
            }
        }
    }
}

extension MessageQueue: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(spec.name); h.combine(enqueuedTotal); h.combine(consumedTotal); h.combine(consumedLate)
        h.combine(sentLastMinute); h.combine(sentThisMinute)
        h.combine(visible.count)
        for batch in visible { h.combine(batch.enqueuedAt); h.combine(batch.count) }
        h.combine(invisible.count)
        for late in invisible { h.combine(late.visibleAt); h.combine(late.batch.enqueuedAt); h.combine(late.batch.count) }
    }
}
