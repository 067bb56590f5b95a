/// Target-tracking auto scaling, evaluated once per one-minute datapoint:
/// after `scaleOutDatapoints` minutes above target it scales out in
/// proportion to the distance (desired × metric / target); after
/// `scaleInDatapoints` minutes below 90 % of target it scales in, at most a
/// quarter of the tasks at a time ("scales in slowly"), again after each
/// scale-in cooldown while the metric stays low (the alarm stays in ALARM).
/// The datapoint counters stop at the alarm's count, as an alarm's
/// evaluation window does.
///
/// As Application Auto Scaling does (User Guide, "Target tracking scaling
/// policies", cooldown period): during a scale-out cooldown the policy still
/// scales out when the metric calls for more capacity than the last action
/// set (the capacity it added counts toward the next one); scale-in waits for
/// both cooldowns and for deployments (ECS Developer Guide, "Service auto
/// scaling"); a missing datapoint changes nothing. ECSServiceAverageCPUUtilization
/// comes from running tasks whatever their load-balancer health, so only
/// ALBRequestCountPerTarget goes missing when no target is in service.
public enum TargetTracking {
    /// The desired count that brings `metric` to `target` if load stays the same.
    public static func proportionalCapacity(current: Int, metric: Double, target: Double) -> Int {
        guard target > 0, current > 0 else { return current }
        return Int((Double(current) * metric / target).rounded(.up))
    }

    /// Scale in only below this fraction of the target, to avoid flapping.
    public static let scaleInBand = 0.9

    /// The desired count one scale-in step goes to: toward `wanted`, but never
    /// more than a quarter of the tasks at once (at least one). When the
    /// metric's own arithmetic asks for what runs now, nothing changes.
    public static func scaleInCapacity(current: Int, wanted: Int, minimum: Int) -> Int {
        let step = max(1, current / 4)
        return min(current, max(minimum, wanted, current - step))
    }
}

extension World {
    mutating func evaluateAutoscaling(service i: Int, sample: MinuteSample) {
        let policy = services[i].autoscaling
        guard policy.enabled, services[i].spec.runsTasks else { return }
        // CPU is measured on running tasks; requests per target need targets in service.
        let hasData = policy.metric == .cpu ? sample.running > 0 : sample.inService > 0
        guard hasData else {
            // No datapoint: the alarms neither breach nor recover, and nothing scales.
            services[i].scaling.lastMetric = nil
            return
        }
        let metric = policy.metric == .cpu ? sample.cpuPercent : sample.requestsPerTarget
        services[i].scaling.lastMetric = metric
        let high = metric > policy.target
        let low = metric < policy.target * TargetTracking.scaleInBand
        services[i].scaling.highDatapoints = high ? min(policy.scaleOutDatapoints, services[i].scaling.highDatapoints + 1) : 0
        services[i].scaling.lowDatapoints = low ? min(policy.scaleInDatapoints, services[i].scaling.lowDatapoints + 1) : 0
        let desired = services[i].desiredCount
        let wanted = TargetTracking.proportionalCapacity(current: desired, metric: metric, target: policy.target)

        if services[i].scaling.highDatapoints >= policy.scaleOutDatapoints {
            // A breach always asks for more than the capacity already set, so the scale-out
            // cooldown never blocks it; it only keeps scale-in away.
            let to = min(policy.maxCapacity, max(wanted, desired + 1))
            if to > desired {
                setDesired(service: i, to: to, cause: "target tracking: \(policy.metric.rawValue) \(Int(metric.rounded())) above target \(Int(policy.target.rounded()))")
                services[i].scaling.lastScaleOutTick = tick
                services[i].scaling.highDatapoints = 0
            }
        } else if services[i].scaling.lowDatapoints >= policy.scaleInDatapoints && !services[i].isDeploying
                    && scaleInCooldownLeft(service: i) == 0 {
            let to = TargetTracking.scaleInCapacity(current: desired, wanted: wanted, minimum: policy.minCapacity)
            if to < desired {
                setDesired(service: i, to: to, cause: "target tracking: \(policy.metric.rawValue) \(Int(metric.rounded())) below target \(Int(policy.target.rounded()))")
                services[i].scaling.lastScaleInTick = tick
            }
        }
    }

    /// Seconds until another scale-out may happen (0 when free to act).
    public func scaleOutCooldownLeft(service i: Int) -> Int {
        guard let last = services[i].scaling.lastScaleOutTick else { return 0 }
        return max(0, last + services[i].autoscaling.scaleOutCooldownSeconds - tick)
    }

    /// Seconds until a scale-in may happen: after a scale-in its own cooldown,
    /// and no scale-in during a scale-out cooldown either.
    public func scaleInCooldownLeft(service i: Int) -> Int {
        let afterIn = services[i].scaling.lastScaleInTick.map { $0 + services[i].autoscaling.scaleInCooldownSeconds - tick } ?? 0
        return max(0, afterIn, scaleOutCooldownLeft(service: i))
    }

    mutating func setDesired(service i: Int, to count: Int, cause: String) {
        let from = services[i].desiredCount
        guard from != count else { return }
        services[i].desiredCount = count
        services[i].scaling.activities.append(ScalingActivity(tick: tick, from: from, to: count, cause: cause))
        if services[i].scaling.activities.count > ScalingState.activitiesKept { services[i].scaling.activities.removeFirst() }
        record(services[i].name, .scaled(from: from, to: count, cause: cause))
    }
}
