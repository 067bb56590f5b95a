/// What each fault does to the world, and the checks that need a world
/// (does the service, zone or version exist). Everything else about a fault
/// is declared in its `FaultKind`.
extension World {
    /// Checks an inject against this world without applying it.
    public func check(_ fault: Fault) throws(CommandError) {
        let kind = fault.kind
        let values = fault.values
        try kind.validate(values)
        var service: Int?
        for (parameter, value) in zip(kind.parameters, values) {
            switch parameter.kind {
            case let .service(tasksOnly):
                service = tasksOnly ? try taskService(value.name!) : try anyService(value.name!)
            case .zone:
                guard zoneOutageUntil.indices.contains(value.zone!) else {
                    throw CommandError("unknown zone '\(ZoneName.format(value.zone!))' (zones: \(ZoneName.all(count: zoneOutageUntil.count)))")
                }
            case .version:
                if let i = service, services[i].version(named: value.name!) == nil { throw unknownVersion(value.name!, service: i) }
            case .count, .number, .duration: break
            }
        }
    }

    mutating func inject(_ fault: Fault) {
        do throws(CommandError) { try check(fault) } catch {
            record(nil, .faultRefused(fault: fault.text, reason: error.message))
            return
        }
        record(nil, .faultInjected(fault.text))
        switch fault {
        case let .hangTasks(name, count):
            let i = serviceIndex(named: name)!
            for _ in 0..<count {
                let candidates = services[i].tasks.indices.filter { services[i].tasks[$0].phase == .running && !services[i].tasks[$0].isHung }
                guard !candidates.isEmpty else { break }
                services[i].tasks[candidates[rng.nextInt(below: candidates.count)]].isHung = true
            }
        case let .killTask(name):
            let i = serviceIndex(named: name)!
            let candidates = services[i].tasks.indices.filter { services[i].tasks[$0].phase == .running }
            if !candidates.isEmpty {
                stopTask(service: i, at: candidates[rng.nextInt(below: candidates.count)], reason: .killed, immediately: true)
            }
        case let .zoneOutage(zone, seconds):
            zoneOutageUntil[zone] = max(zoneOutageUntil[zone], tick + seconds)
            for i in services.indices {
                while let j = services[i].tasks.firstIndex(where: { $0.zone == zone }) {
                    stopTask(service: i, at: j, reason: .zoneOutage, immediately: true)
                }
            }
        case let .dependencyLatency(name, addedMs, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.addedLatencyMs = addedMs
            services[i].faults.latencyUntil = tick + seconds
        case let .dependencyOutage(name, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.outageUntil = tick + seconds
        case let .trafficSpike(multiplier, seconds):
            injectedSpikes.append(TrafficSpike(startTick: tick, durationSeconds: seconds, multiplier: multiplier))
        case let .badDeploy(name, version):
            let i = serviceIndex(named: name)!
            startDeployment(service: i, versionIndex: services[i].version(named: version)!)
        case let .memoryLeak(name, rate):
            let i = serviceIndex(named: name)!
            for j in services[i].tasks.indices where services[i].tasks[j].phase == .running {
                services[i].tasks[j].leakMiBPerMinute += rate
            }
        case let .stopTask(name):
            let i = serviceIndex(named: name)!
            let candidates = services[i].tasks.indices.filter { services[i].tasks[$0].phase == .running }
            if !candidates.isEmpty {
                stopTask(service: i, at: candidates[rng.nextInt(below: candidates.count)], reason: .stoppedByUser, immediately: false)
            }
        case let .cpuHog(name, percent, seconds):
            let i = serviceIndex(named: name)!
            for j in services[i].tasks.indices where services[i].tasks[j].phase == .running {
                services[i].tasks[j].cpuHogShare = percent / 100
                services[i].tasks[j].cpuHogUntil = tick + seconds
            }
        case let .noisyNeighbour(zone, percent, seconds):
            zoneSlowdown[zone] = 1 - percent / 100
            zoneSlowdownUntil[zone] = tick + seconds
        case let .packetLoss(name, percent, seconds):
            setCallFailure(name, rate: percent / 100, kind: .packetLoss, seconds: seconds)
        case let .dnsFailure(name, seconds):
            setCallFailure(name, rate: 1, kind: .dns, seconds: seconds)
        case let .certificateExpiry(name, seconds):
            setCallFailure(name, rate: 1, kind: .certificate, seconds: seconds)
        case let .throttle(name, rate, seconds):
            let i = serviceIndex(named: name)!
            services[i].faults.throttleRequestsPerSecond = rate
            services[i].faults.throttleUntil = tick + seconds
        case let .diskFull(name):
            let i = serviceIndex(named: name)!
            for j in services[i].tasks.indices where services[i].tasks[j].phase == .running {
                services[i].tasks[j].isDiskFull = true
            }
        }
    }

    private mutating func setCallFailure(_ name: String, rate: Double, kind: CallFailure, seconds: Int) {
        let i = serviceIndex(named: name)!
        services[i].faults.callFailureRate = rate
        services[i].faults.callFailure = kind
        services[i].faults.callFailureUntil = tick + seconds
    }
}
