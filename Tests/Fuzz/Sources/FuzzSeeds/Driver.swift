/// libFuzzer's entry point when the program has its own `main` (SwiftPM gives every
/// executable one, so libFuzzer's `main` cannot be used): parses libFuzzer's flags
/// from the command line and fuzzes `target`. `LLVMFuzzerInitialize` is still called.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

public enum FuzzDriver {
    /// The fuzz target's signature: bytes in, 0 out (libFuzzer's convention).
    public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer on `target` with this process's arguments; returns its exit status.
    public static func run(_ target: Target) -> CInt {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return runDriver(&argc, &argv, target)
    }

    /// The input as a buffer (libFuzzer may pass no pointer for empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    }
}
