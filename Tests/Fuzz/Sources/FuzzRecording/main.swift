import Foundation
import FuzzSeeds
import Session

// libFuzzer target: the recording reader (JSON Lines, then the embedded
// scenario). Any input must give a recording or one error naming the line.
//
// Each input is read twice: as it is, and with its header's scenario hash made
// to match its scenario text, so that mutations get past the hash check into
// the embedded scenario and the lines after the header.

@_cdecl("LLVMFuzzerInitialize")
func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzSeeds.writeIfAsked { FuzzSeeds.recordings }
    return 0
}

/// The input with the header's `scenarioHash` recomputed, or nil when its first line is not a JSON object.
func withMatchingHash(_ data: Data) -> Data? {
    let end = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
    guard var header = (try? JSONSerialization.jsonObject(with: data[data.startIndex..<end])) as? [String: Any],
          let text = header["scenarioText"] as? String else { return nil }
    header["scenarioHash"] = RecordingHeader.hash(of: text)
    guard let line = try? JSONSerialization.data(withJSONObject: header) else { return nil }
    return line + data[end...]
}

exit(FuzzDriver.run { data, size in
    let bytes = Data(FuzzDriver.bytes(data, size))
    _ = try? Recording.parse(bytes, file: "fuzz.jsonl")
    if let fixed = withMatchingHash(bytes) { _ = try? Recording.parse(fixed, file: "fuzz.jsonl") }
    return 0
})
