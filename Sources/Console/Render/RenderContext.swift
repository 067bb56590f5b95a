import FleetSim
import Session

/// Everything a pane needs to draw one frame: the game, the UI state, the
/// glyph set, the layout and the real time (for flashes and messages).
public struct RenderContext {
    public let match: Match
    public let state: ConsoleState
    public let glyphs: Glyphs
    public let layout: ScreenLayout
    /// Monotonic real time in milliseconds.
    public let now: UInt64

    public var world: World { match.world }

    /// Services shown in the services pane, after the filter.
    public var visibleServices: [Service] {
        let filter = state.filterText
        return filter.isEmpty ? world.services : world.services.filter { $0.name.contains(filter) }
    }

    public var selectedService: Service? { world.service(named: state.selectedService) }
    public var selectedServiceIndex: Int? { world.serviceIndex(named: state.selectedService) }

    public func isFocused(_ pane: Pane) -> Bool { state.focus == pane && state.overlay == .none && state.mode == .normal }
}

/// A service's state in one glyph and one word, so it never depends on colour.
public struct ServiceStatus: Sendable, Hashable {
    public enum Level: Sendable, Hashable { case ok, deploying, idle, warning, critical }

    public var level: Level
    public var label: String

    public static func of(_ service: Service, in world: World) -> ServiceStatus {
        let m = service.metrics
        if service.spec.role == .external {
            if service.faults.isOutage(at: world.tick) { return ServiceStatus(level: .critical, label: "DOWN") }
            if m.p99LatencyMs > service.spec.timeoutMs || service.faults.addedLatency(at: world.tick) > 0 {
                return ServiceStatus(level: .warning, label: "SLOW")
            }
            return ServiceStatus(level: .ok, label: "OK")
        }
        if service.desiredCount == 0 && service.tasks.isEmpty { return ServiceStatus(level: .idle, label: "IDLE") }
        if service.inServiceCount == 0 { return ServiceStatus(level: .critical, label: "DOWN") }
        if m.errorRate > 0.2 { return ServiceStatus(level: .critical, label: "CRIT") }
        if m.errorRate > World.errorRateAlarmThreshold || m.p99LatencyMs > World.latencyAlarmThresholdMs {
            return ServiceStatus(level: .warning, label: "WARN")
        }
        if service.isDeploying { return ServiceStatus(level: .deploying, label: "DEPLOY") }
        if service.inServiceCount < service.desiredCount { return ServiceStatus(level: .warning, label: "SCALE") }
        return ServiceStatus(level: .ok, label: "OK")
    }

    public var role: Role {
        switch level {
        case .ok: .ok
        case .deploying: .info
        case .idle: .dim
        case .warning: .warning
        case .critical: .critical
        }
    }

    public func glyph(_ glyphs: Glyphs) -> String {
        switch level {
        case .ok: glyphs.ok
        case .deploying: glyphs.deploying
        case .idle: glyphs.idle
        case .warning: glyphs.warning
        case .critical: glyphs.critical
        }
    }
}

extension Incident.State {
    var label: String {
        switch self {
        case .open: "OPEN"
        case .acknowledged: "ACKED"
        case .mitigated: "MITIGATED"
        case .resolved: "RESOLVED"
        }
    }

    var role: Role {
        switch self {
        case .open: .critical
        case .acknowledged: .warning
        case .mitigated: .ok
        case .resolved: .dim
        }
    }

    func glyph(_ glyphs: Glyphs) -> String {
        switch self {
        case .open: glyphs.critical
        case .acknowledged: glyphs.warning
        case .mitigated: glyphs.ok
        case .resolved: glyphs.idle
        }
    }
}

extension Severity {
    var role: Role {
        switch self {
        case .debug: .dim
        case .info: .text
        case .warning: .warning
        case .error: .critical
        }
    }
}
