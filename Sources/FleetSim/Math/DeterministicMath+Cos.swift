extension DeterministicMath {
    /// Cosine of `x` radians; NaN for NaN and ±∞.
    ///
    /// Accurate for |x| ≤ 2²⁶ (6.7e7 rad, twenty years of one-minute days).
    /// Beyond that `x` is first taken exactly modulo 2π rounded to a `Double`:
    /// still deterministic and in [−1, 1], but drifting from the true cosine.
    public static func cos(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        var x = x.magnitude
        if x > 0x1p26 { x = foldedByTwoPi(x) }
        let n = (x * 0x1.45f306dc9c883p-1).rounded(.toNearestOrEven)  // x·2/π
        let (r, rTail) = reduce(x, byHalfPis: n)
        switch Int(n) & 3 {
        case 0: return cosKernel(r, rTail)
        case 1: return -sinKernel(r, rTail)
        case 2: return -cosKernel(r, rTail)
        default: return sinKernel(r, rTail)
        }
    }

    /// x − n·π/2 as head + tail, for 0 ≤ n < 2²⁶ (Cody and Waite). π/2 is split
    /// into four 27-bit parts, so each n·part is exact, and a 53-bit tail: 161
    /// bits in all, far more than the worst cancellation below 2²⁶ needs.
    static func reduce(_ x: Double, byHalfPis n: Double) -> (Double, Double) {
        let head = x - n * 0x1.921fb54000000p0  // exact: both sides are within a factor 2
        let (head2, error2) = twoSum(head, -n * 0x1.10b4610000000p-30)
        let (head3, error3) = twoSum(head2, -n * 0x1.a626330000000p-58)
        let (head4, error4) = twoSum(head3, -n * 0x1.45c06e0000000p-86)
        return twoSum(head4, ((error2 + error3) + error4) - n * 0x1.cd129024e088ap-115)
    }

    /// cos(hi + lo) for |hi| ≤ π/4 and |lo| ≪ ulp(hi): Taylor to x¹⁸ (the first
    /// term left out is below 2⁻⁶⁸), with 1 − x²/2 carried exactly.
    static func cosKernel(_ hi: Double, _ lo: Double) -> Double {
        let z = hi * hi
        var c = -0x1.6827863b97d97p-53
        c = c * z + 0x1.ae7f3e733b81fp-45
        c = c * z - 0x1.93974a8c07c9dp-37
        c = c * z + 0x1.1eed8eff8d898p-29
        c = c * z - 0x1.27e4fb7789f5cp-22
        c = c * z + 0x1.a01a01a01a01ap-16
        c = c * z - 0x1.6c16c16c16c17p-10
        c = c * z + 0x1.5555555555555p-5
        let w = 1 - 0.5 * z
        // cos(hi + lo) ≈ cos hi − lo·sin hi ≈ cos hi − lo·hi.
        return w + (((1 - w) - 0.5 * z) + (z * z * c - hi * lo))
    }

    /// sin(hi + lo) for |hi| ≤ π/4 and |lo| ≪ ulp(hi): Taylor to x¹⁹ (the first
    /// term left out is below 2⁻⁷²).
    static func sinKernel(_ hi: Double, _ lo: Double) -> Double {
        let z = hi * hi
        var s = -0x1.2f49b46814157p-57
        s = s * z + 0x1.952c77030ad4ap-49
        s = s * z - 0x1.ae7f3e733b81fp-41
        s = s * z + 0x1.6124613a86d09p-33
        s = s * z - 0x1.ae64567f544e4p-26
        s = s * z + 0x1.71de3a556c734p-19
        s = s * z - 0x1.a01a01a01a01ap-13
        s = s * z + 0x1.1111111111111p-7
        s = s * z - 0x1.5555555555555p-3
        // sin(hi + lo) ≈ sin hi + lo·cos hi ≈ sin hi + lo − lo·hi²/2.
        return hi + (z * hi * s + (lo - 0.5 * z * lo))
    }

    /// x mod 2π′ for finite x ≥ 4, where 2π′ = 0x1921FB54442D18·2⁻⁵⁰ is 2π rounded
    /// to a Double. Exact: long division on the integer significands.
    static func foldedByTwoPi(_ x: Double) -> Double {
        let modulus: UInt64 = 0x1921_FB54_442D_18
        // x = (significand · 2^shift) · 2⁻⁵⁰
        var rest = (x.significandBitPattern | 1 << 52) % modulus
        var shift = Int(x.exponent) - 2
        while shift > 0 {
            let step = min(shift, 11)  // rest < 2⁵³, so rest << 11 fits in 64 bits
            rest = (rest << UInt64(step)) % modulus
            shift -= step
        }
        return Double(rest) * 0x1p-50
    }
}
