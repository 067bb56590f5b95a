import NIOCore

/// Runs a task's jobs on one NIO event loop: the projector's web server runs
/// there, off the shared cooperative pool, so that it neither waits for nor
/// holds up whatever else runs on the pool (tests blocked on futures, the host).
final class LoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let loop: EventLoop

    init(loop: EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
