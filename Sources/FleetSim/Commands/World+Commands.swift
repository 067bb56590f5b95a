/// Validation and effect of player commands. `check` says why a command
/// would be refused without changing anything; `apply` checks and applies.
extension World {
    public func check(_ command: Command) throws(CommandError) {
        switch command {
        case let .scale(name, count):
            _ = try taskService(name)
            guard (0...Self.maxTasksPerService).contains(count) else {
                throw CommandError("count must be 0…\(Self.maxTasksPerService), got \(count)")
            }
        case let .autoscale(name, change):
            let i = try taskService(name)
            var policy = services[i].autoscaling
            Self.merge(change, into: &policy)
            guard (0...Self.maxTasksPerService).contains(policy.minCapacity),
                  (1...Self.maxTasksPerService).contains(policy.maxCapacity) else {
                throw CommandError("min must be 0…\(Self.maxTasksPerService) and max 1…\(Self.maxTasksPerService)")
            }
            guard policy.minCapacity <= policy.maxCapacity else {
                throw CommandError("min (\(policy.minCapacity)) must not exceed max (\(policy.maxCapacity))")
            }
            let range: ClosedRange<Double> = policy.metric == .cpu ? 1...100 : 1...1_000_000
            guard range.contains(policy.target) else {
                throw CommandError("target for \(policy.metric.rawValue) must be \(NumberText.format(range.lowerBound))…\(NumberText.format(range.upperBound)), got \(NumberText.format(policy.target))")
            }
        case let .deploy(name, version):
            let i = try taskService(name)
            guard let v = services[i].version(named: version) else { throw unknownVersion(version, service: i) }
            if let primary = services[i].primary, primary.versionIndex == v, primary.rollout != .failed {
                throw CommandError("\(name) is already on \(version) (use restart to replace its tasks)")
            }
        case let .rollback(name):
            let i = try taskService(name)
            if let primary = services[i].primary, primary.isRollback, primary.rollout == .inProgress {
                throw CommandError("a rollback of \(name) to \(services[i].spec.versions[primary.versionIndex].name) is already in progress")
            }
            guard rollbackTarget(service: i) != nil else {
                throw CommandError("\(name) has no earlier version to roll back to")
            }
        case let .restart(name):
            _ = try taskService(name)
        case let .timeout(name, ms):
            _ = try anyService(name)
            guard (10...60_000).contains(ms) else { throw CommandError("timeout must be 10…60000 ms, got \(NumberText.format(ms))") }
        case let .acknowledge(id):
            let incident = try openIncident(id)
            if incident.acknowledgedAt != nil { throw CommandError("incident #\(id) is already acknowledged") }
        case let .resolve(id):
            let incident = try openIncident(id)
            if incident.mitigatedAt == nil { throw CommandError("incident #\(id) is still firing: mitigate it first (\(incident.title))") }
        }
    }

    /// Gives a command now, between ticks, as an AWS API call takes effect the
    /// moment it is made (a new desired count, a deployment started, a policy
    /// registered); the fleet responds from the next tick on. A refused command
    /// changes nothing and is not recorded.
    public mutating func give(_ command: Command) throws(CommandError) {
        try check(command)
        apply(command)
    }

    /// Applies a command that passed its check earlier in the tick, as games
    /// recorded in formats 1 and 2 did (they checked a tick's commands against
    /// the world before the tick, then applied them in order): one the world
    /// refuses by now is an event, not an error. Says whether it was applied.
    public mutating func applyCheckedEarlier(_ command: Command) -> Bool {
        apply(command) == nil
    }

    /// Applies a command, or records why it was refused. Returns the refusal, if any.
    @discardableResult
    mutating func apply(_ command: Command) -> CommandError? {
        do throws(CommandError) { try check(command) } catch {
            record(command.service, .commandRejected(command: command.text, reason: error.message))
            return error
        }
        record(command.service, .command(command.text))
        switch command {
        case let .scale(name, count):
            setDesired(service: serviceIndex(named: name)!, to: count, cause: "manual: scale \(name) \(count)")
        case let .autoscale(name, change):
            let i = serviceIndex(named: name)!
            Self.merge(change, into: &services[i].autoscaling)
            let policy = services[i].autoscaling
            if policy.enabled {
                let clamped = min(max(services[i].desiredCount, policy.minCapacity), policy.maxCapacity)
                setDesired(service: i, to: clamped, cause: "registered scalable target min \(policy.minCapacity) max \(policy.maxCapacity)")
            }
            services[i].scaling.highDatapoints = 0
            services[i].scaling.lowDatapoints = 0
            let unit = policy.metric == .cpu ? "%" : " requests per target a minute"
            record(name, .autoscaling(policy.enabled
                ? "target tracking on: \(policy.metric.rawValue) \(NumberText.format(policy.target))\(unit), min \(policy.minCapacity), max \(policy.maxCapacity)"
                : "target tracking off"))
        case let .deploy(name, version):
            let i = serviceIndex(named: name)!
            startDeployment(service: i, versionIndex: services[i].version(named: version)!)
        case let .rollback(name):
            let i = serviceIndex(named: name)!
            startDeployment(service: i, versionIndex: rollbackTarget(service: i)!, isRollback: true)
        case let .restart(name):
            let i = serviceIndex(named: name)!
            startDeployment(service: i, versionIndex: launchDeployment(service: i).versionIndex)
        case let .timeout(name, ms):
            services[serviceIndex(named: name)!].spec.timeoutMs = ms
            record(name, .timeoutChanged(milliseconds: ms))
        case let .acknowledge(id):
            incidents[incidents.firstIndex { $0.id == id }!].acknowledgedAt = tick
        case let .resolve(id):
            let k = incidents.firstIndex { $0.id == id }!
            incidents[k].resolvedAt = tick
            for a in alarms.indices where alarms[a].openIncident == id { alarms[a].openIncident = nil }
        }
        return nil
    }

    /// The version `rollback` would deploy: the most recent completed version
    /// other than the one being (or last) deployed.
    public func rollbackTarget(service i: Int) -> Int? {
        let service = services[i]
        guard let primary = service.primary else { return nil }
        let history = primary.rollout == .completed ? service.completedVersions.dropLast() : service.completedVersions[...]
        return history.last { $0 != primary.versionIndex }
    }

    static func merge(_ change: AutoscaleChange, into policy: inout AutoscalingPolicy) {
        if let enabled = change.enabled { policy.enabled = enabled }
        if let metric = change.metric {
            if metric != policy.metric && change.target == nil { policy.target = metric == .cpu ? 60 : 1_000 }
            policy.metric = metric
        }
        if let target = change.target { policy.target = target }
        if let min = change.minCapacity { policy.minCapacity = min }
        if let max = change.maxCapacity { policy.maxCapacity = max }
    }

    /// Checks that `name` is a service of this fleet (one that runs tasks, when `tasksOnly`).
    public func checkService(_ name: String, tasksOnly: Bool) throws(CommandError) {
        _ = tasksOnly ? try taskService(name) : try anyService(name)
    }

    func taskService(_ name: String) throws(CommandError) -> Int {
        let i = try anyService(name)
        guard services[i].spec.runsTasks else {
            throw CommandError("\(name) is an external dependency: it runs no tasks you can change")
        }
        return i
    }

    func anyService(_ name: String) throws(CommandError) -> Int {
        guard let i = serviceIndex(named: name) else {
            throw CommandError("unknown service '\(name)' (services: \(services.map(\.name).joined(separator: ", ")))")
        }
        return i
    }

    func unknownVersion(_ version: String, service i: Int) -> CommandError {
        CommandError("unknown version '\(version)' of \(services[i].name) (versions: \(services[i].spec.versions.map(\.name).joined(separator: ", ")))")
    }

    private func openIncident(_ id: Int) throws(CommandError) -> Incident {
        guard let incident = incidents.first(where: { $0.id == id }) else {
            let open = openIncidents.map { "#\($0.id)" }
            throw CommandError("no incident #\(id) (open: \(open.isEmpty ? "none" : open.joined(separator: ", ")))")
        }
        if incident.resolvedAt != nil { throw CommandError("incident #\(id) is already resolved") }
        return incident
    }
}
