import Console
import FleetSim
import FuzzSeeds
import Glibc
import Scenarios

// libFuzzer target: what a player types on the command line — console words,
// player commands, injects, game times — and Tab completion of it.

@_cdecl("LLVMFuzzerInitialize")
func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzSeeds.writeIfAsked { FuzzSeeds.commandLines }
    return 0
}

exit(FuzzDriver.run { data, size in
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    _ = try? ConsoleWords.parse(text)
    _ = try? Command.parse(text)
    _ = try? Fault.parse(text)
    _ = GameTime.parse(text)
    if let world = FuzzSeeds.world { _ = Completion.complete(text, world: world, themes: ["dark", "light"], replaying: size % 2 == 0) }
    return 0
})
