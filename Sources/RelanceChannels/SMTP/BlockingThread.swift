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

    /// Runs `body` on the thread and returns its result; nil, without running it, once the
    /// thread is stopping.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let accepted = enqueue { continuation.resume(returning: body()) }
            if !accepted { continuation.resume(returning: nil) }
        }
    }

    /// Runs `last` after the work already queued, then ends the thread.
    func stop(finally last: @escaping @Sendable () -> Void) {
        condition.lock()
        guard !stopping else {
            condition.unlock()
            return
        }
        work.append(last)
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func enqueue(_ item: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        work.append(item)
        condition.signal()
        return true
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
