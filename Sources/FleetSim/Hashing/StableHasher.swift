/// FNV-1a over a canonical byte encoding: a 64-bit hash that is the same on
/// every run, unlike `Hasher`, which Swift seeds per process.
///
/// Integers are fed as 8 little-endian bytes, doubles by bit pattern, strings
/// as their UTF-8 length then bytes, so adjacent fields cannot run together.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() {}

    /// A hash as people see it and recordings store it: 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String { HexText.padded(value, digits: 16) }

    public mutating func combine(_ word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value ^= w & 0xFF
            value &*= Self.prime
            w >>= 8
        }
    }

    public mutating func combine(_ int: Int) { combine(UInt64(bitPattern: Int64(int))) }
    public mutating func combine(_ flag: Bool) { combine(flag ? 1 as UInt64 : 0) }
    public mutating func combine(_ double: Double) { combine(double.bitPattern) }

    public mutating func combine(_ int: Int?) {
        if let int { combine(true); combine(int) } else { combine(false) }
    }

    public mutating func combine(_ string: String) {
        combine(string.utf8.count)
        for byte in string.utf8 {
            value ^= UInt64(byte)
            value &*= Self.prime
        }
    }
}

/// Hexadecimal with leading zeros, for hashes and task ids.
public enum HexText {
    public static func padded(_ value: UInt64, digits: Int) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }
}

/// A type whose state feeds the world hash in a fixed, documented order.
public protocol StableHashable {
    func hash(into hasher: inout StableHasher)
}

extension StableHasher {
    public mutating func combine<T: StableHashable>(_ value: T) { value.hash(into: &self) }

    public mutating func combine<T: StableHashable>(_ values: [T]) {
        combine(values.count)
        for value in values { value.hash(into: &self) }
    }
}
