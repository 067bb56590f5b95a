/// A typed value of a fault parameter: what parsing, scenario files and
/// difficulty scaling produce, and what a `Fault` is built from.
public enum FaultValue: Sendable, Hashable {
    case name(String)
    case zone(Int)
    case integer(Int)
    case number(Double)

    public var name: String? { if case let .name(n) = self { n } else { nil } }
    public var zone: Int? { if case let .zone(z) = self { z } else { nil } }
    /// The value as a number, for range checks and scaling (integers too).
    public var numeric: Double? {
        switch self {
        case let .integer(n): Double(n)
        case let .number(x): x
        default: nil
        }
    }
}

/// One parameter of a fault: its key in scenario files, its placeholder in
/// the text form, its type and range, and how difficulty scales it.
public struct FaultParameter: Sendable {
    public enum Kind: Sendable, Hashable {
        /// A service; `tasksOnly` excludes third parties (which run no tasks).
        case service(tasksOnly: Bool)
        case zone
        /// A version of the service named by the fault's service parameter.
        case version
        case count
        case number
        /// Seconds (typed as seconds or as `10m`, `1h30m`, `00:10:00`).
        case duration
    }

    /// How a harder or easier game changes the value (intensity k: easy 0.7, hard 1.3).
    public enum Scaling: Sendable, Hashable {
        case none
        /// × k, at most `cap`.
        case multiply(cap: Double)
        /// 1 + (x − 1) × k: a multiplier's excess over normal grows.
        case multiplyExcessOverOne
        /// ÷ k: a limit tightens when the game is harder.
        case divide
    }

    /// The key in scenario files, e.g. `ms` or `for`.
    public var key: String
    /// The word in the text form and help, e.g. `MS` or `SECONDS`.
    public var placeholder: String
    public var kind: Kind
    /// Valid values, for counts, numbers and durations.
    public var range: ClosedRange<Double>
    public var scaling: Scaling

    public init(_ key: String, _ placeholder: String, _ kind: Kind, range: ClosedRange<Double> = 0...0, scaling: Scaling = .none) {
        self.key = key
        self.placeholder = placeholder
        self.kind = kind
        self.range = range
        self.scaling = scaling
    }

    public var isNumeric: Bool { kind == .count || kind == .number || kind == .duration }
}

/// Everything about one kind of fault but its effect on the world: the verb
/// and its parameters, the one-line summary, the catalogue entry (`gameday
/// faults`: what it does, what a player sees, what fixes it), and how to
/// build a `Fault` from typed values and back. Parsing, printing,
/// completion, scenario files and difficulty scaling all derive from it.
public struct FaultKind: Sendable {
    /// The verb in commands and the `fault:` value in scenario files.
    public var name: String
    /// Older names that still parse (old recordings and scenario files).
    public var aliases: [String] = []
    public var parameters: [FaultParameter]
    public var summary: String
    /// What real fault-injection tools call it (AWS FIS, Gremlin, LitmusChaos).
    public var alsoKnownAs: String
    public var effect: String
    public var symptoms: String
    public var fixes: String
    let make: @Sendable ([FaultValue]) -> Fault
    /// The values in parameter order when the fault is of this kind, else nil.
    let values: @Sendable (Fault) -> [FaultValue]?

    /// The text form's shape, e.g. `latency SERVICE MS SECONDS`.
    public var usage: String { ([name] + parameters.map(\.placeholder)).joined(separator: " ") }

    /// A fault of this kind from values in parameter order (already checked against the parameters).
    public func fault(_ values: [FaultValue]) -> Fault { make(values) }
}

extension Fault {
    /// The kind this fault is.
    public var kind: FaultKind { FaultKinds.all.first { $0.values(self) != nil }! }

    /// The fault's parameter values, in the order its kind declares them.
    public var values: [FaultValue] { kind.values(self)! }

    /// The service the fault acts on, if it names one.
    public var service: String? {
        zip(kind.parameters, values).first { if case .service = $0.0.kind { true } else { false } }?.1.name
    }
}
