/// The text form of faults, as typed after `inject`, written in recordings
/// and shown in the feed: `latency payment-provider 2000 600`. Read and
/// written through each fault's `FaultKind`, so the two can never disagree.
extension Fault {
    /// One line per kind: the verb, its usage and summary (help and completion).
    public static var verbs: [CommandVerb] {
        FaultKinds.all.map { CommandVerb(verb: $0.name, usage: $0.usage, summary: $0.summary) }
    }

    /// The inject as a facilitator types it; `Fault.parse` reads it back.
    public var text: String {
        let kind = self.kind
        return ([kind.name] + zip(kind.parameters, values).map { $0.0.text($0.1) }).joined(separator: " ")
    }

    /// The fault in words for people, with units: `cpu-hog web 41% for 9 min 32 s`,
    /// `zone-outage zone a for 20 min`, `latency payment-provider +2000 ms for 10 min`.
    public var readable: String {
        ([kind.name] + zip(kind.parameters, values).map { Self.word($0, $1) }).joined(separator: " ")
    }

    /// The catalogue's effect with this fault's own values in place of its placeholders
    /// (the hidden truth): "Every call to the service takes 2,000 ms longer."
    public var effect: String {
        zip(kind.parameters, values).reduce(kind.effect) { text, pair in
            let word = Self.word(pair.0, pair.1, inSentence: true)
            // Placeholders are upper-case words no effect uses otherwise (a test reads every one).
            return text.replacing(pair.0.placeholder, with: word)
        }
    }

    /// One value with its unit; in a sentence, an added delay reads without its sign.
    private static func word(_ parameter: FaultParameter, _ value: FaultValue, inSentence: Bool = false) -> String {
        let number = value.numeric.map(NumberText.format) ?? ""
        switch (parameter.kind, parameter.placeholder) {
        case (.duration, _): return "for " + GameTime.phrase(Int(value.numeric ?? 0))
        case (.zone, _): return "zone " + parameter.text(value)
        case (_, "PERCENT"): return number + "%"
        case (_, "MS"): return (inSentence ? "" : "+") + number + " ms"
        case (_, "REQ_PER_SEC"): return number + " req/s"
        case (_, "MIB_PER_MINUTE"): return number + " MiB/min"
        case (_, "MULTIPLIER"): return "×" + number
        case (.count, _): return number + (value.numeric == 1 ? " task" : " tasks")
        default: return parameter.text(value)
        }
    }

    /// Reads an inject as typed, e.g. `spike 8 600`, `spike 8 10m` or `latency payment-provider 2000 300`.
    public static func parse(_ text: String) throws(CommandError) -> Fault {
        var words = Words(text)
        let verb = try words.next("a fault (\(FaultKinds.names.joined(separator: ", ")))")
        guard let kind = FaultKinds.named(verb) else {
            throw CommandError("unknown fault '\(verb)' (faults: \(FaultKinds.names.joined(separator: ", ")))")
        }
        var values: [FaultValue] = []
        for parameter in kind.parameters {
            values.append(try parameter.read(try words.next("\(parameter.placeholder) (\(kind.usage))")))
        }
        try words.end(verb)
        try kind.validate(values)
        return kind.fault(values)
    }
}

extension FaultKind {
    /// Checks values against the parameters' types and ranges (not against a world).
    public func validate(_ values: [FaultValue]) throws(CommandError) {
        guard values.count == parameters.count else { throw CommandError("\(name) takes \(parameters.count) values: \(usage)") }
        for (parameter, value) in zip(parameters, values) { try parameter.validate(value) }
    }

    /// The same fault with its values scaled for a harder (k > 1) or easier (k < 1) game.
    public func scaled(_ fault: Fault, by k: Double) -> Fault {
        let scaled = zip(parameters, fault.values).map { $0.0.scaled($0.1, by: k) }
        return make(scaled)
    }
}

extension FaultParameter {
    /// Reads one typed word as this parameter's type.
    public func read(_ word: String) throws(CommandError) -> FaultValue {
        switch kind {
        case .service, .version: return .name(word)
        case .zone:
            guard let zone = ZoneName.parse(word) else { throw CommandError("zone must be a letter such as a, b or c, got '\(word)'") }
            return .zone(zone)
        case .count:
            guard let n = Int(word) else { throw CommandError("\(placeholder) must be a whole number, got '\(word)'") }
            return .integer(n)
        case .number:
            guard let x = Double(word), x.isFinite else { throw CommandError("\(placeholder) must be a number, got '\(word)'") }
            return .number(x)
        case .duration:
            guard let seconds = GameTime.parse(word) else {
                throw CommandError("\(placeholder) must be a duration such as 600, 10m or 00:10:00, got '\(word)'")
            }
            return .integer(seconds)
        }
    }

    /// Checks a value's type and range.
    public func validate(_ value: FaultValue) throws(CommandError) {
        switch (kind, value) {
        case (.service, .name), (.version, .name), (.zone, .zone): return
        case (.count, .integer), (.duration, .integer), (.number, .number), (.number, .integer):
            let x = value.numeric!
            guard range.contains(x) else {
                let unit = kind == .duration ? " s" : ""
                throw CommandError("\(placeholder) must be \(NumberText.format(range.lowerBound))…\(NumberText.format(range.upperBound))\(unit), got \(NumberText.format(x))\(unit)")
            }
        default: throw CommandError("\(placeholder) has the wrong type")
        }
    }

    /// The value as the text form writes it.
    public func text(_ value: FaultValue) -> String {
        switch value {
        case let .name(name): name
        case let .zone(zone): ZoneName.format(zone)
        case let .integer(n): String(n)
        case let .number(x): NumberText.format(x)
        }
    }

    /// The value for a harder (k > 1) or easier (k < 1) game, kept within range.
    public func scaled(_ value: FaultValue, by k: Double) -> FaultValue {
        guard let x = value.numeric else { return value }
        let scaled: Double
        switch scaling {
        case .none: return value
        case let .multiply(cap): scaled = min(cap, x * k)
        case .multiplyExcessOverOne: scaled = 1 + (x - 1) * k
        case .divide: scaled = x / k
        }
        let bounded = min(range.upperBound, max(range.lowerBound, scaled))
        if case .integer = value { return .integer(Int(bounded.rounded())) }
        return .number(bounded)
    }
}

/// Numbers as commands, faults and scenario messages write them: whole
/// numbers without a decimal point (`2000`), others as Swift prints them (`2.5`).
public enum NumberText {
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `value` rounded to hundredths, as recordings and JSON reports store scores; 0 when not finite.
    public static func hundredths(_ value: Double) -> Double { value.isFinite ? (value * 100).rounded() / 100 : 0 }
}
