import Foundation
import Net
import NIOCore
import ScreenKit

/// The other ways into a facilitated game day than `gameday join`: team
/// consoles over SSH (`--ssh`, `--authorized-keys`) and the projector page
/// (`--web`). Everything is read and checked before the host starts, so a bad
/// address or key file is one line and status 2 with the terminal untouched.
struct RoomDoors {
    var ssh: SSHConsoleConfiguration?
    var web: ProjectorConfiguration?

    /// What the facilitator is shown once the doors are open.
    struct Opened {
        /// `ssh -p PORT NAME@HOST`, for the join line.
        var sshLine: String?
        /// The host key's fingerprint and the projector's address, for the console's top line.
        var headerLine: String
        var fingerprint: String?
        /// Each door in words, one a line, for the leaderboard while no team has joined.
        var lines: [String] = []
    }

    init(ssh: String?, authorizedKeys: String?, web: String?, theme: String?, noColor: Bool, environment: [String: String]) throws {
        if let ssh {
            let address: ListenAddress
            do { address = try ListenAddress.parse(ssh) } catch { throw GamedayError("--ssh: \(error.message)") }
            var keys = AuthorizedKeys()
            if let authorizedKeys {
                do { keys = try AuthorizedKeys.load(path: authorizedKeys) } catch { throw GamedayError(error.description) }
            }
            let hostKey: SSHHostKey
            do { hostKey = try SSHHostKey.loadOrCreate(path: SSHHostKey.defaultPath(environment: environment)) } catch {
                throw GamedayError(error.description)
            }
            var configuration = SSHConsoleConfiguration(listen: address, hostKey: hostKey, authorizedKeys: keys)
            configuration.noColor = noColor
            configuration.theme = ThemeLoader.startingTheme(option: theme, environment: environment).theme
            configuration.loadTheme = { name in try ThemeLoader.load(name, environment: environment).theme }
            configuration.themeNames = ThemeLoader.available(environment: environment).map(\.name)
            self.ssh = configuration
        }
        if let web {
            do { self.web = ProjectorConfiguration(listen: try ListenAddress.parse(web)) } catch { throw GamedayError("--web: \(error.message)") }
        }
    }

    /// Opens the doors on a started host; says in one line which could not open.
    func open(on server: HostServer) throws(HostStartError) -> Opened {
        var opened = Opened(headerLine: "")
        var header: [String] = []
        if let ssh {
            let bound = SocketAddressDescription(try server.startSSH(ssh), asked: ssh.listen)
            let host = bound.text.split(separator: ":").dropLast().joined(separator: ":")
            let port = bound.text.split(separator: ":").last.map(String.init) ?? "22"
            opened.sshLine = "ssh -p \(port) NAME@\(host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host)"
            opened.fingerprint = ssh.hostKey.fingerprint
            header.append("ssh \(ssh.hostKey.fingerprint)")
            opened.lines.append("\(opened.sshLine ?? "ssh")   (password: the token\(ssh.authorizedKeys.keys.isEmpty ? "" : ", or an allowed key"))")
            opened.lines.append("SSH host key \(ssh.hostKey.fingerprint)")
        }
        if let web {
            let bound = SocketAddressDescription(try server.startWeb(web), asked: web.listen)
            header.append("projector http://\(bound.text)")
            opened.lines.append("projector page: http://\(bound.text)")
        }
        opened.headerLine = header.joined(separator: " · ")
        return opened
    }
}
