// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for gameday's parsers. A package of its own so that `swift build`
// and `swift test` at the top level never build them: run.sh builds them with
// -sanitize=fuzzer,address into .build-fuzz (git-ignored) and runs them.
//
// The checkout's folder name is the root package's identity (it is "gameday" in a
// fresh clone, but a worktree may be named anything), so it is read from this path.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let core = Target.Dependency.product(name: "GamedayCore", package: root.lastPathComponent.lowercased())

let package = Package(
    name: "gameday-fuzz",
    dependencies: [.package(path: "../..")],
    targets: [
        // Seeds shared by the targets: shipped scenarios, a short recording, commands a bot gave.
        .target(name: "FuzzSeeds", dependencies: [core]),
        .executableTarget(name: "FuzzScenario", dependencies: [core, "FuzzSeeds"]),
        .executableTarget(name: "FuzzTheme", dependencies: [core, "FuzzSeeds"]),
        .executableTarget(name: "FuzzRecording", dependencies: [core, "FuzzSeeds"]),
        .executableTarget(name: "FuzzCommandLine", dependencies: [core, "FuzzSeeds"]),
        .executableTarget(name: "FuzzProtocol", dependencies: [core, "FuzzSeeds"]),
    ]
)
