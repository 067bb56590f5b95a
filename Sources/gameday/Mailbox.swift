import Foundation

/// Hands values from the network's thread to the terminal's: the newest wins
/// (frames are state), and the reader takes each one once.
final class Mailbox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func put(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func take() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        let taken = value
        value = nil
        return taken
    }
}

/// Values that must all arrive, in order (effects).
final class Queue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    func takeAll() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        let taken = values
        values.removeAll()
        return taken
    }
}
