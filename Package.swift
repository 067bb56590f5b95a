// swift-tools-version:6.0
import PackageDescription

// Layers (arrows are the only allowed imports), see README "Architecture":
//   gameday ─> Terminal ─> CNcurses
//          ─> Console ─> Session ─> Scenarios ─> FleetSim
// Console renders into a plain cell buffer and never imports Terminal.
let package = Package(
    name: "gameday",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gameday", targets: ["gameday"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The simulation: pure, deterministic, no I/O, no clock, no dependencies.
        .target(name: "FleetSim"),
        // Scenarios: the built-in scenario pack and scenario data.
        .target(name: "Scenarios", dependencies: ["FleetSim"]),
        // Runs a game: command log, injects, bots, headless runs.
        .target(name: "Session", dependencies: ["FleetSim", "Scenarios"]),
        // Pure UI: layout, panes, widgets, themes, key map, command line.
        .target(name: "Console", dependencies: ["FleetSim", "Scenarios", "Session"]),
        // ncursesw behind a small C interface (no curses macros reach Swift).
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
        ),
        // Draws cell buffers with ncurses, reads keys, handles resize and signals.
        .target(name: "Terminal", dependencies: ["CNcurses", "Console"]),
        .executableTarget(
            name: "gameday",
            dependencies: [
                "FleetSim", "Scenarios", "Session", "Console", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FleetSimTests", dependencies: ["FleetSim"]),
        .testTarget(name: "SessionTests", dependencies: ["FleetSim", "Scenarios", "Session"]),
        .testTarget(
            name: "ConsoleTests", dependencies: ["FleetSim", "Scenarios", "Session", "Console"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "GamedayCLITests", dependencies: ["gameday"]),
    ]
)
