/// The scalars after the first one of a grapheme cluster (combining marks,
/// a variation selector, a skin tone, the rest of a flag or of a joined
/// emoji), kept inline as up to 15 bytes of UTF-8 so a cell stays a plain
/// value that copies without reference counting.
///
/// A longer tail (a family of four, a subdivision flag) is cut before its
/// first zero-width joiner, or else after the last whole scalar that fits:
/// what remains is the base emoji, which takes the same two columns.
struct ClusterTail: Hashable, Sendable {
    /// UTF-8 bytes 0–7 and 8–14; the top byte of `high` is the byte count.
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    static let capacity = 15
    static let empty = ClusterTail()

    var isEmpty: Bool { high >> 56 == 0 }
    var count: Int { Int(high >> 56) }

    /// The tail of `scalars` after the first.
    init<S: Sequence<Unicode.Scalar>>(after scalars: S) {
        var bytes: [UInt8] = []
        var cutAtJoiner: Int? = nil
        for scalar in scalars.dropFirst() {
            if scalar.value == 0x200D && cutAtJoiner == nil { cutAtJoiner = bytes.count }
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        if bytes.count > Self.capacity {
            bytes.removeSubrange((cutAtJoiner ?? bytes.count)...)
            while bytes.count > Self.capacity {
                // Drop the last scalar: continuation bytes, then its lead byte.
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
            }
        }
        for (i, byte) in bytes.enumerated() {
            if i < 8 { low |= UInt64(byte) << (8 * i) } else { high |= UInt64(byte) << (8 * (i - 8)) }
        }
        high |= UInt64(bytes.count) << 56
    }

    private init() {}

    /// Appends the tail's UTF-8 to `text`.
    func append(to text: inout String) {
        guard !isEmpty else { return }
        withUnsafeBytes(of: (low, high)) { raw in
            text += String(decoding: raw.prefix(count), as: UTF8.self)
        }
    }
}
