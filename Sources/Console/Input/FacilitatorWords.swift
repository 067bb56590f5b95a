import FleetSim
import Host
import Session

/// The facilitator's console words: injects with targets and times, the
/// timeline's controls, broadcasts and hints. Declared like every console
/// word, so help, completion and the README's table come from here.
enum FacilitatorWords {
    static let all: [ConsoleWord] = [
        ConsoleWord(verb: "inject", usage: "inject [to all|TEAM[,TEAM…]] [at TIME] FAULT …",
                    summary: "a fault for one team, several or all (the default), now or at a game time",
                    places: [.facilitator], power: .inject, argument: .targetedFault) { arguments throws(CommandError) in
            try parseInject(arguments)
        },
        ConsoleWord(verb: "fire", usage: "fire N", summary: "fire upcoming inject #N now", places: [.facilitator], power: .inject,
                    argument: .timelineEntry) { arguments throws(CommandError) in
            .facilitate(.fire(entry: try entry(arguments, "fire")))
        },
        ConsoleWord(verb: "delay", usage: "delay N DURATION", summary: "move upcoming inject #N later, e.g. delay 3 5m", places: [.facilitator],
                    power: .inject, argument: .timelineEntry) { arguments throws(CommandError) in
            guard arguments.count == 2, let seconds = GameTime.parse(arguments[1]), seconds > 0 else {
                throw CommandError("delay needs an inject number and a duration, e.g. delay 3 5m")
            }
            return .facilitate(.delay(entry: try entry([arguments[0]], "delay"), seconds: seconds))
        },
        ConsoleWord(verb: "skip", usage: "skip N", summary: "skip upcoming inject #N (again: put it back)", places: [.facilitator], power: .inject,
                    argument: .timelineEntry) { arguments throws(CommandError) in
            .facilitate(.skip(entry: try entry(arguments, "skip")))
        },
        ConsoleWord(verb: "broadcast", usage: "broadcast TEXT", summary: "a message on every team's console", places: [.facilitator],
                    power: .inject, argument: .none) { arguments throws(CommandError) in
            guard !arguments.isEmpty else { throw CommandError("broadcast needs a message") }
            return .facilitate(.broadcast(arguments.joined(separator: " ")))
        },
        ConsoleWord(verb: "hint", usage: "hint TEAM TEXT", summary: "a private message on one team's console", places: [.facilitator],
                    power: .inject, argument: .team) { arguments throws(CommandError) in
            guard arguments.count >= 2 else { throw CommandError("hint needs a team and a message, e.g. hint red look at the payments logs") }
            return .facilitate(.hint(team: arguments[0], text: arguments.dropFirst().joined(separator: " ")))
        },
    ]

    private static func entry(_ arguments: [String], _ verb: String) throws(CommandError) -> Int {
        guard arguments.count == 1, let n = Int(arguments[0].drop { $0 == "#" }), n > 0 else {
            throw CommandError("\(verb) needs the number of an upcoming inject (the # column)")
        }
        return n
    }

    /// `inject [to TARGET] [at TIME] FAULT ARGS…`, the options in either order.
    static func parseInject(_ arguments: [String]) throws(CommandError) -> ConsoleCommand {
        var words = arguments[...]
        var target = InjectTarget.all
        var at: Int?
        while let option = words.first, option == "to" || option == "at" {
            words = words.dropFirst()
            guard let value = words.first else { throw CommandError("\(option) needs \(option == "to" ? "a team, several (red,blue) or all" : "a game time, e.g. 00:30:00")") }
            words = words.dropFirst()
            if option == "to" {
                target = InjectTarget.parse(value)
                if case let .teams(names) = target, names.isEmpty { throw CommandError("to needs a team, several (red,blue) or all") }
            } else {
                guard let tick = GameTime.parse(value) else { throw CommandError("at needs a game time such as 00:30:00 or 30m") }
                at = tick
            }
        }
        guard !words.isEmpty else { throw CommandError("inject needs a fault: \(FaultKinds.names.joined(separator: ", "))") }
        return .facilitate(.inject(try Fault.parse(words.joined(separator: " ")), to: target, at: at))
    }
}
