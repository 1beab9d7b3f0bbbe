/// One consumer on its own channel: deliveries received and not yet handed out, tags
/// handed out and not yet settled, and the task waiting for more.
final class ConsumerChannel {
    let id: ConsumerID
    let queue: String
    let tag: String
    let prefetch: UInt16
    let acknowledger: Acknowledger
    /// Received, not yet handed to the iterator. Never more than the prefetch, because
    /// the broker sends no more than that many unsettled deliveries.
    var buffer: [Delivery] = []
    /// Delivery tags not yet settled, ascending (the broker numbers them in order).
    private(set) var outstanding: [UInt64] = []
    var waiter: (id: UInt64, continuation: CheckedContinuation<[Delivery]?, any Error>)?
    /// We sent `basic.cancel`: the iteration ends once the buffer is empty.
    var isCancelled = false
    /// The connection was closed by the application: the iteration ends.
    var isFinished = false
    /// The channel or connection failed: the iteration throws this.
    var failure: AMQPError?

    init(id: ConsumerID, queue: String, tag: String, prefetch: UInt16, acknowledger: Acknowledger) {
        self.id = id
        self.queue = queue
        self.tag = tag
        self.prefetch = prefetch
        self.acknowledger = acknowledger
    }

    func receive(_ delivery: Delivery) {
        buffer.append(delivery)
        outstanding.append(delivery.deliveryTag)
    }

    /// Hands the buffer to the waiting task, or ends its wait when nothing more will come.
    func resumeWaiterIfReady() {
        guard let waiter else { return }
        if !buffer.isEmpty {
            let batch = buffer
            buffer = []
            self.waiter = nil
            waiter.continuation.resume(returning: batch)
        } else if let failure {
            self.waiter = nil
            waiter.continuation.resume(throwing: failure)
        } else if isCancelled || isFinished {
            self.waiter = nil
            waiter.continuation.resume(returning: nil)
        }
    }

    func cancelWaiter() {
        guard let waiter else { return }
        self.waiter = nil
        waiter.continuation.resume(throwing: CancellationError())
    }

    func isOutstanding(_ tag: UInt64) -> Bool {
        var low = 0
        var high = outstanding.count
        while low < high {
            let mid = (low + high) / 2
            if outstanding[mid] < tag { low = mid + 1 } else { high = mid }
        }
        return low < outstanding.count && outstanding[low] == tag
    }

    /// Outstanding tags up to and including `tag`.
    func outstanding(upTo tag: UInt64) -> ArraySlice<UInt64> {
        var end = 0
        while end < outstanding.count && outstanding[end] <= tag { end += 1 }
        return outstanding[..<end]
    }

    func removeOutstanding(_ settled: Set<UInt64>) {
        guard !settled.isEmpty else { return }
        outstanding.removeAll(where: settled.contains)
    }
}

/// Names a consumer on one connection (channel numbers are reused, serials are not).
struct ConsumerID: Hashable, Sendable {
    let channel: UInt16
    let serial: UInt64
}
