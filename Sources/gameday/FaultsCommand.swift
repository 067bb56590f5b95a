import ArgumentParser
import FleetSim

extension Gameday {
    /// `gameday faults`: the fault catalogue.
    struct Faults: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every fault that scenarios and facilitators can inject: effect, symptoms, fixes.")

        @Argument(help: "Show only this fault.", completion: .list(FaultKinds.names))
        var name: String?

        func run() throws {
            var kinds = FaultKinds.all
            if let name {
                guard let kind = FaultKinds.named(name) else {
                    throw GamedayError("unknown fault '\(name)' (faults: \(FaultKinds.names.joined(separator: ", ")))")
                }
                kinds = [kind]
            }
            for (n, kind) in kinds.enumerated() {
                if n > 0 { print("") }
                let parameters = kind.parameters.map { "\($0.key): …" }.joined(separator: ", ")
                print("\(kind.name)  (\(kind.alsoKnownAs))")
                print("  inject:         \(kind.usage)")
                print("  in a scenario:  fault: \(kind.name)" + (parameters.isEmpty ? "" : ", \(parameters)"))
                print("  effect:   \(kind.effect)")
                print("  symptoms: \(kind.symptoms)")
                print("  fixes:    \(kind.fixes)")
            }
        }
    }
}
