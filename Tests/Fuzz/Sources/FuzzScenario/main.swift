import FuzzSeeds
import Glibc
import Scenarios

// libFuzzer target: scenario files (YAML, validated). Any input must give a
// scenario or a list of issues, never a crash or a hang.

@_cdecl("LLVMFuzzerInitialize")
func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzSeeds.writeIfAsked { FuzzSeeds.scenarios }
    return 0
}

exit(FuzzDriver.run { data, size in
    _ = try? ScenarioFile.parse(String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self), file: "fuzz.yaml")
    return 0
})
