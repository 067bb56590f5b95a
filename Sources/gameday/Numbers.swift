import FleetSim
import Foundation
import Scenarios

/// Number formats shared by the command-line summaries and debriefs.
enum Numbers {
    static func points(_ x: Double) -> String { String(format: "%.1f", x) }
    static func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic)) }
    static func dollars(_ x: Double) -> String { String(format: "$%.2f", x) }
    static func percent(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
    static func ms(_ x: Double) -> String { String(format: "%.0f ms", x) }
    static func time(_ tick: Int?) -> String { tick.map(GameTime.format) ?? "—" }
    static func seconds(_ s: Double) -> String { String(format: "%.1f s", s) }
    /// Two decimals, for JSON.
    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
