import Foundation

/// One OS thread that runs blocking work (libcurl's calls) one piece at a time, so that it
/// never holds a thread of Swift's cooperative pool, which has one thread per core and does
/// not grow.
final class BlockingThread: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var work: [@Sendable () -> Void] = []
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            enqueue { continuation.resume(returning: body()) }
        }
    }

    /// Runs `last` after the work already queued, then ends the thread.
    func stop(finally last: @escaping @Sendable () -> Void) {
        condition.lock()
        work.append(last)
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func enqueue(_ item: @escaping @Sendable () -> Void) {
        condition.lock()
        precondition(!stopping, "BlockingThread: work queued after stop")
        work.append(item)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while work.isEmpty && !stopping { condition.wait() }
            let batch = work
            work = []
            let done = stopping
            condition.unlock()
            for item in batch { item() }
            if done { return }
        }
    }
}
