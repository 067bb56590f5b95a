import Foundation

/// Swift's runtime reads `SWIFT_BACKTRACE` once, as the process starts. On a
/// terminal its backtracer is interactive by default: a crash (or Ctrl-\) would
/// paint "Press space to interact" over the console and wait 30 s. So a command
/// that may open the console re-executes itself once with the backtracer set to
/// write its report to stderr (which the console sends to the crash log)
/// without asking anything. A `SWIFT_BACKTRACE` the user set is left alone.
enum Backtracer {
    /// What the console asks of the runtime's backtracer.
    static let setting = "interactive=no,color=no,output-to=stderr"

    /// Re-executes the program with `SWIFT_BACKTRACE` set when it is not and the
    /// console may start; returns (and the program carries on) otherwise or if exec fails.
    static func configureForTheConsole(arguments: [String]) {
        guard getenv("SWIFT_BACKTRACE") == nil, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              mayStartConsole(arguments) else { return }
        // The binary's own path, not /proc/self/exe: the process keeps its name (ps, pkill).
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard readlink("/proc/self/exe", &path, path.count - 1) > 0 else { return }
        setenv("SWIFT_BACKTRACE", setting, 1)
        execv(path, CommandLine.unsafeArgv)
        // Still here: exec failed. Play on with the runtime's defaults; SIGQUIT is handled by the console anyway.
        unsetenv("SWIFT_BACKTRACE")
    }

    /// `gameday`, `gameday play …`, `gameday replay …`, or options for the default `play`.
    static func mayStartConsole(_ arguments: [String]) -> Bool {
        guard let first = arguments.dropFirst().first else { return true }
        return first == "play" || first == "replay" || (first.hasPrefix("-") && first != "--help" && first != "-h" && first != "--version")
    }
}
