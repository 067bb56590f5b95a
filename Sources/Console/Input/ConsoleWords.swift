import FleetSim
import Host
import Session

/// A command-line word the console itself understands, parsed and typed.
public enum ConsoleCommand: Sendable, Hashable {
    case pause, resume, speed(Int), mute, theme(String), help, quit
    /// Practise: a fault injected into every team of the match.
    case inject(Fault)
    /// Replay: go to a game time.
    case goto(tick: Int)
    /// The facilitator's: injects with targets, the timeline, broadcasts and hints.
    case facilitate(FacilitatorCommand)
}

/// One console word: its usage, what it does, where it works, what it needs,
/// what its arguments complete to, and how it parses. The command line's
/// dispatch, completion, the help overlay and the README all read `ConsoleWords.all`.
public struct ConsoleWord: Sendable {
    /// What the word's argument completes to.
    public enum Argument: Sendable { case none, speed, theme, fault, time, targetedFault, team, timelineEntry }
    /// Which command lines have the word.
    public enum Place: Sendable, Hashable { case play, replay, facilitator }

    public var verb: String
    /// Other spellings that work too (`q` for quit, as in vi).
    public var aliases: [String] = []
    public var usage: String
    public var summary: String
    public var places: [Place]
    /// What a console's role must grant for the word to work (a team cannot pause a facilitated game).
    public var power: ConsolePower
    public var argument: Argument
    let parse: @Sendable (_ arguments: [String]) throws(CommandError) -> ConsoleCommand

    public var inLivePlay: Bool { places.contains(.play) }
    public var inReplay: Bool { places.contains(.replay) }
}

public enum ConsoleWords {
    static var speedList: String { GameClock.speeds.map(String.init).joined(separator: ", ") }

    private static let everywhere: [ConsoleWord.Place] = [.play, .replay, .facilitator]

    private static func bare(_ verb: String, _ summary: String, in places: [ConsoleWord.Place] = everywhere, power: ConsolePower = .look,
                             _ command: ConsoleCommand) -> ConsoleWord {
        ConsoleWord(verb: verb, usage: verb, summary: summary, places: places, power: power, argument: .none) { arguments throws(CommandError) in
            if let extra = arguments.first { throw CommandError("unexpected '\(extra)' after \(verb)") }
            return command
        }
    }

    public static let all: [ConsoleWord] = [
        ConsoleWord(verb: "inject", usage: "inject FAULT …", summary: "practise: inject a fault (every team gets it, rivals too)",
                    places: [.play], power: .inject, argument: .fault) { arguments throws(CommandError) in
            .inject(try Fault.parse(arguments.joined(separator: " ")))
        },
        bare("pause", "pause the game", power: .clock, .pause),
        bare("resume", "resume the game", power: .clock, .resume),
        ConsoleWord(verb: "speed", usage: "speed N", summary: "game speed: \(speedList)", places: everywhere, power: .clock,
                    argument: .speed) { arguments throws(CommandError) in
            guard arguments.count == 1, let speed = Int(arguments[0]), GameClock.speeds.contains(speed) else {
                throw CommandError("speed must be one of \(speedList)")
            }
            return .speed(speed)
        },
        bare("mute", "turn the incident bell off or on", in: [.play, .replay], .mute),
        ConsoleWord(verb: "theme", usage: "theme NAME|FILE", summary: "switch colours (gameday themes list)", places: everywhere, power: .look,
                    argument: .theme) { arguments throws(CommandError) in
            guard arguments.count == 1 else { throw CommandError("theme needs a name or a file (see gameday themes list)") }
            return .theme(arguments[0])
        },
        ConsoleWord(verb: "goto", aliases: ["seek"], usage: "goto TIME", summary: "replay: go to a time, e.g. goto 00:12:00", places: [.replay],
                    power: .look, argument: .time) { arguments throws(CommandError) in
            guard arguments.count == 1, let tick = GameTime.parse(arguments[0]) else { throw CommandError("goto needs a time such as 00:12:00 or 12m") }
            return .goto(tick: tick)
        },
        bare("help", "show keys and commands", .help),
        {
            var word = bare("quit", "as q: leave the game (asks first; the facilitator's ends it for every team)", .quit)
            word.aliases = ["q"]
            return word
        }(),
    ] + FacilitatorWords.all

    /// The word for `verb` on a command line of `place`; a word of another
    /// place when none is, so that its parser can say where it works.
    public static func word(_ verb: String, in place: ConsoleWord.Place = .play) -> ConsoleWord? {
        let named = all.filter { $0.verb == verb || $0.aliases.contains(verb) }
        return named.first { $0.places.contains(place) } ?? named.first
    }

    /// The console command a line holds, nil when it is not a console word
    /// (then it is a player command), or why it is wrong.
    public static func parse(_ line: String, in place: ConsoleWord.Place = .play) throws(CommandError) -> ConsoleCommand? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first, let word = word(verb, in: place) else { return nil }
        return try word.parse(Array(words.dropFirst()))
    }
}
