import ArgumentParser
import Console
import Foundation
import ScreenKit
import Scenarios
import Session

extension Gameday {
    /// `gameday themes list | preview NAME`.
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List themes, or print a sample frame of the console in one.",
            subcommands: [List.self, Preview.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the themes found.")

            func run() throws {
                let environment = ProcessInfo.processInfo.environment
                for (name, origin) in ThemeLoader.available(environment: environment) {
                    let description = (try? ThemeLoader.load(name, environment: environment))?.theme.description ?? ""
                    print(name + String(repeating: " ", count: max(1, 16 - DisplayWidth.of(name))) + description + "  (" + origin.description + ")")
                }
            }
        }

        struct Preview: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print a sample console frame in a theme, with ANSI colours.")

            enum Depth: String, ExpressibleByArgument, CaseIterable { case truecolor, colors256 = "256", colors16 = "16", colors8 = "8", mono }

            @Argument(help: "Theme name or path to a theme file.", completion: .list(ShippedThemes.files.map(\.name)))
            var theme: String

            @Option(help: "Colours to use: truecolor, 256, 16, 8 or mono (default: what the environment says).")
            var depth: Depth?

            @Option(help: "Frame size, WIDTHxHEIGHT.")
            var size = "100x30"

            func run() throws {
                let environment = ProcessInfo.processInfo.environment
                let (loaded, warnings) = try ThemeLoader.load(theme, environment: environment)
                for warning in warnings { StandardError.writeLine("warning: \(warning)") }
                let (width, height) = try FrameSize.parse(size)
                let colorDepth: ColorDepth = switch depth {
                case .truecolor?: .trueColor
                case .colors256?: .indexed256
                case .colors16?: .basic16
                case .colors8?: .basic8
                case .mono?: .monochrome
                case nil: ColorDepth.detect(colors: 256, environment: environment, noColorFlag: false)
                }
                var app = ConsoleApp(match: try Match(scenario: BuiltInScenarios.firstDay, seed: 1), width: width, height: height)
                _ = app.handle(.enter, now: 0)
                _ = app.advance(ticks: 15 * 60, now: 0)
                print(ANSIRenderer.render(app.render(glyphs: .unicode, now: 1_000_000), theme: loaded, depth: colorDepth))
            }
        }
    }
}
