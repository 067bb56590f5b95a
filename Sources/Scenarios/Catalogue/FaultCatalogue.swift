import FleetSim

/// One kind of fault a scenario or facilitator can inject: its parameters,
/// what it does, what a player sees, and what fixes it.
public struct FaultEntry: Sendable {
    /// A parameter of the fault, as written in a scenario timeline.
    public struct Parameter: Sendable {
        public enum Kind: Sendable { case service, zone, version, count, number, duration }
        public var key: String
        public var kind: Kind
    }

    /// The verb in commands and the `fault:` value in scenario files.
    public var name: String
    /// What real fault-injection tools call it (AWS FIS, Gremlin, LitmusChaos).
    public var alsoKnownAs: String
    public var parameters: [Parameter]
    public var effect: String
    public var symptoms: String
    public var fixes: String
}

/// Every fault gameday can inject: the vocabulary of real fault-injection
/// tools (see FIDELITY.md), each with its symptoms on screen and the fixes
/// that work. `gameday faults` prints it.
public enum FaultCatalogue {
    private static func p(_ key: String, _ kind: FaultEntry.Parameter.Kind) -> FaultEntry.Parameter { .init(key: key, kind: kind) }

    public static let entries: [FaultEntry] = [
        FaultEntry(name: "stop", alsoKnownAs: "ECS stop-task, pod delete", parameters: [p("service", .service)],
                   effect: "One running task is stopped: it drains for the deregistration delay and the scheduler replaces it.",
                   symptoms: "Event 'task … stopped: Task stopped by user'; one fewer target in service for ~3 minutes.",
                   fixes: "Nothing, if the service has spare capacity: run at least two tasks per service."),
        FaultEntry(name: "kill", alsoKnownAs: "container kill, process killer", parameters: [p("service", .service)],
                   effect: "One task's container is killed (SIGKILL) and stops at once, exit code 137.",
                   symptoms: "Log 'received SIGKILL (exit code 137)'; in-flight requests fail; a replacement starts.",
                   fixes: "Headroom: enough tasks that losing one does not overload the rest."),
        FaultEntry(name: "crash", alsoKnownAs: "hung process, deadlock, blackhole", parameters: [p("service", .service), p("count", .count)],
                   effect: "COUNT tasks stop answering but stay RUNNING until two failed health checks (up to 60 s) take them out.",
                   symptoms: "5xx rising by the share of hung tasks; logs 'upstream request timeout: task … not responding'; targets go unhealthy.",
                   fixes: "Wait for health checks to replace them, or restart the service; more tasks shrink the share that fails."),
        FaultEntry(name: "bad-deploy", alsoKnownAs: "bad config deploy, crash loop, breaking change", parameters: [p("service", .service), p("version", .version)],
                   effect: "A teammate deploys VERSION. Depending on the version it crashes on start (a crash loop), fails health checks, returns errors while healthy, is slow, or leaks memory.",
                   symptoms: "Deployment IN_PROGRESS; a crash loop shows 'Essential container in task exited' and back-off; an erroring version shows 5xx with 'NullPointerException' logs and passes health checks.",
                   fixes: "rollback SERVICE. The circuit breaker stops crash loops and failing health checks (threshold 0.5 × desired, 3–200) but never catches a version that is healthy and wrong."),
        FaultEntry(name: "leak", alsoKnownAs: "memory hog, memory leak", parameters: [p("service", .service), p("rate", .number)],
                   effect: "Running tasks grow by RATE MiB a minute until the container is OOM-killed (exit 137) and replaced.",
                   symptoms: "Inspector 'memory 85% … OOM kill at 100%'; logs 'heap usage'; later 'OOMKilled'.",
                   fixes: "restart SERVICE before the kills (fresh tasks start at 40%), then deploy a fixed version."),
        FaultEntry(name: "cpu-hog", alsoKnownAs: "CPU stress, runaway process", parameters: [p("service", .service), p("percent", .number), p("for", .duration)],
                   effect: "A runaway process takes PERCENT of every task's CPU for the duration.",
                   symptoms: "CPU near 100% at ordinary load, p99 rising; logs 'CPU saturated by process'.",
                   fixes: "Scale out (or let target tracking do it) until it ends, or restart the service."),
        FaultEntry(name: "noisy-neighbour", alsoKnownAs: "CPU steal, noisy neighbour", parameters: [p("zone", .zone), p("percent", .number), p("for", .duration)],
                   effect: "Every task in one Availability Zone loses PERCENT of its CPU.",
                   symptoms: "Slower, hotter services everywhere, a third of tasks affected; no errors at first.",
                   fixes: "Scale out; spread across zones keeps two thirds of capacity unaffected."),
        FaultEntry(name: "disk-full", alsoKnownAs: "disk fill", parameters: [p("service", .service)],
                   effect: "The disks of the service's running tasks fill: writes (40% of requests) fail and health checks report 503.",
                   symptoms: "Logs 'ENOSPC: no space left on device'; targets unhealthy within a minute; tasks replaced.",
                   fixes: "Health checks replace the tasks; restart SERVICE to do it at once."),
        FaultEntry(name: "zone-outage", alsoKnownAs: "AZ outage, node drain", parameters: [p("zone", .zone), p("for", .duration)],
                   effect: "Every task in the zone stops; nothing can be placed there until it recovers.",
                   symptoms: "A third of each service's tasks stop at once ('Host unavailable'); replacements start in the other zones.",
                   fixes: "Run enough tasks that two zones carry the load; scale out while the zone is down."),
        FaultEntry(name: "latency", alsoKnownAs: "network latency, Lambda invocation delay", parameters: [p("service", .service), p("ms", .number), p("for", .duration)],
                   effect: "Every call to the service takes MS longer. Callers hold threads while they wait, so their throughput falls too.",
                   symptoms: "p99 rising up the call graph; logs 'timeout after … ms calling …'; callers' CPU low yet errors high.",
                   fixes: "Shed or reduce calls, scale the callers (more threads), or wait it out; autoscaling on CPU does not see it."),
        FaultEntry(name: "packet-loss", alsoKnownAs: "packet loss, network disrupt", parameters: [p("service", .service), p("percent", .number), p("for", .duration)],
                   effect: "PERCENT of calls to the service are lost; the rest are slowed by retransmits.",
                   symptoms: "Callers' 5xx rise by the loss rate; logs 'read ECONNRESET … (retransmits rising)'.",
                   fixes: "Nothing on our side beats waiting for the network; callers with retries hide some of it."),
        FaultEntry(name: "throttle", alsoKnownAs: "API throttling, 429 TooManyRequests", parameters: [p("service", .service), p("rate", .number), p("for", .duration)],
                   effect: "The service accepts at most RATE requests a second and answers 429 above it.",
                   symptoms: "Logs '429 Too Many Requests from …'; errors grow with traffic.",
                   fixes: "Send fewer calls (scale down callers' retries), or wait for the quota to return."),
        FaultEntry(name: "dns-failure", alsoKnownAs: "DNS error", parameters: [p("service", .service), p("for", .duration)],
                   effect: "The service's name stops resolving: every call fails at once.",
                   symptoms: "Logs 'getaddrinfo ENOTFOUND …'; callers' errors jump without any latency.",
                   fixes: "Wait for DNS to recover; the callers stay up and fail fast."),
        FaultEntry(name: "cert-expiry", alsoKnownAs: "expired certificate, expired credentials", parameters: [p("service", .service), p("for", .duration)],
                   effect: "The certificate (or the credentials callers use) expired: every TLS call fails.",
                   symptoms: "Logs 'x509: certificate has expired'; errors jump with no latency change.",
                   fixes: "Rotate the certificate (the fault's duration is the time to rotate)."),
        FaultEntry(name: "outage", alsoKnownAs: "dependency unavailable, API internal error", parameters: [p("service", .service), p("for", .duration)],
                   effect: "The service refuses every call.",
                   symptoms: "Logs 'connect ECONNREFUSED …'; status DOWN; synchronous callers fail with it.",
                   fixes: "Wait; decoupled (queued) callers only build backlog."),
        FaultEntry(name: "spike", alsoKnownAs: "traffic spike, flash crowd, bad actors (DDoS)", parameters: [p("multiplier", .number), p("for", .duration)],
                   effect: "Customer traffic (or bad actors' traffic the load balancer cannot tell apart) multiplied, ramping over a minute.",
                   symptoms: "req/s and CPU up everywhere; p99 climbs, then 5xx; overloaded targets drop health checks.",
                   fixes: "Scale out early: new tasks take ~3 minutes to take traffic. Target tracking helps after 3 minutes of datapoints."),
    ]

    public static func entry(named name: String) -> FaultEntry? { entries.first { $0.name == name } }
}
