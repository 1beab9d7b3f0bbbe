import Synchronization

/// An operation gave no answer within its deadline.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public let what: String
    public let deadline: Duration

    public var description: String { "\(what): no answer within \(deadline)" }
}

/// Runs `operation` and returns its result, or throws `DeadlineExceeded` once `deadline` has
/// passed — at once, without waiting for the operation to notice its cancellation (a call
/// blocked on a frozen peer may take long to). The operation is cancelled either way.
public func withDeadline<Result: Sendable>(
    _ deadline: Duration,
    what: String,
    _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    let work = Task { try await operation() }
    let answer = Answer<Result>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            answer.await(continuation)
            let timer = Task {
                try? await Task.sleep(for: deadline)
                if !Task.isCancelled { answer.give(.failure(DeadlineExceeded(what: what, deadline: deadline))) }
                work.cancel()
            }
            Task {
                let result = await work.result
                timer.cancel()
                answer.give(result)
            }
        }
    } onCancel: {
        work.cancel()
    }
}

/// The first of several possible answers, handed to the one waiting for it.
private final class Answer<Value: Sendable>: Sendable {
    private let waiter = Mutex<CheckedContinuation<Value, any Error>?>(nil)

    func await(_ continuation: CheckedContinuation<Value, any Error>) {
        waiter.withLock { $0 = continuation }
    }

    func give(_ result: Result<Value, any Error>) {
        let continuation = waiter.withLock { waiter -> CheckedContinuation<Value, any Error>? in
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume(with: result)
    }
}
