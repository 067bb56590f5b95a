import NIOCore
import ScreenKit

/// How the host serves team consoles over SSH (`gameday facilitate --ssh`).
public struct SSHConsoleConfiguration: Sendable {
    public var listen: ListenAddress
    public var hostKey: SSHHostKey
    /// Keys that may log in without the token.
    public var authorizedKeys: AuthorizedKeys
    /// Colours off for every SSH console (`--no-color` on the facilitator).
    public var noColor = false
    /// The theme SSH consoles start with.
    public var theme: Theme = .dark
    /// Themes by name for `:theme NAME` typed on an SSH console; the error's description is one line for the player.
    public var loadTheme: @Sendable (String) throws -> Theme = { name in throw KeyFileError("unknown theme '\(name)'") }
    /// Theme names the console offers to complete.
    public var themeNames: [String] = []
    /// A connection that has not opened a console by then is closed (a client
    /// that stalls in the handshake, or never asks for a shell).
    public var handshakeTimeout: TimeAmount = .seconds(30)
    /// The most SSH connections at once, logged in or not.
    public var maxConnections = 256
    /// Wrong passwords one connection may try before it is closed.
    public var maxAuthAttempts = 6
    /// Mouse clicks select rows, as in the local console.
    public var mouse = true

    public init(listen: ListenAddress, hostKey: SSHHostKey, authorizedKeys: AuthorizedKeys = AuthorizedKeys()) {
        self.listen = listen
        self.hostKey = hostKey
        self.authorizedKeys = authorizedKeys
    }
}
