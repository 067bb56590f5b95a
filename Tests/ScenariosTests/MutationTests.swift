import FleetSim
import Scenarios
import Testing

/// No input makes the parser trap or hang: shipped scenarios cut at every
/// line and damaged at random (seeded) places either parse or are refused.
@Suite struct MutationTests {
    @Test func truncatedAtEveryLineNeverTraps() {
        for source in BuiltInScenarios.sources {
            let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
            for cut in 0...lines.count {
                let text = lines.prefix(cut).joined(separator: "\n")
                _ = try? ScenarioFile.parse(text, file: "cut.yaml")
            }
        }
    }

    @Test func randomDamageNeverTraps() {
        var rng = Xoshiro256StarStar(seed: 2026)
        let replacements: [String] = ["", ":", "-", "  ", "\t", "[", "}", "&a", "*a", "!!int", "99999999999999999999", "-1", "0", "1e308", "nan",
                                      "\"", "'", "#", "|", ">", "~", "null", "é", "\u{0}"]
        var accepted = 0
        for round in 0..<400 {
            let source = BuiltInScenarios.sources[round % BuiltInScenarios.sources.count].text
            var scalars = Array(source.unicodeScalars)
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                let at = rng.nextInt(below: scalars.count)
                let length = rng.nextInt(below: 8)
                let replacement = Array(replacements[rng.nextInt(below: replacements.count)].unicodeScalars)
                scalars.replaceSubrange(at..<min(scalars.count, at + length), with: replacement)
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            if (try? ScenarioFile.parse(String(text), file: "damaged.yaml")) != nil { accepted += 1 }
        }
        #expect(accepted < 400, "damage must be noticed at least sometimes")
    }
}
