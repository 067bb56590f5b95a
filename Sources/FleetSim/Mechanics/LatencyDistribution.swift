/// Response time of a request as a fixed part (service times, injected
/// latency, time waiting in line) plus an exponential queueing part, the
/// shape an M/M/1 queue gives. Cheap, analytic percentiles and tier shares.
public struct LatencyDistribution: Sendable, Hashable {
    public var fixedMs: Double
    public var queueingMeanMs: Double

    public init(fixedMs: Double, queueingMeanMs: Double) {
        self.fixedMs = fixedMs
        self.queueingMeanMs = queueingMeanMs
    }

    /// Mean queueing delay of a server with service time `serviceMs` at
    /// utilisation `rho`: it climbs steeply as `rho` nears 1 (ρ/(1−ρ)).
    public static func queueingDelay(serviceMs: Double, utilisation rho: Double) -> Double {
        let r = min(max(rho, 0), maxUtilisation)
        return serviceMs * r / (1 - r)
    }

    /// Utilisation above which the queue model is capped: beyond capacity the
    /// excess is shed (backlog, timeouts, 5xx) rather than queued forever.
    public static let maxUtilisation = 0.98

    public var meanMs: Double { fixedMs + queueingMeanMs }

    /// The `p`-quantile (0 < p < 1), e.g. 0.99 for p99.
    public func quantile(_ p: Double) -> Double { fixedMs + queueingMeanMs * -DeterministicMath.log(1 - p) }

    /// The mean queueing part of the requests that take at most `ms` (the ones a caller
    /// with that timeout still gets an answer for): an exponential cut at `ms`.
    public func queueingMean(within ms: Double) -> Double {
        guard queueingMeanMs > 0 else { return 0 }
        guard ms > fixedMs else { return 0 }
        let cut = (ms - fixedMs) / queueingMeanMs
        guard cut < 700 else { return queueingMeanMs }
        let tail = DeterministicMath.exp(-cut)
        return max(0, queueingMeanMs - (ms - fixedMs) * tail / (1 - tail))
    }

    /// Probability that a request takes at most `ms`.
    public func fraction(within ms: Double) -> Double {
        if ms < fixedMs { return 0 }
        if queueingMeanMs <= 0 { return 1 }
        return 1 - DeterministicMath.exp(-(ms - fixedMs) / queueingMeanMs)
    }
}
