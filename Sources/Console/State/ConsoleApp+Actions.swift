import FleetSim
import ScreenKit
import Session

/// What the command line and the keys do to the game and to the selection.
extension ConsoleApp {
    /// Runs a command-line entry: a console word or a player command.
    mutating func run(_ line: String, now: UInt64) -> [ConsoleEffect] {
        let text = line.trimmingSpaces
        guard !text.isEmpty else {
            state.mode = .normal
            return []
        }
        let replaying = state.replay != nil
        do throws(CommandError) {
            let place: ConsoleWord.Place = replaying ? .replay : .play
            if let verb = text.split(separator: " ").first, let word = ConsoleWords.word(String(verb), in: place),
               word.places.contains(place), !state.role.grants(word.power, replaying: replaying) {
                throw CommandError(state.role.refusal(for: word.power, replaying: replaying, team: teamName))
            }
            if let command = try ConsoleWords.parse(text, in: place) { return try perform(command, now: now) }
            guard !replaying else { throw CommandError("a replay is read-only: press T to take over, or use goto TIME") }
            guard state.role.grants(.play, replaying: false) else {
                throw CommandError(state.role.refusal(for: .play, replaying: false, team: teamName))
            }
            let command = try Command.parse(text)
            // Read before the command takes effect: it compares with the fleet as it was.
            let hint = hint(for: command)
            let effects = try give(command)
            state.commandsGiven += 1
            done("\(command.text) at \(GameTime.format(world.tick))" + hint, now: now)
            return effects
        } catch {
            fail(error.message, now: now)
        }
        return []
    }

    /// Gives a player command to the console's team: to the match in solo play,
    /// or, checked against the world as it is, to the host of a facilitated game.
    mutating func give(_ command: Command) throws(CommandError) -> [ConsoleEffect] {
        if state.role == .team {
            guard !match.isFinished else { throw CommandError("the game is over") }
            try world.check(command)
            return [.give(command)]
        }
        try match.submit(command, team: team)
        return []
    }

    private mutating func perform(_ command: ConsoleCommand, now: UInt64) throws(CommandError) -> [ConsoleEffect] {
        switch command {
        case .pause: state.clock.setPaused(true); done("paused", now: now)
        case .resume: state.clock.setPaused(false); done("resumed", now: now)
        case .mute: state.muted.toggle(); done(state.muted ? "incident bell muted" : "incident bell on", now: now)
        case .help: close(); state.overlay = .help; state.helpScroll = 0
        case .quit: close(); state.overlay = .quitConfirm
        case let .theme(name): close(); return [.switchTheme(name)]
        case let .speed(speed):
            state.clock.setSpeed(speed)
            done("speed \(speed)×", now: now)
        case let .inject(fault):
            guard state.replay == nil else { throw CommandError("a replay is read-only: press T to take over") }
            try match.submit(fault)
            done("injected into every team: \(fault.text)", now: now)
        case let .goto(tick):
            guard state.replay != nil else { throw CommandError("goto works in replays (gameday replay FILE)") }
            seek(to: tick, now: now)
            done("at \(GameTime.format(world.tick))", now: now)
        case .facilitate:
            throw CommandError("that is the facilitator's command (gameday facilitate)")
        }
        return []
    }

    /// Closes the command line, keeping the entry in its history.
    private mutating func close() {
        state.commandLine.commit()
        state.completions = []
        state.mode = .normal
    }

    private mutating func done(_ message: String, now: UInt64) {
        close()
        say(message, now: now)
    }

    /// A reminder of what happens next, so the lesson lands.
    private func hint(for command: Command) -> String {
        switch command {
        case let .scale(service, count):
            guard let current = world.service(named: service), count > current.desiredCount else { return "" }
            let hc = current.spec.healthCheck
            return current.spec.isLoadBalanced ? ": new tasks need ≈\(40 + hc.secondsToHealthy)s to take traffic" : ""
        case .deploy, .rollback, .restart: return ": rolling deployment started"
        default: return ""
        }
    }

    mutating func say(_ text: String, now: UInt64) {
        state.message = StatusMessage(text: text, isError: false, expiresAt: now + Self.messageMilliseconds)
    }

    mutating func fail(_ text: String, now: UInt64) {
        state.message = StatusMessage(text: text, isError: true, expiresAt: now + Self.messageMilliseconds)
    }

    mutating func moveFocus(by step: Int) {
        let order = layout.panes.map(\.pane)
        guard !order.isEmpty else { return }
        let index = order.firstIndex(of: state.focus) ?? 0
        state.focus = order[(index + step + order.count) % order.count]
        if Pane.tabbed.contains(state.focus) { state.tab = state.focus }
    }

    mutating func moveSelection(by step: Int) {
        switch state.focus {
        case .incidents:
            let incidents = IncidentsPane.ordered(world)
            guard !incidents.isEmpty else { return }
            let index = incidents.firstIndex { $0.id == state.selectedIncident } ?? 0
            state.selectedIncident = incidents[max(0, min(incidents.count - 1, index + step))].id
        case .events:
            state.eventsScroll = max(0, min(scrollLimit(lines: feed.entries.count, pane: .events), state.eventsScroll - step))
        case .logs:
            state.logsScroll = max(0, min(scrollLimit(lines: feed.logs(of: state.selectedService).count, pane: .logs), state.logsScroll - step))
        case .services, .scaling, .inspector, .score:
            moveServiceSelection(by: step, scalableOnly: state.focus == .scaling)
        }
    }

    /// Selects the service `step` rows down (up when negative) the services list.
    mutating func moveServiceSelection(by step: Int, scalableOnly: Bool = false) {
        var services = Self.visible(world, filter: state.filterText)
        if scalableOnly { services = services.filter(\.spec.runsTasks) }
        guard !services.isEmpty else { return }
        let index = services.firstIndex { $0.name == state.selectedService } ?? 0
        state.selectedService = services[max(0, min(services.count - 1, index + step))].name
        state.logsScroll = 0
    }

    /// How far back a feed pane scrolls: until its oldest line is at the top, the pane still full.
    func scrollLimit(lines: Int, pane: Pane) -> Int {
        max(0, lines - max(1, layout.rect(of: pane)?.inner.height ?? 1))
    }

    /// Scrolls the services and incidents lists just enough to show their selections.
    mutating func revealSelections() {
        let layout = self.layout
        if let rect = layout.rect(of: .services) {
            let services = Self.visible(world, filter: state.filterText)
            let index = services.firstIndex { $0.name == state.selectedService } ?? 0
            state.servicesView.reveal(index, rows: ServicesPane.rows(in: rect), count: services.count)
        }
        if let rect = layout.rect(of: .scaling) {
            let listed = ScalingPane.listed(world)
            if let index = listed.firstIndex(where: { world.services[$0].name == state.selectedService }) {
                state.scalingView.reveal(index, rows: ScalingPane.rows(in: rect), count: listed.count)
            }
        }
        if let rect = layout.rect(of: .incidents) {
            let incidents = IncidentsPane.ordered(world)
            let index = incidents.firstIndex { $0.id == state.selectedIncident } ?? 0
            state.incidentsView.reveal(index, rows: IncidentsPane.rows(in: rect, focused: state.focus == .incidents), count: incidents.count)
        }
    }

    mutating func openDetail() {
        if state.focus == .incidents,
           let incident = world.incidents.first(where: { $0.id == state.selectedIncident }) ?? IncidentsPane.ordered(world).first,
           world.service(named: incident.subject) != nil {
            state.selectedService = incident.subject
        }
        state.overlay = .detail
    }

    mutating func acknowledge(now: UInt64) -> [ConsoleEffect] {
        guard let target = nextIncident(where: { $0.acknowledgedAt == nil }) else {
            fail("no incident waiting to be acknowledged", now: now)
            return []
        }
        return request(.acknowledge(incident: target.id), now: now)
    }

    mutating func resolve(now: UInt64) -> [ConsoleEffect] {
        guard let target = nextIncident(where: { $0.mitigatedAt != nil }) else {
            fail("no mitigated incident to resolve: fix the cause first, the alarm must return to OK", now: now)
            return []
        }
        return request(.resolve(incident: target.id), now: now)
    }

    /// The incident `a` or `r` acts on: the selected one when the incidents pane has
    /// focus and it needs it, else the first in the pane's order that needs it
    /// (one just acknowledged or resolved no longer does: commands apply at once).
    private func nextIncident(where needs: (Incident) -> Bool) -> Incident? {
        let candidates = IncidentsPane.ordered(world).filter { $0.resolvedAt == nil && needs($0) }
        return candidates.first { $0.id == state.selectedIncident && state.focus == .incidents } ?? candidates.first
    }

    private mutating func request(_ command: Command, now: UInt64) -> [ConsoleEffect] {
        do throws(CommandError) {
            let effects = try give(command)
            state.commandsGiven += 1
            say(command.text, now: now)
            return effects
        } catch {
            fail(error.message, now: now)
            return []
        }
    }

    /// A left click selects the service or incident row under it and focuses its pane,
    /// using the same scroll offset the pane was drawn with.
    mutating func click(x: Int, y: Int) {
        guard state.screen == .playing, state.overlay == .none, state.mode == .normal else { return }
        let layout = self.layout
        guard let pane = layout.pane(atX: x, y: y), let rect = layout.rect(of: pane) else { return }
        state.focus = pane
        if Pane.tabbed.contains(pane) { state.tab = pane }
        switch pane {
        case .services:
            let services = Self.visible(world, filter: state.filterText)
            let line = y - ServicesPane.firstRowY(in: rect)
            if let index = state.servicesView.index(atLine: line, rows: ServicesPane.rows(in: rect), count: services.count) {
                state.selectedService = services[index].name
            }
        case .incidents:
            let incidents = IncidentsPane.ordered(world)
            let line = IncidentsPane.visibleIndex(atY: y, in: rect)
            if let index = state.incidentsView.index(atLine: line, rows: IncidentsPane.rows(in: rect, focused: true), count: incidents.count) {
                state.selectedIncident = incidents[index].id
            }
        default: break
        }
    }

    static func visible(_ world: World, filter: String) -> [Service] {
        filter.isEmpty ? world.services : world.services.filter { $0.name.contains(filter) }
    }
}
