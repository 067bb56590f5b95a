import FleetSim

/// Simulated application logs that carry the clues a player needs: OOM kills,
/// refused connections and timeouts toward a named dependency, 5xx after a
/// deploy, health-check probes failing. Derived from the world alone, so the
/// same game always logs the same lines.
public enum LogSynthesizer {
    /// Lines written during the last tick, per service name.
    public static func lines(for world: World) -> [(String, LogLine)] {
        let tick = world.tick - 1
        var out: [(String, LogLine)] = []
        func log(_ service: String, _ severity: Severity, _ text: String) {
            out.append((service, LogLine(tick: tick, severity: severity, text: text)))
        }
        for event in world.events {
            guard let service = event.subject else { continue }
            switch event.kind {
            case let .taskStopped(id, reason, code):
                switch reason {
                case .outOfMemory:
                    log(service, .error, "task \(TaskID.format(id)): OOMKilled: container exceeded its memory limit (exit code \(code ?? 137))")
                case .essentialContainerExited:
                    log(service, .error, "task \(TaskID.format(id)): fatal: cannot start: config key 'db.url' missing; exiting (exit code 1)")
                case .killed:
                    log(service, .error, "task \(TaskID.format(id)): received SIGKILL (exit code 137)")
                default: break
                }
            case let .targetUnhealthy(id, reason):
                log(service, .warning, "ELB-HealthChecker/2.0 GET /health on task \(TaskID.format(id)): \(reason)")
            case let .deploymentStarted(version, _):
                log(service, .info, "deploying \(version): rolling update started")
            default: break
            }
        }
        // Periodic lines, staggered so services do not all log in the same second.
        for (i, service) in world.services.enumerated() where service.spec.runsTasks && (tick + i) % 5 == 0 {
            periodic(service, index: i, in: world, tick: tick).map { log(service.name, $0.0, $0.1) }
        }
        return out
    }

    private static func periodic(_ service: Service, index: Int, in world: World, tick: Int) -> (Severity, String)? {
        let m = service.metrics
        if service.spec.role == .worker, let queue = service.spec.consumesQueue,
           let q = world.queues.first(where: { $0.spec.name == queue }), q.backlog > 500 {
            return (.warning, "\(queue) queue depth \(q.backlog), oldest message \(q.oldestMessageAge(at: world.tick)) s: consumers behind")
        }
        if m.errorRate > 0.02 {
            return (.error, errorCause(service, index: index, in: world))
        }
        if service.tasks.contains(where: { $0.cpuHog(at: world.tick - 1) > 0 }) {
            return (.warning, "CPU saturated by process 'backup-agent' (\(Int(m.cpuPercent))% of what remains)")
        }
        if m.memoryPercent > 80 {
            return (.warning, "heap usage \(Int(m.memoryPercent))% of \(service.spec.memoryMiB) MiB; GC pauses rising")
        }
        if m.p99LatencyMs > 1_000 {
            return (.warning, "slow requests: p99 \(Int(m.p99LatencyMs)) ms (CPU \(Int(m.cpuPercent))%)")
        }
        if m.throttled > 0 {
            return (.warning, "429 Too Many Requests to callers: rate limit \(Int(m.processed)) req/s, \(Int(m.throttled)) req/s refused")
        }
        // Healthy traffic logs too, every 15 s, so a recovered service reads as recovered.
        guard (tick + index) % 15 == 0, m.processed > 0 else { return nil }
        if service.spec.role == .worker, let queue = service.spec.consumesQueue {
            return (.info, "consumed \(Int(m.processed)) messages/s from \(queue): ok, \(Int(m.meanLatencyMs)) ms each")
        }
        return (.info, "GET /\(service.name) 200 \(Int(m.meanLatencyMs)) ms (\(Int(m.processed)) req/s, \(percent(m.errorRate)) errors)")
    }

    /// The most likely reason this service's requests fail, named the way a real log would.
    private static func errorCause(_ service: Service, index: Int, in world: World) -> String {
        let m = service.metrics
        if let task = service.tasks.first(where: { $0.isDiskFull && $0.phase == .running }) {
            return "task \(TaskID.format(task.id)): write /var/log/app.log: ENOSPC: no space left on device"
        }
        if service.tasks.contains(where: { $0.isHung && $0.isInService }) {
            return "upstream request timeout: task \(TaskID.format(service.tasks.first { $0.isHung }!.id)) not responding"
        }
        for call in world.topology.syncCalls[index] {
            let callee = world.services[call.callee]
            let port = callee.spec.role == .external ? 443 : 8080
            let tick = world.tick - 1
            if callee.faults.callFailureRate(at: tick) > 0 {
                switch callee.faults.callFailure {
                case .dns: return "getaddrinfo ENOTFOUND \(callee.name).unicorn.internal"
                case .certificate: return "TLS handshake with \(callee.name):\(port) failed: x509: certificate has expired"
                case .packetLoss: return "read ECONNRESET from \(callee.name):\(port) (retransmits rising)"
                }
            }
            if callee.metrics.throttled > 0 {
                return "429 Too Many Requests from \(callee.name):\(port): rate exceeded"
            }
            if callee.faults.isOutage(at: tick) || (callee.spec.runsTasks && callee.inServiceCount == 0) {
                return "connect ECONNREFUSED \(callee.name):\(port) (\(percent(m.errorRate)) of requests failing)"
            }
            if callee.metrics.p99LatencyMs > callee.spec.timeoutMs {
                return "timeout after \(Int(callee.spec.timeoutMs)) ms calling \(callee.name):\(port)"
            }
            if callee.metrics.errorRate > 0.05 {
                return "503 from \(callee.name):\(port): upstream returned errors"
            }
        }
        if m.utilisation > 1, service.tasks.contains(where: { $0.cpuHog(at: world.tick - 1) > 0 }) {
            return "503 Service Unavailable: all workers busy, CPU saturated by process 'backup-agent'"
        }
        if m.utilisation > 1 {
            return "503 Service Unavailable: all workers busy (\(Int(m.offered)) req/s offered, capacity \(Int(m.capacity)))"
        }
        let version = service.currentVersion
        if version.errorRate > 0 {
            return "500 POST /\(service.name) (\(version.name)): NullPointerException at \(service.name.capitalized)Controller.handle:88"
        }
        return "5xx rate \(percent(m.errorRate))"
    }

    private static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
