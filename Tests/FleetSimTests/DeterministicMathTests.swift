import Foundation
import Testing
@testable import FleetSim

/// DeterministicMath: pinned bits, accuracy against the C library, special cases.
@Suite struct DeterministicMathTests {
    typealias Math = DeterministicMath
    static let tau = 2 * Double.pi

    // MARK: Golden values: computed once by this implementation and pinned to the
    // bit, so that a port or an "optimisation" that moves any last bit fails here
    // (and would change every world hash).

    static let expGolden: [(Double, UInt64)] = [
        (0, 0x3FF0_0000_0000_0000), (1, 0x4005_BF0A_8B14_5769), (-1, 0x3FD7_8B56_362C_EF38),
        (-0.5, 0x3FE3_68B2_FC6F_960A), (0.5, 0x3FFA_6129_8E1E_069C), (-37.2, 0x3C94_22F4_CF50_E1D5),
        (-0.001, 0x3FEF_F7CF_E56F_1A9E), (1e-10, 0x3FF0_0000_0006_DF38), (2.5, 0x4028_5D6F_D931_E0BB),
        (10, 0x40D5_829D_CF95_0560), (50, 0x4471_9103_E408_0B45), (-100, 0x36EA_8C1F_14E2_AF5D),
        (-700, 0x00D1_4F2B_0FB9_307F), (-745, 0x0000_0000_0000_0001), (-800, 0x0000_0000_0000_0000),
        (709.7, 0x7FED_75AE_7A50_EE14), (0.6931471805599453, 0x4000_0000_0000_0000),
        (-3.7, 0x3F99_511F_C687_1044), (7.25, 0x4096_006B_5D53_E8D9), (-20.123, 0x3E1F_4FE4_D4B0_F243),
    ]

    static let logGolden: [(Double, UInt64)] = [
        (0.01, 0xC012_6BB1_BBB5_5515), (0.5, 0xBFE6_2E42_FEFA_39EF), (2, 0x3FE6_2E42_FEFA_39EF),
        (10, 0x4002_6BB1_BBB5_5516), (0.99, 0xBF84_9545_3E6F_D4BC), (1e-5, 0xC027_069E_2AA2_AA5B),
        (0.25, 0xBFF6_2E42_FEFA_39EF), (3, 0x3FF1_93EA_7AAD_030B), (1e300, 0x4085_9634_47F8_7FB5),
        (1e-300, 0xC085_9634_47F8_7FB5), (.leastNonzeroMagnitude, 0xC087_4385_446D_71C3),
        (1.0000001, 0x3E7A_D7F2_847B_6492), (0.9999999, 0xBE7A_D7F2_B104_9B9F),
        (123456.789, 0x4027_7281_CAD8_A844), (0.7071, 0xBFD6_2E6B_3842_A25E), (1.4142, 0x3FD6_2E1A_C5B1_D181),
        (7.389, 0x3FFF_FFF8_09FC_6FA6), (0.1, 0xC002_6BB1_BBB5_5515), (100, 0x4012_6BB1_BBB5_5516),
        (0.37, 0xBFEF_D0EA_24BF_89B7),
    ]

    static let cosGolden: [(Double, UInt64)] = [
        (0, 0x3FF0_0000_0000_0000), (0.001, 0x3FEF_FFFE_F390_876C), (0.5, 0x3FEC_1528_065B_7D50),
        (1, 0x3FE1_4A28_0FB5_068C), (-3, 0xBFEF_AE04_BE85_E5D2), (10, 0xBFEA_D9AC_890C_6B1F),
        (100, 0x3FEB_981D_BF66_5FDF), (.pi / 4, 0x3FE6_A09E_667F_3BCD), (.pi / 2, 0x3C91_A626_3314_5C07),
        (.pi, 0xBFF0_0000_0000_0000), (tau * 1234 / 7200, 0x3FDE_5776_1251_B36E),
        (tau * 3600 / 7200, 0xBFF0_0000_0000_0000), (tau * 5000 / 7200, 0xBFD5_E3A8_748A_0BF2),
        (tau * 100_000 / 60, 0xBFE0_0000_0000_1769), (1000.5, 0x3FB8_DBFF_75EB_664F),
        (12345.678, 0x3FE6_B94C_3BBE_24B8), (100_000.1, 0xBFEF_EF19_C3FB_0A7A), (1e6, 0x3FED_F9DF_9906_D32C),
        (6.7e7, 0x3FD8_9E7E_6D98_AD62),
        // Beyond 2²⁶: folded modulo 2π rounded, deterministic but no longer the true cosine.
        (1e9, 0x3FEA_CFF8_BBC9_D814), (1e300, 0x3FE7_FC3F_18DD_E1DA),
    ]

    static let powGolden: [(Double, Double, UInt64)] = [
        (0.97, 2.5, 0x3FED_A75A_C846_2007), (0.999, 100, 0x3FEC_F40E_A930_FDF5), (0.5, 3, 0x3FC0_0000_0000_0000),
        (0.9, 1.3, 0x3FEB_E767_6549_9C1E), (0.99, 1.5, 0x3FEF_856D_7EA8_FBEB), (0.95, 37.5, 0x3FC2_B33D_3FFE_6D1E),
        (0.01, 100, 0x1668_7E92_154E_F7BA), (0.8, 7.25, 0x3FC9_6316_3BCA_1FCD), (0.3, 12, 0x3EA1_D50B_1E32_388C),
        (0.999999, 99.9, 0x3FEF_FF2E_813F_7B49), (0.75, 1.0001, 0x3FE7_FFD2_C08E_6E76),
        (0.6, 2, 0x3FD7_0A3D_70A3_D70A), (0.9999, 64, 0x3FEF_CBBC_6B25_8BFC), (0.98, 50, 0x3FD7_4E8E_588A_D00F),
        (0.123, 45.6, 0x3751_9DF5_126F_ABB3), (0.5, 0.5, 0x3FE6_A09E_667F_3BCC), (2, 10, 0x4090_0000_0000_0000),
        (10, -3, 0x3F50_624D_D2F1_A9FC), (1.5, 30.3, 0x410A_6F4B_C4D8_1451), (-2, 3, 0xC020_0000_0000_0000),
    ]

    @Test func goldenValuesArePinnedToTheBit() {
        for (x, bits) in Self.expGolden { #expect(Math.exp(x).bitPattern == bits, "exp(\(x))") }
        for (x, bits) in Self.logGolden { #expect(Math.log(x).bitPattern == bits, "log(\(x))") }
        for (x, bits) in Self.cosGolden { #expect(Math.cos(x).bitPattern == bits, "cos(\(x))") }
        for (x, y, bits) in Self.powGolden { #expect(Math.pow(x, y).bitPattern == bits, "pow(\(x), \(y))") }
    }

    // MARK: Accuracy against the platform's C library, which is good to about
    // half an ulp. Measured worst case over 200,000 points per range: 2.2e-16
    // for exp, log and cos, 3.7e-16 for pow (one or two ulps).

    static let tolerance = 1e-15

    /// Largest relative error of `ours` against `reference` over `count` seeded inputs.
    static func worstError(count: Int = 4_000, seed: UInt64, input: (inout Xoshiro256StarStar) -> (Double, Double),
                           ours: (Double, Double) -> Double, reference: (Double, Double) -> Double) -> Double {
        var rng = Xoshiro256StarStar(seed: seed)
        var worst = 0.0
        for _ in 0..<count {
            let (x, y) = input(&rng)
            let expected = reference(x, y)
            guard expected.isNormal else { continue }
            worst = max(worst, abs(ours(x, y) - expected) / abs(expected))
        }
        return worst
    }

    @Test func expIsAccurate() {
        for (seed, low, high) in [(1, -2.0, 2.0), (2, -708.0, 50.0)] as [(UInt64, Double, Double)] {
            let worst = Self.worstError(seed: seed, input: { r in (low + (high - low) * r.nextUnit(), 0) },
                                        ours: { x, _ in Math.exp(x) }, reference: { x, _ in Foundation.exp(x) })
            #expect(worst < Self.tolerance, "exp on [\(low), \(high)]: \(worst)")
        }
    }

    @Test func logIsAccurate() {
        let near1 = Self.worstError(seed: 3, input: { r in (2 * r.nextUnit(), 0) },
                                    ours: { x, _ in Math.log(x) }, reference: { x, _ in Foundation.log(x) })
        #expect(near1 < Self.tolerance, "log on (0, 2]: \(near1)")
        let wide = Self.worstError(seed: 4, input: { r in
            (Double(sign: .plus, exponent: r.nextInt(below: 2_098) - 1_074, significand: 1 + r.nextUnit()), 0)
        }, ours: { x, _ in Math.log(x) }, reference: { x, _ in Foundation.log(x) })
        #expect(wide < Self.tolerance, "log on 2⁻¹⁰⁷⁴…2¹⁰²⁴: \(wide)")
    }

    @Test func cosIsAccurate() {
        let phases: [(UInt64, (inout Xoshiro256StarStar) -> Double)] = [
            (5, { r in 20 * r.nextUnit() - 10 }),
            (6, { r in 1e6 * r.nextUnit() }),
            (7, { r in Self.tau * Double(r.nextInt(below: 1_000_000)) / Double(1 + r.nextInt(below: 10_000)) }),
        ]
        for (seed, phase) in phases {
            let worst = Self.worstError(seed: seed, input: { r in (phase(&r), 0) },
                                        ours: { x, _ in Math.cos(x) }, reference: { x, _ in Foundation.cos(x) })
            #expect(worst < Self.tolerance, "cos, sample set \(seed): \(worst)")
        }
    }

    @Test func powIsAccurate() {
        let inputs: [(UInt64, (inout Xoshiro256StarStar) -> (Double, Double))] = [
            (8, { r in (r.nextUnit(), 100 * r.nextUnit()) }),
            (9, { r in (1 - 0.1 * r.nextUnit(), 1 + 99 * r.nextUnit()) }),
            (10, { r in (0.01 + 100 * r.nextUnit(), 200 * r.nextUnit() - 100) }),
        ]
        for (seed, input) in inputs {
            let worst = Self.worstError(seed: seed, input: input,
                                        ours: { x, y in Math.pow(x, y) }, reference: { x, y in Foundation.pow(x, y) })
            #expect(worst < Self.tolerance, "pow, sample set \(seed): \(worst)")
        }
    }

    // MARK: Special cases

    @Test func specialCases() {
        #expect(Math.exp(0) == 1)
        #expect(Math.exp(-746) == 0 && Math.exp(-1e300) == 0 && Math.exp(-.infinity) == 0)
        #expect(Math.exp(710) == .infinity && Math.exp(.infinity) == .infinity)
        #expect(Math.log(1) == 0)
        #expect(Math.log(0) == -.infinity && Math.log(.infinity) == .infinity)
        #expect(Math.log(-1).isNaN)
        #expect(Math.cos(0) == 1 && Math.cos(-0.0) == 1)
        #expect(Math.cos(.infinity).isNaN)
        for x in [0.0, 0.3, 1, 7, .infinity, .nan] { #expect(Math.pow(x, 0) == 1, "pow(\(x), 0)") }
        for y in [0.5, 1, 3, 100] { #expect(Math.pow(0, y) == 0, "pow(0, \(y))") }
        for y in [-3.0, 0.5, 100, .infinity, .nan] { #expect(Math.pow(1, y) == 1, "pow(1, \(y))") }
        #expect(Math.pow(0, -1) == .infinity)
        #expect(Math.pow(0.5, .infinity) == 0 && Math.pow(2, .infinity) == .infinity)
        #expect(Math.pow(0.97, 1e6) == 0)
        #expect(Math.pow(-2, 2) == 4 && Math.pow(-2, 0.5).isNaN)
    }

    @Test func notANumberGoesInAndComesOutWithoutACrash() {
        #expect(Math.exp(.nan).isNaN)
        #expect(Math.log(.nan).isNaN)
        #expect(Math.cos(.nan).isNaN)
        #expect(Math.pow(.nan, 2).isNaN && Math.pow(0.5, .nan).isNaN)
    }

    @Test func cosIsEvenAndBoundedFarOutsideTheGame() {
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<1_000 {
            let x = Double(sign: .plus, exponent: 20 + rng.nextInt(below: 1_000), significand: 1 + rng.nextUnit())
            let c = Math.cos(x)
            #expect(c == Math.cos(-x))
            #expect(abs(c) <= 1, "cos(\(x)) = \(c)")
        }
    }

    /// Without Foundation or the C library in FleetSim, a stray `exp(…)` or
    /// `cos(…)` there does not compile, so the platform's libm cannot creep back.
    @Test func fleetSimImportsNeitherFoundationNorTheCLibrary() throws {
        let forbidden: Set<Substring> = ["Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "ucrt", "WinSDK"]
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/FleetSim")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 20)
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let i = words.firstIndex(of: "import"), words[..<i].allSatisfy({ $0.hasPrefix("@") }),
                      let module = words.last?.split(separator: ".").first else { continue }
                #expect(!forbidden.contains(module), "\(file.lastPathComponent): \(line)")
            }
        }
    }
}
