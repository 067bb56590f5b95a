// swift-tools-version:6.1
import PackageDescription

// Layers (arrows are the only allowed imports), see README "Architecture":
//   gameday ─> Benchmarks ─> Terminal ─> CNcurses
//           ─> Net ─> Console ─> Host ─> Session ─> Scenarios ─> FleetSim
//   Console and Terminal both draw with ScreenKit, which knows nothing of the game.
// Console renders into a plain cell buffer and never imports Terminal; Host and
// Console are pure; the network (SwiftNIO) lives in Net, the wall clock in gameday and Net.
let package = Package(
    name: "gameday",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gameday", targets: ["gameday"]),
        // The parsers and the game without the command line, for the fuzz targets in
        // Tests/Fuzz (a separate package built with -sanitize=fuzzer; see Tests/Fuzz/run.sh).
        .library(name: "GamedayCore", targets: ["FleetSim", "Scenarios", "Session", "ScreenKit", "Host", "Console", "Net"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The simulation: pure, deterministic, no I/O, no clock, no dependencies.
        .target(name: "FleetSim"),
        // Scenarios: scenario files (YAML), the fault catalogue, the built-in pack.
        .target(name: "Scenarios", dependencies: ["FleetSim", .product(name: "Yams", package: "Yams")]),
        // Runs a game: command log, injects, bots, recordings, headless runs.
        .target(name: "Session", dependencies: ["FleetSim", "Scenarios"]),
        // A facilitated game: teams on one clock, the inject timeline, hidden truth,
        // leaderboard, session log and session files. Pure and deterministic.
        .target(name: "Host", dependencies: ["FleetSim", "Scenarios", "Session"]),
        // A small terminal UI kit with no game in it: cell buffer, rects, roles and
        // themes, colour mapping, glyphs, keys, line editor, text width and formats, ANSI.
        .target(
            name: "ScreenKit", dependencies: [.product(name: "Yams", package: "Yams")],
            exclude: ["Text/generate-width-table.py"]
        ),
        // Pure game UI: layout, panes, overlays, key bindings, command line.
        .target(name: "Console", dependencies: ["FleetSim", "Scenarios", "Session", "Host", "ScreenKit"]),
        // The network edge of a facilitated game (SwiftNIO): the host server, the team
        // client, the versioned message protocol and its framing (see PROTOCOL.md), team
        // consoles over SSH (swift-nio-ssh) and the projector page (NIOHTTP1).
        .target(
            name: "Net",
            dependencies: [
                "FleetSim", "Scenarios", "Session", "Host", "ScreenKit", "Console",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["PROTOCOL.md"]
        ),
        // ncursesw behind a small C interface (no curses macros reach Swift).
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
        ),
        // Draws cell buffers with ncurses, reads keys, handles resize and signals.
        .target(name: "Terminal", dependencies: ["CNcurses", "ScreenKit"]),
        // forkpty and process CPU time, for benchmarks that run the console on a pseudo-terminal.
        .target(name: "CPty", linkerSettings: [.linkedLibrary("util")]),
        // `gameday bench`: simulation, console, host and room-door (SSH, projector) measurements.
        .target(
            name: "Benchmarks",
            dependencies: [
                "FleetSim", "Scenarios", "Session", "Host", "ScreenKit", "Console", "Net", "Terminal", "CPty",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
            ]
        ),
        // Build tool: themes/*.yaml into a Swift source, so every binary carries its themes.
        .executableTarget(name: "EmbedText"),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["EmbedText"], path: "Sources/EmbedThemesPlugin"),
        .executableTarget(
            name: "gameday",
            dependencies: [
                "FleetSim", "Scenarios", "Session", "Host", "ScreenKit", "Console", "Net", "Terminal", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            plugins: ["EmbedThemes"]
        ),
        .testTarget(name: "FleetSimTests", dependencies: ["FleetSim"]),
        .testTarget(name: "SessionTests", dependencies: ["FleetSim", "Scenarios", "Session"]),
        .testTarget(
            name: "ScenariosTests", dependencies: ["FleetSim", "Scenarios", "Session"],
            exclude: ["Broken"]
        ),
        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
        .testTarget(name: "HostTests", dependencies: ["FleetSim", "Scenarios", "Session", "Host"]),
        .testTarget(
            name: "NetTests",
            dependencies: [
                "FleetSim", "Scenarios", "Session", "Host", "ScreenKit", "Console", "Net",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ConsoleTests", dependencies: ["FleetSim", "Scenarios", "Session", "Host", "ScreenKit", "Console"],
            exclude: ["__Snapshots__", "BrokenThemes"]
        ),
        .testTarget(
            name: "GamedayCLITests",
            dependencies: ["gameday", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
    ]
)
