import FleetSim
import Session

/// What is really wrong with a team's fleet, which its players never see:
/// every fault that reached the team, when it began, whether it is still at
/// work and why; beside it, the team's firing alarms and incidents, so the
/// facilitator sees who has noticed what.
public struct HiddenTruth: Sendable {
    public struct ActiveFault: Sendable, Hashable {
        public var fault: Fault
        public var began: Int
        /// Still acting on the fleet.
        public var isActive: Bool
        /// In words: "ends 00:42:00", "3 tasks still hung", "v2 still deployed", "over".
        public var status: String
        /// The catalogue's one-line root cause.
        public var cause: String
    }

    public var team: String
    public var faults: [ActiveFault]
    public var firingAlarms: [Alarm]
    public var incidents: [Incident]

    /// The team's truth at its current tick, newest fault first.
    public init(team: MatchTeam) {
        let world = team.world
        self.team = team.name
        faults = team.session.injectLog.reversed().map { inject in
            let (active, status) = Self.status(of: inject, in: world)
            return ActiveFault(fault: inject.fault, began: inject.tick, isActive: active, status: status, cause: inject.fault.effect)
        }
        firingAlarms = world.alarms.filter(\.isFiring)
        incidents = world.incidents.filter { $0.resolvedAt == nil }
    }

    /// Whether a fault still acts on the world, read from the world itself where
    /// it keeps the trace (hung tasks, leaks, full disks, a bad version), else from its duration.
    static func status(of inject: Inject, in world: World) -> (Bool, String) {
        let fault = inject.fault
        let service = fault.service.flatMap { world.service(named: $0) }
        switch fault {
        case .hangTasks:
            let hung = service?.tasks.filter(\.isHung).count ?? 0
            return hung > 0 ? (true, "\(hung) task\(hung == 1 ? "" : "s") still hung") : (false, "hung tasks replaced")
        case .memoryLeak:
            let leaking = service?.tasks.filter { $0.leakMiBPerMinute > 0 }.count ?? 0
            return leaking > 0 ? (true, "\(leaking) task\(leaking == 1 ? "" : "s") leaking") : (false, "leaking tasks replaced")
        case .diskFull:
            let full = service?.tasks.filter(\.isDiskFull).count ?? 0
            return full > 0 ? (true, "\(full) disk\(full == 1 ? "" : "s") full") : (false, "tasks with full disks replaced")
        case let .badDeploy(_, version):
            guard let service else { return (false, "over") }
            return service.currentVersion.name == version ? (true, "\(version) still deployed") : (false, "rolled back to \(service.currentVersion.name)")
        case .stopTask, .killTask:
            return (false, "one-off")
        default:
            let seconds = zip(fault.kind.parameters, fault.values).first { $0.0.kind == .duration }?.1.numeric.map { Int($0) } ?? 0
            let end = inject.tick + seconds
            return world.tick < end ? (true, "ends \(GameTime.format(end))") : (false, "ended \(GameTime.format(end))")
        }
    }

    /// Faults still at work.
    public var active: [ActiveFault] { faults.filter(\.isActive) }
}
