import NIOCore
import NIOSSH

/// One SSH connection's progress, shared by its handlers (all on the host's
/// loop): who logged in, and whether a console opened before the deadline.
final class SSHLogin {
    let address: String
    /// The SSH user name once authenticated: the team.
    private(set) var username: String?
    private(set) var hasSession = false
    private(set) var hasShell = false
    var deadline: Scheduled<Void>?

    init(address: String) { self.address = address }

    func authenticated(as username: String) { self.username = username }

    /// Only one session channel a connection.
    func claimSession() -> Bool {
        guard !hasSession else { return false }
        hasSession = true
        return true
    }

    func shellStarted() {
        hasShell = true
        deadline?.cancel()
        deadline = nil
    }
}

/// Checks a login: the session token as the password, or a key the
/// facilitator allowed. Wrong passwords from one address are answered more
/// and more slowly, as wrong tokens on the game port are.
final class SSHLoginCheck: NIOSSHServerUserAuthenticationDelegate {
    private let host: HostServer
    private let login: SSHLogin
    private let authorizedKeys: AuthorizedKeys

    init(host: HostServer, login: SSHLogin, authorizedKeys: AuthorizedKeys) {
        self.host = host
        self.login = login
        self.authorizedKeys = authorizedKeys
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        authorizedKeys.keys.isEmpty ? .password : [.password, .publicKey]
    }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch request.request {
        case let .password(password):
            guard SessionToken.matches(password.password, host.configuration.token) else {
                let delay = host.throttle.delay(for: login.address, now: host.now)
                host.throttle.failed(login.address, now: host.now)
                host.loop.scheduleTask(in: .milliseconds(Int64(delay))) { responsePromise.succeed(.failure) }
                return
            }
            host.throttle.succeeded(login.address)
        case let .publicKey(offer):
            // A client offers each of its keys in turn: a key not on the list is no offence.
            guard authorizedKeys.allows(offer.publicKey) else {
                responsePromise.succeed(.failure)
                return
            }
        default:
            responsePromise.succeed(.failure)
            return
        }
        login.authenticated(as: request.username)
        responsePromise.succeed(.success)
    }
}

/// Refuses every global request (remote port forwarding): the default of the protocol.
struct SSHRefuseGlobalRequests: GlobalRequestDelegate {}
