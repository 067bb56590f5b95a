import Foundation

/// The session token: made up when the facilitator gives none, compared in
/// constant time, with failed attempts from one address slowed down.
public enum SessionToken {
    /// Letters and digits people can read aloud (no 0/o, 1/l), in groups: `k3mf-q9tz-x7hp`.
    public static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<3).map { _ in String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }) }
        return groups.joined(separator: "-")
    }

    /// Why a token the facilitator chose cannot be used, or nil.
    public static func problem(_ token: String) -> String? {
        guard (8...128).contains(token.count) else { return "--token must be 8 to 128 characters, got \(token.count)" }
        guard token.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) else {
            return "--token must be printable ASCII without spaces"
        }
        return nil
    }

    /// Whether `given` equals `expected`, taking the same time whatever they share.
    public static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0 && a.count == b.count
    }
}

/// Slows down guessing: after a wrong token from an address, the next
/// answers to that address wait longer and longer (1 s, 2 s, 4 s … 30 s),
/// and the count is forgotten after ten quiet minutes. Pure: time is passed in.
public struct AuthThrottle: Sendable {
    private var failures: [String: (count: Int, last: UInt64)] = [:]
    public static let forgetMilliseconds: UInt64 = 10 * 60 * 1_000
    public static let maxDelayMilliseconds: UInt64 = 30_000

    public init() {}

    /// How long to wait before answering a wrong token from `address`.
    public func delay(for address: String, now: UInt64) -> UInt64 {
        guard let record = failures[address], now - record.last < Self.forgetMilliseconds, record.count > 0 else { return 0 }
        return min(Self.maxDelayMilliseconds, 1_000 << UInt64(min(record.count - 1, 15)))
    }

    public mutating func failed(_ address: String, now: UInt64) {
        let previous = failures[address].flatMap { now - $0.last < Self.forgetMilliseconds ? $0.count : nil } ?? 0
        failures[address] = (previous + 1, now)
        if failures.count > 10_000 { failures = failures.filter { now - $0.value.last < Self.forgetMilliseconds } }
    }

    public mutating func succeeded(_ address: String) { failures[address] = nil }
}
