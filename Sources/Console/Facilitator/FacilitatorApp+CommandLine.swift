import FleetSim
import Host
import Session

/// The facilitator's command line: its words (`ConsoleWords`, place
/// `.facilitator`) act on the game; anything else gets one line saying why.
extension FacilitatorApp {
    mutating func run(_ line: String, game: inout FacilitatedGame, now: UInt64) -> [FacilitatorEffect] {
        let text = line.trimmingSpaces
        guard !text.isEmpty else {
            state.mode = .normal
            return []
        }
        do throws(CommandError) {
            guard let command = try ConsoleWords.parse(text, in: .facilitator) else {
                let verbs = ConsoleWords.all.filter { $0.places.contains(.facilitator) }.map(\.verb)
                if Command.verbs.contains(where: { $0.verb == text.split(separator: " ").first.map(String.init) }) {
                    throw CommandError("the teams give player commands: look over a team's shoulder with v")
                }
                throw CommandError("unknown command '\(text.split(separator: " ").first ?? "")' (try: \(verbs.joined(separator: ", ")))")
            }
            let message: String
            switch command {
            case .pause: message = try game.perform(.pause)
            case .resume: message = try game.perform(.resume)
            case let .speed(n): message = try game.perform(.speed(n))
            case let .facilitate(order): message = try game.perform(order)
            case .help:
                close()
                state.overlay = .help
                state.helpScroll = 0
                return []
            case .quit:
                close()
                state.overlay = .quitConfirm
                return []
            case let .theme(name):
                close()
                return [.switchTheme(name)]
            case .mute, .inject, .goto:
                throw CommandError("not a facilitator command")
            }
            close()
            say(message, now: now)
        } catch {
            fail(error.message, now: now)
        }
        return []
    }

    /// Closes the command line, keeping the entry in its history.
    private mutating func close() {
        state.commandLine.commit()
        state.completions = []
        state.mode = .normal
    }
}

/// Tab completion for the facilitator's command line: its words, then
/// team names, timeline numbers, fault names and their parameters.
enum FacilitatorCompletion {
    static func complete(_ text: String, game: FacilitatedGame, themes: [String]) -> (text: String, candidates: [String]) {
        Completion.complete(text, with: candidates(for: text, game: game, themes: themes))
    }

    static func candidates(for text: String, game: FacilitatedGame, themes: [String]) -> [String] {
        let endsWithSpace = text.last == " "
        var words = text.split(separator: " ").map(String.init)
        let partial = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        let teams = game.match.teams.map(\.name)
        if words.isEmpty {
            return ConsoleWords.all.filter { $0.places.contains(.facilitator) }.map(\.verb).filter { $0.hasPrefix(partial) }
        }
        guard let word = ConsoleWords.word(words[0], in: .facilitator), word.places.contains(.facilitator) else { return [] }
        // A list of teams after `to`: complete the name after the last comma.
        if word.argument == .targetedFault, words.last == "to", let comma = partial.lastIndex(of: ",") {
            let head = String(partial[...comma]), tail = String(partial[partial.index(after: comma)...])
            return teams.filter { $0.hasPrefix(tail) }.map { head + $0 }
        }
        guard let world = game.match.teams.first?.world ?? (try? World(fleet: game.settings.scenario.fleet, seed: game.settings.seed)) else { return [] }
        let timeline = game.timeline.upcoming(now: game.tick).map(\.id)
        return Completion.arguments(of: word, after: Array(words.dropFirst()), world: world, themes: themes,
                                    teams: word.argument == .team ? game.peopleTeams.map { game.match.teams[$0].name } : teams,
                                    timeline: timeline).filter { $0.hasPrefix(partial) }
    }
}
