/// A consumer's deliveries, as an asynchronous sequence. Create one with
/// ``AMQPConnection/consume(queue:prefetch:exclusive:arguments:)``.
///
/// ```swift
/// let consumer = try await connection.consume(queue: "relance.email", prefetch: 50)
/// for try await delivery in consumer {
///     try await handle(delivery.body)
///     delivery.ack()
/// }
/// ```
///
/// Deliveries are fetched from the connection thread in batches (all that arrived since
/// the last fetch), and the broker sends no more than `prefetch` unsettled deliveries, so
/// memory stays bounded however slow the loop is. The sequence ends (returns nil) after
/// ``cancel()`` once the deliveries already sent are handed out, or when the connection
/// is closed by ``AMQPConnection/close()``. It throws ``AMQPError`` when the channel or
/// connection fails, and `CancellationError` when the iterating task is cancelled.
/// Iterate it from one task at a time.
public struct AMQPConsumer: AsyncSequence, Sendable {
    public typealias Element = Delivery

    private let connection: AMQPConnection
    private let id: ConsumerID
    /// The queue consumed from.
    public let queue: String
    /// The consumer tag the broker assigned.
    public let tag: String

    init(connection: AMQPConnection, id: ConsumerID, queue: String, tag: String) {
        self.connection = connection
        self.id = id
        self.queue = queue
        self.tag = tag
    }

    /// Asks the broker to stop sending; the sequence ends after the deliveries already
    /// sent. They can still be settled.
    public func cancel() async throws {
        try await connection.cancelConsumer(id)
    }

    /// Cancels, sends pending settlements, waits briefly so the broker applies them, and
    /// closes the consumer's channel. Unsettled deliveries go back to the queue.
    public func close() async {
        await connection.closeConsumer(id)
    }

    /// The deliveries that arrived since the last call, waiting for at least one; nil
    /// when the sequence has ended.
    func nextBatch() async throws -> [Delivery]? {
        try await connection.nextDeliveries(id)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(connection: connection, id: id)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private let connection: AMQPConnection
        private let id: ConsumerID
        private var batch: [Delivery] = []
        private var position = 0

        init(connection: AMQPConnection, id: ConsumerID) {
            self.connection = connection
            self.id = id
        }

        public mutating func next() async throws -> Delivery? {
            // Deliveries fetched before their channel went away are not handed out:
            // they cannot be settled, and the broker delivers them again.
            if position < batch.count, !batch[position].acknowledger.isClosed {
                defer { position += 1 }
                return batch[position]
            }
            batch = []
            position = 0
            guard let next = try await connection.nextDeliveries(id), !next.isEmpty else { return nil }
            batch = next
            position = 1
            return next[0]
        }
    }
}
