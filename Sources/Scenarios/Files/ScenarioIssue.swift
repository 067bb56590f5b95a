/// One problem found in a scenario file, with where it is and which key:
/// `flash-sale.yaml:12:5: timeline[2].service: unknown service 'webb' (services: …)`.
public struct ScenarioIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The key path, e.g. `services.web.autoscaling.target`.
    public var key: String
    public var message: String

    public init(file: String, line: Int, column: Int, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(key.isEmpty ? "" : key + ": ")\(message)" }
}

/// Every problem found in a scenario file, reported together.
public struct ScenarioFileError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]
    public init(issues: [ScenarioIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
