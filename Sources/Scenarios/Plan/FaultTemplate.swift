import FleetSim

/// A fault as a scenario writes it: each parameter a fixed value, one of a
/// set (`service: [web, rentals]`), or a range (`ms: [1500, 2500]`). Each
/// seed resolves it to one `Fault`, so every game is a little different.
public struct FaultTemplate: Sendable, Hashable {
    /// One parameter's possible values.
    public enum Choice: Sendable, Hashable {
        case fixed(FaultValue)
        case oneOf([FaultValue])
        /// Uniform in [low, high]; whole numbers for counts and durations.
        case range(Double, Double)
    }

    public var kind: String
    public var choices: [Choice]

    public init(kind: String, choices: [Choice]) {
        self.kind = kind
        self.choices = choices
    }

    /// A template that always gives `fault`.
    public init(_ fault: Fault) {
        kind = fault.kind.name
        choices = fault.values.map(Choice.fixed)
    }

    var faultKind: FaultKind { FaultKinds.named(kind)! }

    /// The fault for one game, drawn with `rng`.
    public func resolve(using rng: inout Xoshiro256StarStar) -> Fault {
        let kind = faultKind
        let values = zip(kind.parameters, choices).map { parameter, choice -> FaultValue in
            switch choice {
            case let .fixed(value): return value
            case let .oneOf(values): return values[rng.nextInt(below: values.count)]
            case let .range(low, high):
                let x = low + (high - low) * rng.nextUnit()
                guard parameter.kind == .number else { return .integer(Int(x.rounded())) }
                // Whole numbers for wide ranges (milliseconds, rates), hundredths for narrow ones.
                return .number(high - low >= 10 ? x.rounded() : (x * 100).rounded() / 100)
            }
        }
        return kind.fault(values)
    }

    /// Every corner of the template (each choice of a set, both ends of a range), for validation.
    public var corners: [Fault] {
        var combinations: [[FaultValue]] = [[]]
        for (parameter, choice) in zip(faultKind.parameters, choices) {
            let options: [FaultValue]
            switch choice {
            case let .fixed(value): options = [value]
            case let .oneOf(values): options = values
            case let .range(low, high):
                options = parameter.kind == .number ? [.number(low), .number(high)] : [.integer(Int(low)), .integer(Int(high))]
            }
            combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } }
        }
        return combinations.map(faultKind.fault)
    }

    /// The template at a difficulty: every number scaled as its parameter says.
    public func scaled(by k: Double) -> FaultTemplate {
        var copy = self
        copy.choices = zip(faultKind.parameters, choices).map { parameter, choice in
            switch choice {
            case let .fixed(value): return .fixed(parameter.scaled(value, by: k))
            case .oneOf: return choice
            case let .range(low, high):
                return .range(parameter.scaled(.number(low), by: k).numeric!, parameter.scaled(.number(high), by: k).numeric!)
            }
        }
        return copy
    }

    /// The template in the words of the text form, ranges and sets included: `latency payment-provider 1500–2500 600`.
    public var text: String {
        let kind = faultKind
        let words = zip(kind.parameters, choices).map { parameter, choice -> String in
            switch choice {
            case let .fixed(value): return parameter.text(value)
            case let .oneOf(values): return values.map(parameter.text).joined(separator: "|")
            case let .range(low, high): return "\(NumberText.format(low))–\(NumberText.format(high))"
            }
        }
        return ([kind.name] + words).joined(separator: " ")
    }
}
