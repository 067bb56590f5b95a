/// The fault catalogue: every fault gameday can inject, declared once.
/// `gameday faults` prints it; the command line, scenario files, the
/// inject deck, completion and difficulty all read it. To add a fault, add
/// its case to `Fault`, its kind here, and its effect in `FaultEffects.swift`.
public enum FaultKinds {
    private typealias P = FaultParameter
    private static let service = P("service", "SERVICE", .service(tasksOnly: true))
    private static let anyService = P("service", "SERVICE", .service(tasksOnly: false))
    private static let zone = P("zone", "ZONE", .zone)
    private static let duration = P("for", "DURATION", .duration, range: 1...86_400)
    private static func percent() -> P { P("percent", "PERCENT", .number, range: 1...100, scaling: .multiply(cap: 95)) }

    public static let all: [FaultKind] = [
        FaultKind(
            name: "stop", parameters: [service], summary: "stop one task (StopTask)",
            alsoKnownAs: "ECS stop-task, pod delete",
            effect: "One running task is stopped: it drains for the deregistration delay and the scheduler replaces it.",
            symptoms: "Event 'task … stopped: Task stopped by user'; one fewer target in service for ~3 minutes.",
            fixes: "Nothing, if the service has spare capacity: run at least two tasks per service.",
            make: { .stopTask(service: $0[0].name!) },
            values: { if case let .stopTask(s) = $0 { [.name(s)] } else { nil } }),
        FaultKind(
            name: "kill", parameters: [service], summary: "SIGKILL one task",
            alsoKnownAs: "container kill, process killer",
            effect: "One task's container is killed (SIGKILL) and stops at once, exit code 137.",
            symptoms: "Log 'received SIGKILL (exit code 137)'; in-flight requests fail; a replacement starts.",
            fixes: "Headroom: enough tasks that losing one does not overload the rest.",
            make: { .killTask(service: $0[0].name!) },
            values: { if case let .killTask(s) = $0 { [.name(s)] } else { nil } }),
        FaultKind(
            name: "hang", aliases: ["crash"], parameters: [service, P("count", "COUNT", .count, range: 1...1_000)],
            summary: "COUNT tasks stop answering until health checks replace them",
            alsoKnownAs: "hung process, deadlock, blackhole",
            effect: "Hung tasks (COUNT) stop answering but stay RUNNING until two failed health checks (up to 60 s) take them out.",
            symptoms: "5xx rising by the share of hung tasks; logs 'upstream request timeout: task … not responding'; targets go unhealthy.",
            fixes: "Wait for health checks to replace them, or restart the service; more tasks shrink the share that fails.",
            make: { .hangTasks(service: $0[0].name!, count: Int($0[1].numeric!)) },
            values: { if case let .hangTasks(s, n) = $0 { [.name(s), .integer(n)] } else { nil } }),
        FaultKind(
            name: "bad-deploy", parameters: [service, P("version", "VERSION", .version)], summary: "a teammate deploys a version",
            alsoKnownAs: "bad config deploy, crash loop, breaking change",
            effect: "A teammate deploys VERSION. Depending on the version it crashes on start (a crash loop), fails health checks, returns errors while healthy, is slow, or leaks memory.",
            symptoms: "Deployment IN_PROGRESS; a crash loop shows 'Essential container in task exited' and back-off; an erroring version shows 5xx with 'NullPointerException' logs and passes health checks.",
            fixes: "rollback SERVICE. The circuit breaker stops crash loops and failing health checks (threshold 0.5 × desired, 3–200) but never catches a version that is healthy and wrong.",
            make: { .badDeploy(service: $0[0].name!, version: $0[1].name!) },
            values: { if case let .badDeploy(s, v) = $0 { [.name(s), .name(v)] } else { nil } }),
        FaultKind(
            name: "leak", parameters: [service, P("rate", "MIB_PER_MINUTE", .number, range: 0.1...100_000, scaling: .multiply(cap: 100_000))],
            summary: "running tasks leak memory until OOM",
            alsoKnownAs: "memory hog, memory leak",
            effect: "Running tasks grow by MIB_PER_MINUTE until the container is OOM-killed (exit 137) and replaced.",
            symptoms: "Inspector 'memory …% of … MiB: OOM kill at 100%' (and the MEM column on a wide terminal); logs 'heap usage'; later 'OOMKilled'.",
            fixes: "restart SERVICE before the kills (fresh tasks start at 40%), then deploy a fixed version.",
            make: { .memoryLeak(service: $0[0].name!, mibPerMinute: $0[1].numeric!) },
            values: { if case let .memoryLeak(s, r) = $0 { [.name(s), .number(r)] } else { nil } }),
        FaultKind(
            name: "cpu-hog", parameters: [service, percent(), duration], summary: "a runaway process eats task CPU",
            alsoKnownAs: "CPU stress, runaway process",
            effect: "A runaway process takes PERCENT of every task's CPU for the duration.",
            symptoms: "CPU near 100% at ordinary load, p99 rising; logs 'CPU saturated by process'.",
            fixes: "Scale out (or let target tracking do it) until it ends, or restart the service.",
            make: { .cpuHog(service: $0[0].name!, percent: $0[1].numeric!, seconds: Int($0[2].numeric!)) },
            values: { if case let .cpuHog(s, p, t) = $0 { [.name(s), .number(p), .integer(t)] } else { nil } }),
        FaultKind(
            name: "noisy-neighbour", parameters: [zone, percent(), duration], summary: "tasks in a zone lose CPU",
            alsoKnownAs: "CPU steal, noisy neighbour",
            effect: "Every task in one Availability Zone loses PERCENT of its CPU.",
            symptoms: "Slower, hotter services everywhere, a third of tasks affected; no errors at first.",
            fixes: "Scale out; spread across zones keeps two thirds of capacity unaffected.",
            make: { .noisyNeighbour(zone: $0[0].zone!, percent: $0[1].numeric!, seconds: Int($0[2].numeric!)) },
            values: { if case let .noisyNeighbour(z, p, t) = $0 { [.zone(z), .number(p), .integer(t)] } else { nil } }),
        FaultKind(
            name: "disk-full", parameters: [service], summary: "running tasks' disks fill up",
            alsoKnownAs: "disk fill",
            effect: "The disks of the service's running tasks fill: writes (40% of requests) fail and health checks report 503.",
            symptoms: "Logs 'ENOSPC: no space left on device'; targets unhealthy within a minute; tasks replaced.",
            fixes: "Health checks replace the tasks; restart SERVICE to do it at once.",
            make: { .diskFull(service: $0[0].name!) },
            values: { if case let .diskFull(s) = $0 { [.name(s)] } else { nil } }),
        FaultKind(
            name: "zone-outage", parameters: [zone, duration], summary: "stop every task in an Availability Zone",
            alsoKnownAs: "AZ outage, node drain",
            effect: "Every task in the zone stops; nothing can be placed there until it recovers.",
            symptoms: "A third of each service's tasks stop at once ('Host unavailable'); replacements start in the other zones.",
            fixes: "Run enough tasks that two zones carry the load; scale out while the zone is down.",
            make: { .zoneOutage(zone: $0[0].zone!, seconds: Int($0[1].numeric!)) },
            values: { if case let .zoneOutage(z, t) = $0 { [.zone(z), .integer(t)] } else { nil } }),
        FaultKind(
            name: "latency", parameters: [anyService, P("ms", "MS", .number, range: 1...600_000, scaling: .multiply(cap: 600_000)), duration],
            summary: "slow every call to a service",
            alsoKnownAs: "network latency, Lambda invocation delay",
            effect: "Every call to the service takes MS longer. Callers hold threads while they wait, so their throughput falls too.",
            symptoms: "p99 rising up the call graph; logs 'timeout after … ms calling …'; callers' CPU low yet errors high.",
            fixes: "Fail fast: timeout SERVICE 1000 makes callers give up sooner and keeps their threads free; scale the callers (more threads), or wait it out. Autoscaling on CPU does not see it.",
            make: { .dependencyLatency(service: $0[0].name!, addedMs: $0[1].numeric!, seconds: Int($0[2].numeric!)) },
            values: { if case let .dependencyLatency(s, ms, t) = $0 { [.name(s), .number(ms), .integer(t)] } else { nil } }),
        FaultKind(
            name: "packet-loss", parameters: [anyService, percent(), duration], summary: "calls to a service are lost",
            alsoKnownAs: "packet loss, network disrupt",
            effect: "PERCENT of calls to the service are lost; the rest are slowed by retransmits.",
            symptoms: "Callers' 5xx rise by the loss rate; logs 'read ECONNRESET … (retransmits rising)'.",
            fixes: "Nothing on our side beats waiting for the network; callers with retries hide some of it.",
            make: { .packetLoss(service: $0[0].name!, percent: $0[1].numeric!, seconds: Int($0[2].numeric!)) },
            values: { if case let .packetLoss(s, p, t) = $0 { [.name(s), .number(p), .integer(t)] } else { nil } }),
        FaultKind(
            name: "throttle", parameters: [anyService, P("rate", "REQ_PER_SEC", .number, range: 0...1_000_000, scaling: .divide), duration],
            summary: "a service answers 429 above a rate",
            alsoKnownAs: "API throttling, 429 TooManyRequests",
            effect: "The service accepts at most REQ_PER_SEC and answers 429 above it.",
            symptoms: "Callers log '429 Too Many Requests from …' and fail fast; the service's inspector says 'THROTTLED: 429 Too Many Requests above … req/s'; errors grow with traffic.",
            fixes: "Send fewer calls (scale down callers' retries), or wait for the quota to return.",
            make: { .throttle(service: $0[0].name!, requestsPerSecond: $0[1].numeric!, seconds: Int($0[2].numeric!)) },
            values: { if case let .throttle(s, r, t) = $0 { [.name(s), .number(r), .integer(t)] } else { nil } }),
        FaultKind(
            name: "dns-failure", parameters: [anyService, duration], summary: "a service's name stops resolving",
            alsoKnownAs: "DNS error",
            effect: "The service's name stops resolving: every call fails at once.",
            symptoms: "Logs 'getaddrinfo ENOTFOUND …'; callers' errors jump without any latency.",
            fixes: "Wait for DNS to recover; the callers stay up and fail fast.",
            make: { .dnsFailure(service: $0[0].name!, seconds: Int($0[1].numeric!)) },
            values: { if case let .dnsFailure(s, t) = $0 { [.name(s), .integer(t)] } else { nil } }),
        FaultKind(
            name: "cert-expiry", parameters: [anyService, duration], summary: "a certificate or credentials expire",
            alsoKnownAs: "expired certificate, expired credentials",
            effect: "The certificate (or the credentials callers use) expired: every TLS call fails.",
            symptoms: "Logs 'x509: certificate has expired'; errors jump with no latency change.",
            fixes: "Rotate the certificate (the fault's duration is the time to rotate).",
            make: { .certificateExpiry(service: $0[0].name!, seconds: Int($0[1].numeric!)) },
            values: { if case let .certificateExpiry(s, t) = $0 { [.name(s), .integer(t)] } else { nil } }),
        FaultKind(
            name: "outage", parameters: [anyService, duration], summary: "a service refuses every call",
            alsoKnownAs: "dependency unavailable, API internal error",
            effect: "The service refuses every call.",
            symptoms: "Logs 'connect ECONNREFUSED …'; status DOWN; synchronous callers fail with it.",
            fixes: "Wait; decoupled (queued) callers only build backlog.",
            make: { .dependencyOutage(service: $0[0].name!, seconds: Int($0[1].numeric!)) },
            values: { if case let .dependencyOutage(s, t) = $0 { [.name(s), .integer(t)] } else { nil } }),
        FaultKind(
            name: "spike", parameters: [P("multiplier", "MULTIPLIER", .number, range: 0.1...100, scaling: .multiplyExcessOverOne), duration],
            summary: "multiply customer traffic",
            alsoKnownAs: "traffic spike, flash crowd, bad actors (DDoS)",
            effect: "Customer traffic (or bad actors' traffic the load balancer cannot tell apart) multiplied, ramping over a minute.",
            symptoms: "req/s and CPU up everywhere; p99 climbs, then 5xx; overloaded targets drop health checks.",
            fixes: "Scale out early: new tasks take ~3 minutes to take traffic. Target tracking helps after 3 minutes of datapoints.",
            make: { .trafficSpike(multiplier: $0[0].numeric!, seconds: Int($0[1].numeric!)) },
            values: { if case let .trafficSpike(m, t) = $0 { [.number(m), .integer(t)] } else { nil } }),
    ]

    /// The kind with this name (or an older alias of it).
    public static func named(_ name: String) -> FaultKind? { all.first { $0.name == name || $0.aliases.contains(name) } }

    public static var names: [String] { all.map(\.name) }
}
