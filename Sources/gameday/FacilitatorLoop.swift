import Console
import Foundation
import Net
import ScreenKit
import Terminal

/// The facilitator's terminal: the console itself runs on the host's event
/// loop (where the game is); this loop sends it keys and sizes, and draws the
/// frames it sends back. It blocks on input with a short timeout, so a frame
/// is on screen within a few milliseconds of being made.
struct FacilitatorLoop {
    let screen: TerminalScreen
    let server: HostServer
    let frames: Mailbox<CellBuffer>
    let effects: Queue<FacilitatorEffect>

    /// How long to wait for a key before looking for a new frame.
    static let pollMilliseconds = 16

    mutating func run() -> Int32 {
        let size = screen.size
        server.facilitatorResize(width: size.width, height: size.height)
        while true {
            if let signal = screen.pendingSignal { return 128 + signal }
            switch screen.nextEvent(timeoutMilliseconds: Self.pollMilliseconds) {
            case let .key(key)?: server.facilitatorKey(key)
            case .resize?:
                let size = screen.size
                server.facilitatorResize(width: size.width, height: size.height)
            case nil: break
            }
            for effect in effects.takeAll() {
                switch effect {
                case .quit: return 0
                case let .switchTheme(name): switchTheme(to: name)
                }
            }
            if let frame = frames.take() { screen.draw(frame) }
        }
    }

    private func switchTheme(to name: String) {
        let message: (String, Bool)
        do {
            let (theme, warnings) = try ThemeLoader.load(name, environment: ProcessInfo.processInfo.environment)
            screen.configure(theme: theme, depth: screen.depth)
            message = ("theme \(theme.name)" + (warnings.isEmpty ? "" : " (\(warnings[0]))"), false)
        } catch {
            message = ("\(error)".split(separator: "\n").first.map(String.init) ?? "cannot load theme", true)
        }
        server.notifyFacilitator(message.0, isError: message.1)
    }
}
