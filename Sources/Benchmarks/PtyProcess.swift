import CPty
import Glibc

/// A program running on a pseudo-terminal, for benchmarks that measure the
/// console as a user runs it: start-up time, CPU while paused.
public final class PtyProcess {
    public let pid: Int32
    private let master: Int32
    public private(set) var bytesRead = 0

    public init?(path: String, arguments: [String], width: Int = 120, height: Int = 40) {
        var master: Int32 = -1
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let pid = pty_spawn(path, argv, Int32(width), Int32(height), &master)
        guard pid > 0 else { return nil }
        self.pid = pid
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        kill(pid, SIGKILL)
        _ = waitExit(timeoutMilliseconds: 1_000)
        close(master)
    }

    /// Sends keys as typed.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// Sends a long text as a paste does: every byte, as fast as the child reads
    /// them, draining its output meanwhile so neither side blocks the other.
    public func paste(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, min(4_096, bytes.count - offset)) }
            if n > 0 { offset += n } else { drain(milliseconds: 1) }
        }
    }

    /// Reads (and discards) output for up to `milliseconds`, so the child never blocks on a full terminal.
    public func drain(milliseconds: Int) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var left = milliseconds
        let step = 10
        while left > 0 {
            if poll(&poller, 1, Int32(min(step, left))) > 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 {
                    bytesRead += n
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    // End of output (EIO once the child closed the terminal): nothing more to drain.
                    return
                }
            }
            left -= step
        }
    }

    /// Waits for the child to exit, draining output; returns its status or nil on timeout.
    public func waitExit(timeoutMilliseconds: Int) -> Int32? {
        // Timed by the clock: once the child has closed the terminal, draining returns at
        // once, and counting its steps would spend the whole timeout in a few milliseconds.
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(timeoutMilliseconds)
        while clock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return status }
            drain(milliseconds: 5)
            usleep(1_000)
        }
        return nil
    }

    public var cpuSeconds: Double { process_cpu_seconds(pid) }

    public func terminate() { kill(pid, SIGTERM) }
}
