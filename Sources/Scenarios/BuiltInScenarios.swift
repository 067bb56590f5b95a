import FleetSim

/// The scenarios that ship inside the binary, written in the same YAML
/// format as user scenario files (`gameday scenarios show ID` prints them,
/// a good start for writing your own).
public enum BuiltInScenarios {
    /// The pack's source files, in the order they escalate.
    public static let sources: [(file: String, text: String)] = [
        ("first-day.yaml", ScenarioPack.firstDay),
        ("flash-sale.yaml", ScenarioPack.flashSale),
        ("bad-deploy.yaml", ScenarioPack.badDeploy),
        ("crash-loop.yaml", ScenarioPack.crashLoop),
        ("az-outage.yaml", ScenarioPack.azOutage),
        ("tightly-coupled.yaml", ScenarioPack.tightlyCoupled),
        ("microservices-madness.yaml", ScenarioPack.microservicesMadness),
    ]

    /// Every shipped scenario, parsed. The test suite checks each one parses,
    /// so a scenario that did not would fail CI rather than vanish.
    public static let all: [Scenario] = sources.compactMap { try? ScenarioFile.parse($0.text, file: "builtin:\($0.file)") }

    public static func named(_ id: String) -> Scenario? { all.first { $0.id == id } }

    public static var ids: [String] { all.map(\.id) }

    public static var firstDay: Scenario { named("first-day")! }
}
