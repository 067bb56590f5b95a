import FleetSim
import Yams

/// `services:` — changes to the default Unicorn.Rentals fleet: sizes, prices,
/// counts, versions, dependencies, autoscaling, and AWS settings. Every AWS
/// default a scenario changes is recorded so the inspector can show it.
enum ServiceChanges {
    static let keys = ["role", "remove", "capacity", "concurrency", "cpu", "memory", "cost", "latency", "timeout",
                       "external-capacity", "desired", "version", "versions", "depends-on", "consumes",
                       "autoscaling", "health-check", "deployment"]

    static func apply(_ node: Node, to services: inout [ServiceSpec], fields: inout YAMLFields) {
        guard let mapping = node.mapping else {
            fields.report(node, "services", "expected a mapping of service names to changes, found \(YAMLFields.kind(of: node))")
            return
        }
        var dependencyChecks: [(String, Node, String)] = []
        for (keyNode, value) in mapping {
            guard let name = fields.name(keyNode, "services") else { continue }
            let path = "services.\(name)"
            guard let items = fields.mapping(value, path, allowed: keys) else { continue }
            var index = services.firstIndex { $0.name == name }
            if index == nil {
                guard let roleNode = items.first(where: { $0.key == "role" })?.value,
                      let role = fields.choice(roleNode, path + ".role", ServiceRole.allCases.map { ($0.rawValue, $0) }) else {
                    let hint = YAMLFields.closest(to: name, in: services.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
                    fields.report(keyNode, path, "unknown service '\(name)' (services: \(services.map(\.name).joined(separator: ", "))); \(hint)to add a new one give it a role")
                    continue
                }
                services.append(ServiceSpec(name: name, role: role, externalCapacity: role == .external ? 1_000 : 0))
                index = services.count - 1
            }
            var spec = services[index!]
            var removed = false
            for (key, _, value) in items {
                let p = "\(path).\(key)"
                switch key {
                case "role": fields.choice(value, p, ServiceRole.allCases.map { ($0.rawValue, $0) }).map { spec.role = $0 }
                case "remove": removed = fields.bool(value, p) ?? false
                case "capacity": fields.number(value, p, in: 0.1...100_000).map { spec.capacityPerTask = $0 }
                case "concurrency": fields.number(value, p, in: 1...1_000_000).map { spec.concurrencyPerTask = $0 }
                case "cpu": fields.integer(value, p, in: 128...16_384).map { spec.cpuUnits = $0 }
                case "memory": fields.integer(value, p, in: 128...122_880).map { spec.memoryMiB = $0 }
                case "cost": fields.number(value, p, in: 0...100).map { spec.costPerTaskMinute = $0 }
                case "latency": fields.number(value, p, in: 0.1...60_000).map { spec.baseLatencyMs = $0 }
                case "timeout": fields.number(value, p, in: 1...600_000).map { spec.timeoutMs = $0 }
                case "external-capacity": fields.number(value, p, in: 1...10_000_000).map { spec.externalCapacity = $0 }
                case "desired": fields.integer(value, p, in: 0...World.maxTasksPerService).map { spec.initialDesiredCount = $0 }
                case "version": fields.name(value, p).map { spec.initialVersion = $0 }
                case "versions": readVersions(value, p, into: &spec, fields: &fields)
                case "consumes": fields.name(value, p).map { spec.consumesQueue = $0 }
                case "depends-on":
                    spec.dependencies = readDependencies(value, p, fields: &fields, checks: &dependencyChecks)
                case "autoscaling": readAutoscaling(value, p, into: &spec, fields: &fields)
                case "health-check": readHealthCheck(value, p, into: &spec, fields: &fields)
                case "deployment": readDeployment(value, p, into: &spec, fields: &fields)
                default: break
                }
            }
            if !spec.versions.contains(where: { $0.name == spec.initialVersion }) {
                fields.report(value, path + ".version", "initial version '\(spec.initialVersion)' is not among its versions (\(spec.versions.map(\.name).joined(separator: ", ")))")
            }
            if removed { services.remove(at: index!) } else { services[index!] = spec }
        }
        for (service, node, path) in dependencyChecks where !services.contains(where: { $0.name == service }) {
            fields.report(node, path, "unknown service '\(service)' (services: \(services.map(\.name).joined(separator: ", ")))")
        }
    }

    private static func readVersions(_ node: Node, _ path: String, into spec: inout ServiceSpec, fields: inout YAMLFields) {
        guard let list = fields.sequence(node, path) else { return }
        for (n, item) in list.enumerated() {
            let p = "\(path)[\(n)]"
            guard let parts = fields.mapping(item, p, allowed: ["name", "crashes-on-start", "fails-health-checks", "error-rate", "extra-latency", "memory-leak"]),
                  let nameNode = parts.first(where: { $0.key == "name" })?.value else {
                fields.report(item, p + ".name", "missing: every version needs a name")
                continue
            }
            guard let name = fields.name(nameNode, p + ".name") else { continue }
            var version = ServiceVersion(name: name)
            for (key, _, value) in parts {
                switch key {
                case "crashes-on-start": fields.bool(value, "\(p).\(key)").map { version.crashesOnStart = $0 }
                case "fails-health-checks": fields.bool(value, "\(p).\(key)").map { version.failsHealthChecks = $0 }
                case "error-rate": fields.number(value, "\(p).\(key)", in: 0...1).map { version.errorRate = $0 }
                case "extra-latency": fields.number(value, "\(p).\(key)", in: 0...60_000).map { version.extraLatencyMs = $0 }
                case "memory-leak": fields.number(value, "\(p).\(key)", in: 0...100_000).map { version.memoryLeakMiBPerMinute = $0 }
                default: break
                }
            }
            if let existing = spec.versions.firstIndex(where: { $0.name == name }) { spec.versions[existing] = version } else { spec.versions.append(version) }
        }
    }

    private static func readDependencies(_ node: Node, _ path: String, fields: inout YAMLFields,
                                         checks: inout [(String, Node, String)]) -> [Dependency] {
        guard let list = fields.sequence(node, path) else { return [] }
        var dependencies: [Dependency] = []
        for (n, item) in list.enumerated() {
            let p = "\(path)[\(n)]"
            guard let parts = fields.mapping(item, p, allowed: ["service", "calls", "queue", "messages"]) else { continue }
            func part(_ key: String) -> Node? { parts.first { $0.key == key }?.value }
            if let serviceNode = part("service") {
                guard let name = fields.name(serviceNode, p + ".service") else { continue }
                checks.append((name, serviceNode, p + ".service"))
                let calls = part("calls").flatMap { fields.number($0, p + ".calls", in: 0.001...100) } ?? 1
                dependencies.append(.sync(service: name, callsPerRequest: calls))
            } else if let queueNode = part("queue") {
                guard let name = fields.name(queueNode, p + ".queue") else { continue }
                if name != "orders" { fields.report(queueNode, p + ".queue", "unknown queue '\(name)' (queues: orders)") }
                let messages = part("messages").flatMap { fields.number($0, p + ".messages", in: 0.001...100) } ?? 1
                dependencies.append(.async(queue: name, messagesPerRequest: messages))
            } else {
                fields.report(item, p, "needs service (a synchronous call) or queue (a message)")
            }
        }
        return dependencies
    }

    private static func readAutoscaling(_ node: Node, _ path: String, into spec: inout ServiceSpec, fields: inout YAMLFields) {
        guard let parts = fields.mapping(node, path, allowed: ["enabled", "metric", "target", "min", "max", "scale-out-cooldown", "scale-in-cooldown"]) else { return }
        var policy = spec.autoscaling
        policy.enabled = true
        for (key, _, value) in parts {
            let p = "\(path).\(key)"
            switch key {
            case "enabled": fields.bool(value, p).map { policy.enabled = $0 }
            case "metric": fields.choice(value, p, ScalingMetric.allCases.map { ($0.rawValue, $0) }).map { policy.metric = $0 }
            case "target": fields.number(value, p, in: 1...1_000_000).map { policy.target = $0 }
            case "min": fields.integer(value, p, in: 0...World.maxTasksPerService).map { policy.minCapacity = $0 }
            case "max": fields.integer(value, p, in: 1...World.maxTasksPerService).map { policy.maxCapacity = $0 }
            case "scale-out-cooldown":
                fields.duration(value, p, in: 0...86_400).map { policy.scaleOutCooldownSeconds = $0; note(&spec, "scale-out cooldown \($0) s", aws: 300, $0) }
            case "scale-in-cooldown":
                fields.duration(value, p, in: 0...86_400).map { policy.scaleInCooldownSeconds = $0; note(&spec, "scale-in cooldown \($0) s", aws: 300, $0) }
            default: break
            }
        }
        if policy.minCapacity > policy.maxCapacity { fields.report(node, path + ".min", "min \(policy.minCapacity) is above max \(policy.maxCapacity)") }
        if policy.metric == .cpu && policy.target > 100 { fields.report(node, path + ".target", "a CPU target is a percentage: 1…100") }
        spec.autoscaling = policy
    }

    private static func readHealthCheck(_ node: Node, _ path: String, into spec: inout ServiceSpec, fields: inout YAMLFields) {
        guard let parts = fields.mapping(node, path, allowed: ["interval", "timeout", "healthy-threshold", "unhealthy-threshold", "deregistration-delay"]) else { return }
        var hc = spec.healthCheck
        let aws = HealthCheckSettings.awsDefault
        for (key, _, value) in parts {
            let p = "\(path).\(key)"
            switch key {
            case "interval": fields.duration(value, p, in: 5...300).map { hc.intervalSeconds = $0; note(&spec, "health-check interval \($0) s", aws: aws.intervalSeconds, $0) }
            case "timeout": fields.duration(value, p, in: 2...120).map { hc.timeoutSeconds = $0; note(&spec, "health-check timeout \($0) s", aws: aws.timeoutSeconds, $0) }
            case "healthy-threshold": fields.integer(value, p, in: 2...10).map { hc.healthyThreshold = $0; note(&spec, "healthy threshold \($0)", aws: aws.healthyThreshold, $0) }
            case "unhealthy-threshold": fields.integer(value, p, in: 2...10).map { hc.unhealthyThreshold = $0; note(&spec, "unhealthy threshold \($0)", aws: aws.unhealthyThreshold, $0) }
            case "deregistration-delay":
                fields.duration(value, p, in: 0...3_600).map { hc.deregistrationDelaySeconds = $0; note(&spec, "deregistration delay \($0) s", aws: aws.deregistrationDelaySeconds, $0) }
            default: break
            }
        }
        spec.healthCheck = hc
    }

    private static func readDeployment(_ node: Node, _ path: String, into spec: inout ServiceSpec, fields: inout YAMLFields) {
        guard let parts = fields.mapping(node, path, allowed: ["minimum-healthy-percent", "maximum-percent", "circuit-breaker", "rollback"]) else { return }
        var d = spec.deployment
        for (key, _, value) in parts {
            let p = "\(path).\(key)"
            switch key {
            case "minimum-healthy-percent": fields.integer(value, p, in: 0...100).map { d.minimumHealthyPercent = $0; note(&spec, "minimum healthy \($0)%", aws: 100, $0) }
            case "maximum-percent": fields.integer(value, p, in: 100...200).map { d.maximumPercent = $0; note(&spec, "maximum \($0)%", aws: 200, $0) }
            case "circuit-breaker": fields.bool(value, p).map { d.circuitBreakerEnabled = $0 }
            case "rollback": fields.bool(value, p).map { d.rollbackOnFailure = $0; if $0 { spec.overrides.append("circuit-breaker rollback on (off unless set)") } }
            default: break
            }
        }
        spec.deployment = d
    }

    private static func note(_ spec: inout ServiceSpec, _ text: String, aws: Int, _ value: Int) {
        if value != aws { spec.overrides.append("\(text) (AWS default \(aws))") }
    }
}
