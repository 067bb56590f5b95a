import Foundation
import FuzzSeeds
import Session

// libFuzzer target: the recording reader (JSON Lines, then the embedded
// scenario). Any input must give a recording or one error naming the line.

@_cdecl("LLVMFuzzerInitialize")
func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzSeeds.writeIfAsked { FuzzSeeds.recordings }
    return 0
}

exit(FuzzDriver.run { data, size in
    _ = try? Recording.parse(Data(FuzzDriver.bytes(data, size)), file: "fuzz.jsonl")
    return 0
})
