import FleetSim
import ScreenKit
import Session

/// What the console's keys do to the game and to the selection.
extension ConsoleApp {
    /// Runs a command-line entry: a player command, an inject, or a console word.
    mutating func run(_ line: String, now: UInt64) -> [ConsoleEffect] {
        let text = line.trimmingSpaces
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first else {
            state.mode = .normal
            return []
        }
        func done(_ message: String) {
            state.commandLine.commit()
            state.completions = []
            state.mode = .normal
            say(message, now: now)
        }
        if let handled = runReplayWord(words, now: now) {
            if handled { done("at \(Format.clock(match.world.tick))") }
            return []
        }
        switch verb {
        case "pause": state.clock.setPaused(true); done("paused")
        case "resume": state.clock.setPaused(false); done("resumed")
        case "mute": state.muted.toggle(); done(state.muted ? "incident bell muted" : "incident bell on")
        case "help": state.commandLine.commit(); state.mode = .normal; state.overlay = .help
        case "quit", "q": state.commandLine.commit(); state.mode = .normal; state.overlay = .quitConfirm
        case "theme":
            guard words.count == 2 else {
                fail("theme needs a name or a file (themes: \(state.themeNames.joined(separator: ", ")))", now: now)
                return []
            }
            state.commandLine.commit()
            state.mode = .normal
            return [.switchTheme(words[1])]
        case "speed":
            guard words.count == 2, let speed = Int(words[1]), TickScheduler.speeds.contains(speed) else {
                fail("speed must be one of \(TickScheduler.speeds.map(String.init).joined(separator: ", "))", now: now)
                return []
            }
            while state.clock.speed < speed { state.clock.faster() }
            while state.clock.speed > speed { state.clock.slower() }
            done("speed \(speed)×")
        case "inject":
            do throws(CommandError) {
                let fault = try Fault.parse(words.dropFirst().joined(separator: " "))
                try match.submit(fault)
                done("injected into your fleet: \(fault.text)")
            } catch {
                fail(error.message, now: now)
            }
        default:
            do throws(CommandError) {
                let command = try Command.parse(text)
                try match.submit(command)
                state.commandsGiven += 1
                let when = state.clock.isPaused ? " (queued: applies when you resume)" : ""
                done("\(command.text) at \(Format.clock(match.world.tick))" + hint(for: command) + when)
            } catch {
                fail(error.message, now: now)
            }
        }
        return []
    }

    /// A reminder of what happens next, so the lesson lands.
    private func hint(for command: Command) -> String {
        switch command {
        case let .scale(service, count):
            guard let current = match.world.service(named: service), count > current.desiredCount else { return "" }
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
            let incidents = IncidentsPane.ordered(match.world)
            guard !incidents.isEmpty else { return }
            let index = incidents.firstIndex { $0.id == state.selectedIncident } ?? 0
            state.selectedIncident = incidents[max(0, min(incidents.count - 1, index + step))].id
        case .events:
            state.eventsScroll = max(0, min(match.feed.entries.count - 1, state.eventsScroll - step))
        case .logs:
            state.logsScroll = max(0, min(match.feed.logs(of: state.selectedService).count - 1, state.logsScroll - step))
        case .services, .scaling, .inspector, .score:
            var services = Self.visible(match.world, filter: state.filterText)
            if state.focus == .scaling { services = services.filter(\.spec.runsTasks) }
            guard !services.isEmpty else { return }
            let index = services.firstIndex { $0.name == state.selectedService } ?? 0
            state.selectedService = services[max(0, min(services.count - 1, index + step))].name
            state.logsScroll = 0
        }
    }

    mutating func openDetail() {
        if state.focus == .incidents,
           let incident = match.world.incidents.first(where: { $0.id == state.selectedIncident }) ?? IncidentsPane.ordered(match.world).first,
           match.world.service(named: incident.subject) != nil {
            state.selectedService = incident.subject
        }
        state.overlay = .detail
    }

    mutating func acknowledge(now: UInt64) {
        let candidates = match.world.openIncidents.filter { $0.acknowledgedAt == nil }
        let target = candidates.first { $0.id == state.selectedIncident && state.focus == .incidents } ?? candidates.first
        guard let target else { fail("no incident waiting to be acknowledged", now: now); return }
        submit(.acknowledge(incident: target.id), now: now)
    }

    mutating func resolve(now: UInt64) {
        let candidates = match.world.openIncidents.filter { $0.mitigatedAt != nil }
        let target = candidates.first { $0.id == state.selectedIncident && state.focus == .incidents } ?? candidates.first
        guard let target else {
            fail("no mitigated incident to resolve: fix the cause first, the alarm must return to OK", now: now)
            return
        }
        submit(.resolve(incident: target.id), now: now)
    }

    private mutating func submit(_ command: Command, now: UInt64) {
        do throws(CommandError) {
            try match.submit(command)
            state.commandsGiven += 1
            say(command.text, now: now)
        } catch {
            fail(error.message, now: now)
        }
    }

    /// A left click selects a service or incident row and focuses its pane.
    mutating func click(x: Int, y: Int) {
        guard state.screen == .playing, state.overlay == .none, state.mode == .normal else { return }
        let layout = self.layout
        guard let pane = layout.pane(atX: x, y: y), let rect = layout.rect(of: pane) else { return }
        state.focus = pane
        if Pane.tabbed.contains(pane) { state.tab = pane }
        switch pane {
        case .services:
            let services = Self.visible(match.world, filter: state.filterText)
            let rows = rect.height - 3
            let selected = services.firstIndex { $0.name == state.selectedService } ?? 0
            let offset = max(0, min(selected - rows + 1, services.count - rows))
            let row = y - rect.y - 2 + offset
            if row >= 0 && row < services.count { state.selectedService = services[row].name }
        case .incidents:
            let incidents = IncidentsPane.ordered(match.world)
            let row = y - rect.y - 1
            if row >= 0 && row < incidents.count { state.selectedIncident = incidents[row].id }
        default: break
        }
    }
}
