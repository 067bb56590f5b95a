import FleetSim
import Foundation
import Scenarios
import Session

/// Writes a fuzz target's starting corpus when `GAMEDAY_FUZZ_SEEDS` names a folder
/// (run.sh asks each target once before fuzzing), then exits. Shipped files
/// (themes/*.yaml, demo/*.jsonl) are copied by run.sh; what only the code knows —
/// the built-in scenario texts, a short recording, commands the expert bot gave — is written here.
public enum FuzzSeeds {
    /// Call from `LLVMFuzzerInitialize`: writes `seeds()` and exits when asked to.
    public static func writeIfAsked(_ seeds: () -> [String]) {
        guard let folder = ProcessInfo.processInfo.environment["GAMEDAY_FUZZ_SEEDS"], !folder.isEmpty else { return }
        for (n, seed) in seeds().enumerated() {
            let path = folder + "/seed-\(n).txt"
            guard FileManager.default.createFile(atPath: path, contents: Data(seed.utf8)) else {
                FileHandle.standardError.write(Data("cannot write \(path)\n".utf8))
                exit(1)
            }
        }
        exit(0)
    }

    /// The first-day fleet, for completing service names.
    public static let world: World? = try? World(fleet: BuiltInScenarios.firstDay.fleet, seed: 1)

    /// The text of every built-in scenario.
    public static var scenarios: [String] { BuiltInScenarios.all.map(\.sourceText) }

    /// A few short recordings: the expert bot on three scenarios for five minutes.
    public static var recordings: [String] {
        ["first-day", "bad-deploy", "az-outage"].compactMap { id -> String? in
            guard let scenario = BuiltInScenarios.named(id) else { return nil }
            var recorder = Recorder(header: RecordingHeader(appVersion: "fuzz", scenario: scenario, difficulty: .normal, seed: 7,
                                                            durationSeconds: 300, team: "fuzz"))
            var lines = [recorder.headerLine]
            var last: GameSession?
            do {
                _ = try HeadlessRun.play(scenario: scenario, seed: 7, durationSeconds: 300, bot: .expert, script: [
                    ScheduledCommand(tick: 30, command: .scale(service: "web", count: 5)),
                ], onTick: { session in
                    lines += recorder.lines(for: session)
                    last = session
                })
            } catch { return nil }
            if let last { lines.append(recorder.endLine(for: last)) }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Player commands, injects and console words as people type them.
    public static var commandLines: [String] {
        var lines = ["scale web 6", "autoscale web on metric cpu target 60 min 2 max 20", "autoscale rentals off", "deploy rentals v2",
                     "rollback rentals", "restart web", "ack 1", "resolve 2", "timeout payments 800", "pause", "resume", "speed 30",
                     "mute", "theme light", "goto 00:12:00", "help", "quit", "inject spike 8 10m", "inject latency payment-provider 2000 5m",
                     "inject zone-outage b 00:10:00", "inject cpu-hog web 90 1h30m", "inject hang web 2", "inject leak rentals 40"]
        for id in ["first-day", "microservices-madness"] {
            guard let scenario = BuiltInScenarios.named(id) else { continue }
            if let run = try? GameSession(scenario: scenario, seed: 3, durationSeconds: 1) {
                lines += run.schedule.map { "inject " + $0.fault.text }
            }
        }
        return lines
    }
}
