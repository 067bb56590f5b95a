import ArgumentParser
import Console
import Foundation
import Net
import ScreenKit
import Session
import Terminal

extension Gameday {
    /// `gameday join HOST:PORT --team NAME --token T`: a team's console in a facilitated game day.
    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join a facilitated game day: your team's console, the same as solo play.",
            discussion: """
                The facilitator gives the address and the token (their console shows the whole line). Several \
                people may join the same team from their own terminals. The facilitator runs the clock and the \
                injects; everything else is as in solo play (press ? for every key). If the link drops, the console \
                reconnects and resumes where it was, keys typed meanwhile included.

                Example: gameday join 127.0.0.1:7420 --team red --token k3mf-q9tz-x7hp
                """)

        @Argument(help: "The host's address, HOST:PORT (PORT alone for this machine).")
        var address: String

        @Option(help: "Your team's name: one word of letters, digits, - _ or . (at most \(TeamName.maxLength)).")
        var team: String

        @Option(help: "The session token the facilitator gave.")
        var token: String

        @OptionGroup var look: ScreenOptions

        func validate() throws {
            if let problem = TeamName.problem(team, allowingSpaces: false) { throw GamedayError(problem) }
        }

        func run() throws {
            let host: ListenAddress
            do { host = try ListenAddress.parse(address) } catch { throw GamedayError(error.message) }
            guard TerminalProbe.isInteractive else { throw GamedayError(TerminalProbe.notATerminal) }
            let environment = ProcessInfo.processInfo.environment
            let size = TerminalProbe.size
            let ascii = look.ascii || !TerminalProbe.isUTF8
            let resumeFile = JoinResumeFile(host: host.host, port: host.port, team: team, environment: environment)
            let hello = ClientMessage.Hello(token: token, team: team,
                                            width: min(WireProtocol.widths.upperBound, max(WireProtocol.widths.lowerBound, size.width)),
                                            height: min(WireProtocol.heights.upperBound, max(WireProtocol.heights.lowerBound, size.height)),
                                            ascii: ascii, themes: ThemeLoader.available(environment: environment).map(\.name),
                                            resume: resumeFile.read())
            let client = TeamClient(host: host.host, port: host.port, hello: hello)
            do { try client.connect() } catch { throw GamedayError(error.description) }
            if let token = client.resumeToken { resumeFile.write(token) }
            let screen: TerminalScreen, themeProblem: String?, crashLog: CrashLog?
            do { (screen, themeProblem, crashLog) = try look.start() } catch {
                client.close()
                throw error
            }
            var loop = JoinLoop(screen: screen, client: client)
            if let themeProblem { loop.show(themeProblem) }
            let status = loop.run()
            // Ended by a signal (the terminal closed): the host keeps the console for the next join.
            let terminalWentAway = status >= 128 && loop.ended == nil
            client.close(leaving: !terminalWentAway)
            // Kept with the token of the console the host now holds, dated now: the host keeps
            // it 15 minutes from this drop, however long the game had run.
            if terminalWentAway, let token = client.resumeToken { resumeFile.write(token) } else { resumeFile.remove() }
            screen.stop()
            crashLog?.finish()
            if let ended = loop.ended {
                if ended.inError { throw GamedayError(ended.message) }
                StandardOutput.write(ended.message)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// A team client's terminal: keys and sizes go to the host, frames come back
/// and are drawn; while the link is down the last frame stays with a line
/// saying so. Blocks on input with a short timeout, never spins.
struct JoinLoop {
    let screen: TerminalScreen
    let client: TeamClient
    /// A one-off line over the console (a theme problem) and when it goes.
    private var banner: (text: String, until: Date)?
    private(set) var ended: (message: String, inError: Bool)?

    init(screen: TerminalScreen, client: TeamClient) {
        self.screen = screen
        self.client = client
    }

    static let pollMilliseconds = 16

    /// Shows a line over the console's bottom row for a few seconds.
    mutating func show(_ text: String) { banner = (text, Date().addingTimeInterval(5)) }

    mutating func run() -> Int32 {
        var drawn = -1
        var wasConnected = true
        let size = screen.size
        client.resize(width: size.width, height: size.height)
        while true {
            if let signal = screen.pendingSignal { return 128 + signal }
            switch screen.nextEvent(timeoutMilliseconds: Self.pollMilliseconds) {
            case .key(.ctrl("c"))?: return 0
            case let .key(key)?: client.send(key)
            case .resize?:
                let size = screen.size
                client.resize(width: size.width, height: size.height)
            case nil: break
            }
            let view = client.take()
            if let text = view.ended {
                ended = (text, view.endedInError)
                return 0
            }
            if view.bells > 0 { screen.bell() }
            if let theme = view.theme { switchTheme(to: theme) }
            if let shown = banner, Date() > shown.until {
                banner = nil
                drawn = -1
            }
            guard var frame = view.screen, view.frames != drawn || view.isConnected != wasConnected else { continue }
            drawn = view.frames
            wasConnected = view.isConnected
            if let line = view.status ?? banner?.text {
                let y = frame.height - 1
                frame.fill(Rect(x: 0, y: y, width: frame.width, height: 1), with: Cell(" ", role: .critical, attributes: [.reverse]))
                frame.put(" " + line, x: 0, y: y, role: .critical, attributes: [.reverse, .bold])
            }
            screen.draw(frame)
        }
    }

    private mutating func switchTheme(to name: String) {
        do {
            let (theme, _) = try ThemeLoader.load(name, environment: ProcessInfo.processInfo.environment)
            screen.configure(theme: theme, depth: screen.depth)
        } catch {
            show("\(error)".split(separator: "\n").first.map(String.init) ?? "cannot load theme \(name)")
        }
    }
}
