/// Customer traffic reaching the edge: a diurnal base with noise and spikes.
public struct TrafficProfile: Sendable, Hashable {
    /// Mean requests per second at the edge.
    public var baseRequestsPerSecond: Double
    /// 0…1: how far the daily cycle swings around the base.
    public var diurnalAmplitude: Double
    /// Length of one compressed "day" in simulated seconds.
    public var diurnalPeriodSeconds: Int
    /// 0…1: per-second random variation.
    public var noise: Double
    public var spikes: [TrafficSpike]

    public init(baseRequestsPerSecond: Double, diurnalAmplitude: Double = 0.3, diurnalPeriodSeconds: Int = 7_200, noise: Double = 0.05, spikes: [TrafficSpike] = []) {
        self.baseRequestsPerSecond = baseRequestsPerSecond
        self.diurnalAmplitude = diurnalAmplitude
        self.diurnalPeriodSeconds = diurnalPeriodSeconds
        self.noise = noise
        self.spikes = spikes
    }

    /// Expected requests per second at `tick`, before noise.
    public func expectedRate(at tick: Int, extraSpikes: [TrafficSpike] = []) -> Double {
        let phase = 2 * Double.pi * Double(tick) / Double(max(1, diurnalPeriodSeconds))
        // Starts at the quiet part of the day and climbs toward the peak.
        let diurnal = 1 - diurnalAmplitude * DeterministicMath.cos(phase)
        var multiplier = 1.0
        for spike in spikes { multiplier *= spike.multiplier(at: tick) }
        for spike in extraSpikes { multiplier *= spike.multiplier(at: tick) }
        return baseRequestsPerSecond * diurnal * multiplier
    }
}

/// A burst of traffic: ramps up to `multiplier` × normal, holds, ramps down.
public struct TrafficSpike: Sendable, Hashable {
    public var startTick: Int
    public var durationSeconds: Int
    public var multiplier: Double
    public var rampSeconds: Int

    public init(startTick: Int, durationSeconds: Int, multiplier: Double, rampSeconds: Int = 60) {
        self.startTick = startTick
        self.durationSeconds = durationSeconds
        self.multiplier = multiplier
        self.rampSeconds = rampSeconds
    }

    public var endTick: Int { startTick + durationSeconds }

    public func multiplier(at tick: Int) -> Double {
        guard tick >= startTick, tick < endTick else { return 1 }
        let ramp = Double(max(1, rampSeconds))
        let intoSpike = Double(tick - startTick), untilEnd = Double(endTick - tick)
        let strength = min(1, intoSpike / ramp, untilEnd / ramp)
        return 1 + (multiplier - 1) * strength
    }
}

extension TrafficSpike: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(startTick); h.combine(durationSeconds); h.combine(multiplier); h.combine(rampSeconds)
    }
}
