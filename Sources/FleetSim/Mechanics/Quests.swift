/// A side goal of a scenario with a score bonus, checked by the simulation
/// every tick and shown when met ("autoscaling on rentals before 00:10",
/// "roll back the bad deploy within 5 minutes").
public struct Quest: Sendable, Hashable {
    public enum Goal: Sendable, Hashable {
        /// Target tracking enabled on the service at the tick (and so still on then).
        case autoscaling(service: String, byTick: Int)
        /// After a bad deploy is injected into the service, a healthy version is
        /// rolling out within the time of the bad version showing itself (taking
        /// traffic, or a task failing to start).
        case rollback(service: String, withinSeconds: Int)
        /// Customer availability at least `percent` from the start to the tick.
        case availability(percent: Double, untilTick: Int)
        /// Every incident acknowledged within the time of opening, until the tick.
        case acknowledge(withinSeconds: Int, untilTick: Int)
        /// Spend stays within the budget until the tick.
        case budget(untilTick: Int)
    }

    public var title: String
    public var bonus: Double
    public var goal: Goal

    public init(title: String, bonus: Double, goal: Goal) {
        self.title = title
        self.bonus = bonus
        self.goal = goal
    }
}

/// Where a quest stands.
public struct QuestProgress: Sendable, Hashable {
    /// `notDue`: the game ended before the quest came up (a rollback quest whose bad
    /// deploy never arrived, in a game cut short): neither met nor missed.
    public enum Status: UInt8, Sendable, Hashable { case pending, met, failed, notDue }

    public var quest: Quest
    public var status: Status = .pending
    /// When it was met or failed.
    public var decidedAt: Int?
    /// For rollback quests: when the bad deploy arrived.
    public var armedAt: Int?
    /// For rollback quests: when the bad version first showed itself (a task took
    /// traffic or failed to start): the quest's clock starts then.
    public var trafficAt: Int?

    /// The tick by which it is decided at the latest (a rollback quest's once its bad version takes traffic).
    public var deadline: Int? {
        switch quest.goal {
        case let .autoscaling(_, by): by
        case let .rollback(_, within): trafficAt.map { $0 + within }
        case let .availability(_, until), let .acknowledge(_, until), let .budget(until): until
        }
    }
}

extension World {
    mutating func armRollbackQuests(after fault: Fault) {
        guard case let .badDeploy(service, _) = fault else { return }
        for q in quests.indices {
            if case .rollback(service, _) = quests[q].quest.goal, quests[q].status == .pending, quests[q].armedAt == nil {
                quests[q].armedAt = tick
            }
        }
    }

    mutating func evaluateQuests() {
        // A rollback quest's clock starts when the bad version shows itself, as an operator's
        // would: a task of it takes traffic, or one fails to start.
        for q in quests.indices where quests[q].status == .pending && quests[q].armedAt != nil && quests[q].trafficAt == nil {
            guard case let .rollback(name, _) = quests[q].quest.goal, let s = service(named: name) else { continue }
            let armed = quests[q].armedAt!
            let bad = s.deployments.filter { $0.startedAt >= armed && !s.spec.versions[$0.versionIndex].isHealthyRelease }
            let shown = bad.contains { d in d.failedTasks > 0 || s.tasks.contains { $0.deploymentID == d.id && $0.isInService } }
            if shown { quests[q].trafficAt = tick }
        }
        for q in quests.indices where quests[q].status == .pending {
            switch check(quests[q]) {
            case .met?: decide(q, .met)
            case .failed?: decide(q, .failed)
            default: break
            }
        }
    }

    /// A quest's fate at this tick: decided once its deadline comes (a "by T" quest pays only
    /// if its condition holds at T), or as soon as it can no longer be met.
    private func check(_ progress: QuestProgress) -> QuestProgress.Status? {
        switch progress.quest.goal {
        case let .autoscaling(service, by):
            guard tick >= by else { return nil }
            return self.service(named: service)?.autoscaling.enabled == true ? .met : .failed
        case let .rollback(service, within):
            guard let armed = progress.armedAt, let s = self.service(named: service), let primary = s.primary else { return nil }
            if primary.startedAt > armed && s.spec.versions[primary.versionIndex].isHealthyRelease { return .met }
            guard let traffic = progress.trafficAt else { return nil }
            return tick - traffic >= within ? .failed : nil
        case let .availability(percent, until):
            guard tick >= until else { return nil }
            return score.availability * 100 >= percent ? .met : .failed
        case let .acknowledge(within, until):
            if lateAcknowledgement(within: within, until: until) { return .failed }
            return tick >= until ? .met : nil
        case let .budget(until):
            if score.spendDollars > fleet.scoring.budgetDollars { return .failed }
            return tick >= until ? .met : nil
        }
    }

    /// Whether an incident opened before `until` waited longer than `within` to be acknowledged.
    private func lateAcknowledgement(within: Int, until: Int) -> Bool {
        incidents.contains { ($0.acknowledgedAt ?? tick) - $0.openedAt > within && $0.openedAt < until }
    }

    /// The game is over: every quest still pending is decided now, its deadline reached
    /// (a rollback quest whose bad deploy never came was never due).
    public mutating func settleQuests() {
        for q in quests.indices where quests[q].status == .pending {
            if case .rollback = quests[q].quest.goal, quests[q].armedAt == nil {
                quests[q].status = .notDue
                quests[q].decidedAt = tick
                continue
            }
            let met: Bool
            switch quests[q].quest.goal {
            case let .autoscaling(service, _): met = self.service(named: service)?.autoscaling.enabled == true
            case .rollback: met = false
            case let .availability(percent, _): met = score.availability * 100 >= percent
            case let .acknowledge(within, until): met = !lateAcknowledgement(within: within, until: until)
            case .budget: met = score.spendDollars <= fleet.scoring.budgetDollars
            }
            decide(q, met ? .met : .failed)
        }
    }

    private mutating func decide(_ q: Int, _ status: QuestProgress.Status) {
        quests[q].status = status
        quests[q].decidedAt = tick
        if status == .met { score.questPoints += quests[q].quest.bonus }
        record(nil, status == .met ? .questMet(title: quests[q].quest.title, bonus: quests[q].quest.bonus) : .questFailed(title: quests[q].quest.title))
    }
}

extension QuestProgress: StableHashable {
    public func hash(into h: inout StableHasher) {
        // A quest that never came up hashes as the miss it used to be, so recordings made before
        // `notDue` existed still verify (its `armedAt` of nil tells the two apart anyway).
        h.combine(quest.title); h.combine(Int((status == .notDue ? Status.failed : status).rawValue)); h.combine(decidedAt); h.combine(armedAt); h.combine(trafficAt)
    }
}
