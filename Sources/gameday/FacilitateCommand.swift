import ArgumentParser
import Console
import FleetSim
import Foundation
import Host
import Net
import NIOCore
import Scenarios
import ScreenKit
import Session
import Terminal

extension Gameday {
    /// `gameday facilitate`: hosts a game day for several teams and opens the facilitator's console.
    struct Facilitate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Host a game day for several teams over the network and run it from the facilitator's console.",
            discussion: """
                Teams join with gameday join HOST:PORT --team NAME --token TOKEN (the console shows the line to give \
                them). Every team plays the same scenario, seed and difficulty on one clock that you start, pause and \
                speed; you fire, delay or skip the scenario's injects, inject faults into some teams or all, broadcast, \
                send hints, and look over any team's shoulder. Press ? in the console for every key.

                The host listens on loopback unless --listen names another address. Each team's game is recorded, \
                with a session file beside them (gameday replay / debrief SESSIONFILE).

                With --ssh, people join from any terminal with no install: ssh -p PORT TEAM@HOST, the token as the \
                password (or a key listed in --authorized-keys). The host key is made on first use and kept in \
                $XDG_DATA_HOME/gameday; the console's top line shows its fingerprint. With --web, a read-only \
                scoreboard for the room's projector: leaderboard, clock and broadcasts, live.

                Examples:
                  gameday facilitate --scenario flash-sale
                  gameday facilitate --scenario az-outage --teams 6 --bots expert,autoscaler --listen 0.0.0.0:7420
                  gameday facilitate --scenario flash-sale --ssh 0.0.0.0:2222 --web 0.0.0.0:8080
                """)

        @OptionGroup var game: GameOptions

        @Option(help: "Where to listen for teams: HOST:PORT, or :PORT for loopback.")
        var listen = "127.0.0.1:\(ListenAddress.defaultPort)"

        @Option(help: "Also serve team consoles over SSH at HOST:PORT (ssh -p PORT TEAM@HOST, the token as password).")
        var ssh: String?

        @Option(help: "With --ssh: an OpenSSH authorized_keys file whose keys may log in without the token.")
        var authorizedKeys: String?

        @Option(help: "Also serve the projector scoreboard page at HOST:PORT (http://HOST:PORT/).")
        var web: String?

        @Option(help: "The session token teams must give (8 to 128 printable characters); made up when not given.")
        var token: String?

        @Option(help: "The most teams of people that may join (1…256).")
        var teams = 8

        @Option(help: "Bot teams on the leaderboard, comma-separated: \(BotKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var bots: String?

        @Option(help: "Starting game speed: \(GameClock.speeds.map { "\($0)" }.joined(separator: ", ")).")
        var speed = 1

        @Flag(help: "Do not record the session.")
        var noRecord = false

        @Option(help: "The folder for the session's recordings (default: under $XDG_DATA_HOME/gameday/recordings).")
        var record: String?

        @OptionGroup var look: ScreenOptions

        func validate() throws {
            guard (1...256).contains(teams) else { throw GamedayError("--teams must be 1…256, got \(teams)") }
            guard GameClock.speeds.contains(speed) else {
                throw GamedayError("speed must be one of \(GameClock.speeds.map { "\($0)" }.joined(separator: ", ")), got \(speed)")
            }
            if let token, let problem = SessionToken.problem(token) { throw GamedayError(problem) }
            if authorizedKeys != nil && ssh == nil { throw GamedayError("--authorized-keys needs --ssh HOST:PORT") }
            // Two doors on one port: say which, rather than "in use" from the second bind.
            let doors = [("--listen", listen as String?), ("--ssh", ssh), ("--web", web)].compactMap { flag, text in
                text.flatMap { try? ListenAddress.parse($0) }.map { (flag, $0) }
            }
            // The same port on the same host, or on every host (0.0.0.0, ::) and any other.
            let anyHost: Set<String> = ["0.0.0.0", "::", "[::]", "*"]
            func clash(_ a: ListenAddress, _ b: ListenAddress) -> Bool {
                a.port == b.port && (a.host == b.host || anyHost.contains(a.host) || anyHost.contains(b.host))
            }
            for (n, (flag, address)) in doors.enumerated() where address.port != 0 {
                if let (other, _) = doors.prefix(n).first(where: { clash($0.1, address) }) {
                    throw GamedayError("\(other) and \(flag) both ask for port \(address.port): give each its own port")
                }
            }
            _ = try botKinds()
        }

        func botKinds() throws -> [BotKind] {
            guard let bots else { return [] }
            return try bots.split(separator: ",").map { name in
                guard let kind = BotKind(rawValue: String(name)) else {
                    throw GamedayError("unknown bot '\(name)' (bots: \(BotKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return kind
            }
        }

        func run() throws {
            let address: ListenAddress
            do { address = try ListenAddress.parse(listen) } catch { throw GamedayError("--listen: \(error.message)") }
            let environment = ProcessInfo.processInfo.environment
            let doorways = try RoomDoors(ssh: ssh, authorizedKeys: authorizedKeys, web: web, theme: look.theme, noColor: look.noColor,
                                         environment: environment)
            let (scenario, seed, durationSeconds) = try game.resolve()
            let settings = GameSettings(scenario: scenario, seed: seed, durationSeconds: durationSeconds, difficulty: game.difficulty,
                                        maxTeams: teams, bots: try botKinds())
            let token = self.token ?? SessionToken.generate()
            let server = HostServer(room: Room(game: try FacilitatedGame(settings, speed: speed)),
                                    configuration: HostConfiguration(listen: address, token: token))
            var recording: SessionRecording?
            if !noRecord {
                let hint = " (run without recording: --no-record; or choose the folder: --record FOLDER)"
                let folder: String
                if let record {
                    do { try DataFolders.create(record) } catch { throw GamedayError("\(error)\(hint)") }
                    folder = record
                } else {
                    folder = try SessionRecording.newFolder(scenario: scenario.id, environment: environment, hint: hint)
                }
                let session = try SessionRecording(folder: folder, settings: settings, appVersion: Gameday.version, hint: hint)
                // A recording that cannot be written (a full disk) is news for the facilitator, once.
                server.onProgress = { [weak server] game in
                    session.progress(game)
                    for problem in session.takeProblems() { server?.notifyFacilitator(problem, isError: true) }
                }
                recording = session
            }
            let frames = Mailbox<CellBuffer>()
            let effects = Queue<FacilitatorEffect>()
            server.onFacilitatorFrame = { frames.put($0) }
            server.onFacilitatorEffect = { effects.append($0) }
            let bound: SocketAddressDescription
            let doors: RoomDoors.Opened
            do {
                bound = SocketAddressDescription(try server.start(), asked: address)
                doors = try doorways.open(on: server)
            } catch {
                server.stop()
                recording?.discard()
                throw GamedayError(error.description)
            }
            let screen: TerminalScreen, themeProblem: String?, crashLog: CrashLog?
            do { (screen, themeProblem, crashLog) = try look.start() } catch {
                server.stop()
                recording?.discard()
                throw error
            }
            server.facilitatorGlyphs = screen.glyphs
            let join = "gameday join \(bound.text) --token \(token) --team NAME" + (doors.sshLine.map { "  ·  \($0)" } ?? "")
            let themes = ThemeLoader.available(environment: environment).map(\.name)
            _ = try? server.withRoom { room in
                room.facilitator.state.joinLine = join
                room.facilitator.state.roomLine = doors.headerLine
                room.facilitator.state.doorLines = [join.components(separatedBy: "  ·  ")[0]] + doors.lines
                room.facilitator.state.themeNames = themes
            }.wait()
            if let themeProblem { server.notifyFacilitator(themeProblem, isError: true) }
            var loop = FacilitatorLoop(screen: screen, server: server, frames: frames, effects: effects)
            let status = loop.run()
            // No tick after this: the recordings' end, the standings printed here and each
            // team's goodbye are the same moment.
            _ = try? server.withRoom { $0.stopClock() }.wait()
            var unfinished: String?
            if let recording {
                do { try server.withRoom { room in recording.finish(room.game) }.wait() } catch {
                    unfinished = "the session's recordings were not finished (\(error)): they replay to their last complete line"
                }
            }
            let final = (try? server.withRoom { room in room.game.peopleTeams.isEmpty ? nil : FinalStandings(room.game) }.wait()) ?? nil
            server.stop(standings: final)
            screen.stop()
            crashLog?.finish()
            if let final {
                StandardOutput.write("final standings, \(final.when):")
                for line in final.lines { StandardOutput.write("  " + ControlCharacters.escaped(line)) }
            }
            StandardOutput.write("the game day is over. Teams joined with: \(join)")
            if let fingerprint = doors.fingerprint { StandardOutput.write("SSH host key: \(fingerprint)") }
            if let recording {
                for problem in recording.problems { StandardError.writeLine("gameday: \(problem)") }
                if let unfinished { StandardError.writeLine("gameday: \(unfinished)") }
                StandardOutput.write("session: \(recording.sessionPath)  (replay with: gameday replay \(recording.sessionPath); compare teams: gameday debrief \(recording.sessionPath))")
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// How teams reach the host: the address it bound, with the port it got.
struct SocketAddressDescription {
    let text: String

    init(_ address: SocketAddress, asked: ListenAddress) {
        let host = asked.host == "0.0.0.0" || asked.host == "::" ? (ProcessInfo.processInfo.hostName) : asked.host
        let port = address.port ?? asked.port
        text = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
