import ArgumentParser
import Console
import FleetSim
import Foundation
import Host
import ScreenKit
import Scenarios
import Session
import Terminal

extension Gameday {
    /// `gameday replay FILE`: the console over a recording, read-only, with seek and take-over.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a recorded game in the console, or check it with --verify.",
            discussion: """
                Keys while replaying: space pause, +/- speed, [ and ] seek ±1 minute, . step one tick, \
                n next incident or command, :goto TIME, T take over (live play from here, recorded as a branch).
                --verify replays headless: exit 0 when every checkpoint's world hash matches, 1 at the first divergence.
                A facilitated session's file (session.jsonl) replays as the facilitator saw it: the leaderboard, the \
                hidden truth and every team's console (v); --verify checks each team's recording.
                """)

        @Argument(help: "A recording or a session file (.jsonl).", completion: .file(extensions: ["jsonl"]))
        var file: String

        @Flag(help: "Check every checkpoint without a screen.")
        var verify = false

        @Option(help: "Replay speed: \(GameClock.speeds.map(String.init).joined(separator: ", ")).")
        var speed = 10

        @OptionGroup var look: ScreenOptions

        func run() throws {
            guard GameClock.speeds.contains(speed) else {
                throw GamedayError("speed must be one of \(GameClock.speeds.map(String.init).joined(separator: ", ")), got \(speed)")
            }
            if SessionLoader.isSessionFile(file) { return try session() }
            let recording = try RecordingLoader.load(file)
            let verification = try Verification.run(recording)
            if verify {
                if recording.isTruncated {
                    StandardOutput.write("\(file): cut short: replayed to its last complete line (line \(recording.lineCount), \(GameTime.format(recording.lastTick)))")
                }
                if let divergence = verification.divergence {
                    let line = divergence.line.map { ":\($0)" } ?? ""
                    StandardOutput.write("\(file)\(line): diverged at \(GameTime.format(divergence.tick)) (tick \(divergence.tick)): \(divergence.description)")
                    throw ExitCode(1)
                }
                StandardOutput.write("\(file): ok: \(verification.checkpoints) checkpoints match, \(GameTime.format(verification.lastTick)) replayed")
                return
            }
            let match = try Match(replaying: recording)
            let replay = ReplayState(file: file, endTick: recording.lastTick, isTruncated: recording.isTruncated,
                                     commandTicks: recording.commandTicks, incidentTicks: verification.incidentTicks, start: match)
            let (screen, themeProblem, crashLog) = try look.start()
            var loop = ConsoleLoop(screen: screen, app: ConsoleApp(replaying: match, replay: replay, speed: speed))
            let file = self.file
            loop.startBranch = { tick, session throws(GamedayError) in
                let header = RecordingHeader(appVersion: Gameday.version, scenario: recording.scenario, difficulty: recording.header.difficulty,
                                             seed: recording.header.seed, durationSeconds: recording.header.durationSeconds,
                                             team: recording.header.team, parentFile: file, branchTick: tick)
                let folder = (file as NSString).deletingLastPathComponent
                let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension + "-branch-\(tick)"
                let output = try RecordingFile.createUnique(in: folder.isEmpty ? "." : folder, name: name, hint: "")
                let branch = try GameRecording(file: output, header: header, hint: "")
                branch.record(session)
                return branch
            }
            ScreenOptions.prepare(&loop.app, themeProblem: themeProblem)
            let status = loop.run()
            screen.stop()
            crashLog?.finish()
            if recording.isTruncated { StandardOutput.write("\(file) was cut short: replayed to its last complete line") }
            if let branch = loop.recording {
                if let stop = branch.stop { StandardError.writeLine("gameday: \(stop.summary)") }
                StandardOutput.write("branch recording: \(branch.path)  (replay with: gameday replay \(branch.path))")
            }
            if status != 0 { throw ExitCode(status) }
        }

        /// A facilitated session: each team's recording verified, or the facilitator's console replayed.
        private func session() throws {
            let record = try SessionLoader.load(file)
            if verify {
                var diverged = false
                for (team, recording) in record.teams {
                    let result = try Verification.run(recording)
                    if let divergence = result.divergence {
                        diverged = true
                        StandardOutput.write("\(team): diverged at \(GameTime.format(divergence.tick)): \(divergence.description)")
                    } else {
                        StandardOutput.write("\(team): ok: \(result.checkpoints) checkpoints match, \(GameTime.format(result.lastTick)) replayed")
                    }
                }
                StandardOutput.write("\(file): \(record.teams.count) team\(record.teams.count == 1 ? "" : "s")" + (record.isTruncated ? ", cut short at its last line" : ""))
                if diverged { throw ExitCode(1) }
                return
            }
            let game = try FacilitatedGame(replaying: record, speed: speed)
            let (screen, themeProblem, crashLog) = try look.start()
            var app = FacilitatorApp()
            app.state.joinLine = "REPLAY of \((file as NSString).lastPathComponent)"
            if let themeProblem { app.notify(themeProblem, isError: true, now: 0) }
            var loop = SessionReplayLoop(screen: screen, app: app, game: game, lastTick: record.lastTick)
            let status = loop.run()
            screen.stop()
            crashLog?.finish()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
