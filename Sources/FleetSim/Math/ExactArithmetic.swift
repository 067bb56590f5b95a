/// Error-free transformations: a sum or product of two doubles written exactly
/// as the rounded result plus its rounding error. DeterministicMath uses them
/// to carry intermediate results in two parts. No fused multiply-add is needed.
extension DeterministicMath {
    /// (s, e) with s = a + b rounded and a + b = s + e exactly (Knuth), for any a, b.
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let sum = a + b
        let bPart = sum - a
        return (sum, (a - (sum - bPart)) + (b - bPart))
    }

    /// twoSum in three operations instead of six, provided |a| ≥ |b| or a = 0 (Dekker).
    static func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let sum = a + b
        return (sum, b - (sum - a))
    }

    /// (p, e) with p = a·b rounded and a·b = p + e exactly (Dekker), for |a|, |b| < 2⁹⁹⁵.
    static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let product = a * b
        let (aHi, aLo) = split(a), (bHi, bLo) = split(b)
        return (product, ((aHi * bHi - product) + aHi * bLo + aLo * bHi) + aLo * bLo)
    }

    /// a = hi + lo with each part at most 26 significant bits (Veltkamp).
    private static func split(_ a: Double) -> (hi: Double, lo: Double) {
        let c = 0x1.0000002p27 * a  // 2²⁷ + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }
}
