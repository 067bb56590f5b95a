import Foundation
import FuzzSeeds
import Net

// libFuzzer target: the facilitated game's wire messages, which the host reads
// from anyone who connects (and a team client from the host). Any bytes must
// decode to a message or be refused with a WireError, never a crash.

@_cdecl("LLVMFuzzerInitialize")
func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzSeeds.writeIfAsked {
        let client: [ClientMessage] = [
            .hello(.init(token: "k3mf-q9tz-x7hp", team: "red", width: 120, height: 40, ascii: false, themes: ["dark", "light"])),
            .key(seq: 7, key: .char("s")), .key(seq: 8, key: .enter), .key(seq: 9, key: .ctrl("c")), .resize(width: 80, height: 24),
            .ping, .pong, .bye,
        ]
        let host: [HostMessage] = [
            .welcome(team: "red", resume: "r-1234", lastSeq: 9, scenario: "flash-sale"), .bell, .theme("light"),
            .error(message: "wrong token", fatal: true), .bye(message: "the game day is over"), .ping, .pong,
        ]
        return (client.map { $0.encoded() } + host.map { $0.encoded() }).map { String(decoding: $0, as: UTF8.self) }
    }
    return 0
}

exit(FuzzDriver.run { data, size in
    let bytes = Data(FuzzDriver.bytes(data, size))
    _ = try? ClientMessage.decode(bytes)
    _ = try? HostMessage.decode(bytes)
    _ = WireKey.decode(String(decoding: bytes, as: UTF8.self))
    return 0
})
