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
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The simulation: pure, deterministic, no I/O, no clock, no dependencies.
        .target(name: "FleetSim"),
        // Scenarios: scenario files (YAML), the fault catalogue, the built-in pack.
        .target(name: "Scenarios", dependencies: ["FleetSim", .product(name: "Yams", package: "Yams")]),
        // Runs a game: command log, injects, bots, headless runs.
        .target(name: "Session", dependencies: ["FleetSim", "Scenarios"]),
        // Pure UI: layout, panes, widgets, themes, key map, command line.
        .target(name: "Console", dependencies: ["FleetSim", "Scenarios", "Session", .product(name: "Yams", package: "Yams")]),
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
            name: "ScenariosTests", dependencies: ["FleetSim", "Scenarios", "Session"],
            exclude: ["Broken"]
        ),
        .testTarget(
            name: "ConsoleTests", dependencies: ["FleetSim", "Scenarios", "Session", "Console"],
            exclude: ["__Snapshots__", "BrokenThemes"]
        ),
        .testTarget(name: "GamedayCLITests", dependencies: ["gameday"]),
    ]
)
