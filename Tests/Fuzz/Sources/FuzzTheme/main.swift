import FuzzSeeds
import Glibc
import ScreenKit

// libFuzzer target: theme files. Any input must give a theme with warnings or
// one error per problem, never a crash or a hang.

@_cdecl("LLVMFuzzerInitialize")
func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    // The shipped themes are copied from themes/ by run.sh; this adds the smallest valid one.
    FuzzSeeds.writeIfAsked { ["name: fuzz\ncritical: \"#D55E00 bold underline\"\nselection: 231 on 24 bold\n"] }
    return 0
}

exit(FuzzDriver.run { data, size in
    _ = try? ThemeFile.parse(String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self), file: "fuzz.yaml")
    return 0
})
