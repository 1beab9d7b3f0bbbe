import Synchronization

/// Carries settlements (acks, nacks, rejects) and wake-up requests from any thread to the
/// consumer's connection thread, which sends them. One per consumer on one connection:
/// once that consumer or its connection is gone, settlements are dropped (delivery tags
/// of a dead channel mean nothing on a new one).
final class Acknowledger: Sendable {
    enum Operation: Sendable {
        case ack(UInt64, multiple: Bool)
        case nack(UInt64, multiple: Bool, requeue: Bool)
        case reject(UInt64, requeue: Bool)
    }

    private struct State {
        var operations: [Operation] = []
        var isClosed = false
        /// The wait of `nextBatch` that a task cancellation asked to end.
        var cancelledWait: UInt64?
    }

    private let state = Mutex(State())
    private let thread: ConnectionThread

    init(thread: ConnectionThread) {
        self.thread = thread
    }

    /// False once the consumer or its connection is gone: settlements are dropped.
    var isOpen: Bool { state.withLock { !$0.isClosed } }

    func submit(_ operation: Operation) {
        let shouldWake = state.withLock { state -> Bool in
            guard !state.isClosed else { return false }
            state.operations.append(operation)
            return state.operations.count == 1
        }
        if shouldWake { thread.requestService() }
    }

    /// Takes the settlements queued so far (on the connection thread).
    func takeOperations() -> [Operation] {
        state.withLock { state in
            guard !state.operations.isEmpty else { return [] }
            let taken = state.operations
            state.operations = []
            return taken
        }
    }

    /// Asks the connection thread to end the wait numbered `wait` with a cancellation.
    func cancelWait(_ wait: UInt64) {
        state.withLock { $0.cancelledWait = wait }
        thread.requestService()
    }

    /// True once if `wait` was cancelled.
    func takeCancellation(of wait: UInt64) -> Bool {
        state.withLock { state in
            guard state.cancelledWait == wait else { return false }
            state.cancelledWait = nil
            return true
        }
    }

    /// True once the consumer's channel or connection is gone: its deliveries can no
    /// longer be settled and will be delivered again.
    var isClosed: Bool {
        state.withLock { $0.isClosed }
    }

    /// Drops queued and future settlements.
    func close() {
        state.withLock { state in
            state.isClosed = true
            state.operations = []
        }
    }
}
