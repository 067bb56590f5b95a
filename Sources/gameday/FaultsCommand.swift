import ArgumentParser
import Scenarios

extension Gameday {
    /// `gameday faults`: the fault catalogue.
    struct Faults: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every fault that scenarios and facilitators can inject: effect, symptoms, fixes.")

        @Argument(help: "Show only this fault.")
        var name: String?

        func run() throws {
            var entries = FaultCatalogue.entries
            if let name {
                guard let entry = FaultCatalogue.entry(named: name) else {
                    throw GamedayError("unknown fault '\(name)' (faults: \(FaultCatalogue.entries.map(\.name).joined(separator: ", ")))")
                }
                entries = [entry]
            }
            for (n, entry) in entries.enumerated() {
                if n > 0 { print("") }
                let parameters = entry.parameters.map { "\($0.key): …" }.joined(separator: ", ")
                print("\(entry.name)  (\(entry.alsoKnownAs))")
                print("  in a scenario:  fault: \(entry.name)" + (parameters.isEmpty ? "" : ", \(parameters)"))
                print("  effect:   \(entry.effect)")
                print("  symptoms: \(entry.symptoms)")
                print("  fixes:    \(entry.fixes)")
            }
        }
    }
}
