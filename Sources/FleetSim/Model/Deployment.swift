/// An ECS service deployment: one version the scheduler is rolling toward.
/// The newest is PRIMARY; older ones with tasks left are ACTIVE.
public struct Deployment: Sendable, Hashable {
    public enum Rollout: UInt8, Sendable {
        case inProgress, completed, failed

        public var label: String {
            switch self {
            case .inProgress: "IN_PROGRESS"
            case .completed: "COMPLETED"
            case .failed: "FAILED"
            }
        }
    }

    public var id: Int
    public var versionIndex: Int
    public var startedAt: Int
    public var rollout: Rollout
    /// Tasks of this deployment that stopped before ever being in service
    /// (the circuit breaker's stage 1 and stage 2 failures together).
    public var failedTasks: Int
    /// True when this deployment was started automatically by a circuit-breaker rollback.
    public var isRollback: Bool
    /// The circuit breaker's failure threshold, fixed when the deployment
    /// starts from the desired count then (as ECS computes it).
    public var failureThreshold: Int
}

extension Deployment: StableHashable {
    public func hash(into h: inout StableHasher) {
        h.combine(id); h.combine(versionIndex); h.combine(startedAt); h.combine(Int(rollout.rawValue))
        h.combine(failedTasks); h.combine(isRollback); h.combine(failureThreshold)
    }
}
