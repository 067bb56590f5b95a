/// The elementary functions the simulation needs, computed the same way to the
/// last bit on every platform: the world hash must not depend on the platform's
/// C library, and `exp`, `log`, `pow` and `cos` from glibc and from Darwin's
/// libm disagree in the last bits.
///
/// Only operations IEEE 754 rounds exactly are used: + − × ÷, comparisons,
/// `rounded`, integer arithmetic and the bits of the `Double` representation.
/// Worst relative error against the C library over the sampled inputs of
/// `DeterministicMathTests` (one ulp is 1.1e-16 to 2.2e-16 relative): exp 2.2e-16,
/// log 2.2e-16, cos 2.2e-16, pow 3.7e-16.
public enum DeterministicMath {
    /// e^x, rounded once at the end. Underflows to 0 below about −745 and
    /// overflows to +∞ above about 709.78.
    public static func exp(_ x: Double) -> Double { exp(x, tail: 0) }

    /// e^(x + tail), where `tail` holds bits `x` could not (|tail| ≪ ulp of `x`).
    static func exp(_ x: Double, tail: Double) -> Double {
        if x.isNaN { return x }
        if x > 710 { return .infinity }
        if x < -746 { return 0 }
        // x = k·ln2 + r with |r| ≤ ln2/2. k·ln2Hi is exact, so is x − k·ln2Hi.
        let k = (x * invLn2).rounded(.toNearestOrEven)
        let a = x - k * ln2Hi
        let b = k * ln2Lo - tail
        let r = a - b
        let rTail = (a - r) - b
        // e^r = 1 + r + r²·q(r), q = 1/2! + r/3! + … + r¹¹/13! (Taylor; the
        // first term left out is below 0.05 ulp). 1 + r is carried exactly.
        var q = 0x1.6124613a86d09p-33
        q = q * r + 0x1.1eed8eff8d898p-29
        q = q * r + 0x1.ae64567f544e4p-26
        q = q * r + 0x1.27e4fb7789f5cp-22
        q = q * r + 0x1.71de3a556c734p-19
        q = q * r + 0x1.a01a01a01a01ap-16
        q = q * r + 0x1.a01a01a01a01ap-13
        q = q * r + 0x1.6c16c16c16c17p-10
        q = q * r + 0x1.1111111111111p-7
        q = q * r + 0x1.5555555555555p-5
        q = q * r + 0x1.5555555555555p-3
        q = q * r + 0.5
        let (one, oneTail) = fastTwoSum(1, r)
        return scale(one + (oneTail + (rTail + r * r * q)), byPowerOfTwo: Int(k))
    }

    /// Natural logarithm: −∞ at ±0, NaN below 0, +∞ at +∞.
    public static func log(_ x: Double) -> Double {
        let (hi, lo) = logParts(x)
        return hi + lo
    }

    /// x^y. For x > 0 it is e^(y·log x), with log x and the product carried in
    /// two parts, so that exponents up to the hundreds keep full precision.
    /// Special cases as in C (x^0 = 1^y = 1, NaN in → NaN out, a negative base
    /// needs a whole exponent), except that −0 is treated as +0.
    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if x.isNaN || y.isNaN { return .nan }
        if x < 0 {
            guard y.rounded(.towardZero) == y else { return .nan }
            let odd = y.magnitude < 0x1p53 && (y * 0.5).rounded(.towardZero) != y * 0.5
            return odd ? -pow(-x, y) : pow(-x, y)
        }
        if x == 0 { return y > 0 ? 0 : .infinity }
        let (hi, lo) = logParts(x)
        let t = y * hi
        if t > 710 { return .infinity }
        if !(t >= -746) { return 0 }
        let (p, e) = twoProduct(y, hi)
        return exp(p, tail: e + y * lo)
    }

    /// log x as an unevaluated sum hi + lo, good to about 2⁻⁶⁰ relative.
    static func logParts(_ x: Double) -> (hi: Double, lo: Double) {
        guard x > 0, x < .infinity else {
            return (x == 0 ? -.infinity : x == .infinity ? x : .nan, 0)
        }
        // x = 2^k · m with m in [√½, √2).
        var bits = x.bitPattern, k = -1023
        if bits >> 52 == 0 { bits = (x * 0x1p54).bitPattern; k -= 54 }  // subnormal
        k += Int(bits >> 52)
        var m = Double(bitPattern: bits & 0x000F_FFFF_FFFF_FFFF | 0x3FF0_0000_0000_0000)
        if m > 0x1.6a09e667f3bcdp0 { m *= 0.5; k += 1 }
        // log m = 2·atanh s = 2s + 2s³/3 + 2s⁵/5 + …, s = f/(2+f), f = m − 1 (exact),
        // |s| ≤ 0.172. The division's rounding is recovered as sTail = (f − 2s − s·f)/(2+f).
        let f = m - 1
        let s = f / (2 + f)
        let (sf, sfTail) = twoProduct(s, f)
        let sTail = (((f - 2 * s) - sf) - sfTail) / (2 + f)
        let z = s * s
        // series = 2z/3 + 2z²/5 + … + 2z¹¹/23; the first term left out is below 2⁻⁶⁵.
        var series = 0x1.642c8590b2164p-4
        series = series * z + 0x1.8618618618618p-4
        series = series * z + 0x1.af286bca1af28p-4
        series = series * z + 0x1.e1e1e1e1e1e1ep-4
        series = series * z + 0x1.1111111111111p-3
        series = series * z + 0x1.3b13b13b13b14p-3
        series = series * z + 0x1.745d1745d1746p-3
        series = series * z + 0x1.c71c71c71c71cp-3
        series = series * z + 0x1.2492492492492p-2
        series = series * z + 0x1.999999999999ap-2
        series = series * z + 0x1.5555555555555p-1
        series *= z
        let (hi, hiTail) = twoSum(Double(k) * ln2Hi, 2 * s)
        return fastTwoSum(hi, hiTail + (Double(k) * ln2Lo + (2 * sTail + s * series)))
    }

    /// y·2^k, rounded once, for k in −1086...2046.
    static func scale(_ y: Double, byPowerOfTwo k: Int) -> Double {
        if k > 1023 { return y * 0x1p1023 * powerOfTwo(k - 1023) }
        if k < -1022 { return y * powerOfTwo(k + 64) * 0x1p-64 }  // exact, then one rounding
        return y * powerOfTwo(k)
    }

    /// 2^k for k in −1022...1023, built from its bit pattern.
    static func powerOfTwo(_ k: Int) -> Double {
        Double(bitPattern: UInt64(1023 + k) << 52)
    }

    /// ln 2 = ln2Hi + ln2Lo to about 2⁻⁸⁸; ln2Hi has 32 significant bits, so
    /// k·ln2Hi is exact for |k| < 2²¹.
    static let ln2Hi = 0x1.62e42ff000000p-1
    static let ln2Lo = -0x1.718432a1b0e26p-35
    static let invLn2 = 0x1.71547652b82fep0
}
