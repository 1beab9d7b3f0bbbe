import Logging

/// Consumes a queue across connection losses: when the connection drops (broker restart,
/// network cut, missed heartbeats, consumer cancelled by the broker), it opens a new
/// connection with exponential backoff and jitter, runs `setup` again (declare the
/// queues and exchanges the consumer needs), and goes on consuming.
///
/// ```swift
/// let deliveries = ReconnectingConsumer(configuration: config, queue: "relance.email", prefetch: 50) { connection in
///     try await connection.declareQueue("relance.email", arguments: ["x-queue-type": "quorum"])
/// }
/// for try await delivery in deliveries {
///     try await handle(delivery)
///     delivery.ack()
/// }
/// ```
///
/// Deliveries received on a connection that has since dropped can no longer be settled:
/// their `ack()` is silently dropped and the broker delivers them again (with
/// `redelivered` set) on the new connection. Processing must therefore be idempotent.
///
/// To shut down gracefully: ``cancel()`` (no new deliveries), finish and settle the
/// deliveries in hand, then ``close()``. The sequence ends after ``cancel()`` or
/// ``close()``; it throws only `CancellationError` (when the iterating task is
/// cancelled). Iterate it from one task at a time.
public final class ReconnectingConsumer: AsyncSequence, Sendable {
    public typealias Element = Delivery

    private let session: ReconnectingConsumerSession

    /// - Parameters:
    ///   - configuration: the broker to connect to.
    ///   - queue: the queue to consume.
    ///   - prefetch: the most unsettled deliveries at a time.
    ///   - backoff: delays between connection attempts.
    ///   - logger: where connection losses and recoveries are logged (info level).
    ///   - setup: run on each new connection before consuming; a failure counts as a
    ///     failed attempt and is retried.
    public init(
        configuration: AMQPConfiguration,
        queue: String,
        prefetch: UInt16 = 100,
        backoff: Backoff = Backoff(),
        logger: Logger = Logger(label: "amqp"),
        setup: @escaping @Sendable (AMQPConnection) async throws -> Void = { _ in }
    ) {
        session = ReconnectingConsumerSession(
            configuration: configuration, queue: queue, prefetch: prefetch, backoff: backoff, logger: logger, setup: setup)
    }

    /// How many times a lost connection was replaced.
    public var reconnectCount: Int {
        get async { await session.reconnectCount }
    }

    /// Stops the intake for a graceful drain: the broker sends nothing more, the
    /// sequence ends after the deliveries already received, and those can still be
    /// settled. Call ``close()`` once they are. No reconnection happens after this.
    public func cancel() async {
        await session.cancel()
    }

    /// Stops consuming: pending acks are sent, the connection closed, and the sequence
    /// ends. Unsettled deliveries go back to the queue.
    public func close() async {
        await session.close()
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(session: session)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private let session: ReconnectingConsumerSession
        private var batch: [Delivery] = []
        private var position = 0

        init(session: ReconnectingConsumerSession) {
            self.session = session
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
            guard let next = try await session.nextBatch(), !next.isEmpty else { return nil }
            batch = next
            position = 1
            return next[0]
        }
    }
}

/// The connection and consumer behind a ``ReconnectingConsumer``.
actor ReconnectingConsumerSession {
    private let configuration: AMQPConfiguration
    private let queue: String
    private let prefetch: UInt16
    private let backoff: Backoff
    private let logger: Logger
    private let setup: @Sendable (AMQPConnection) async throws -> Void
    private var connection: AMQPConnection?
    private var consumer: AMQPConsumer?
    private var isClosed = false
    /// ``cancel()`` was called: end once the deliveries in hand are out; never reconnect.
    private var isDraining = false
    private var connectionsOpened = 0

    init(configuration: AMQPConfiguration, queue: String, prefetch: UInt16, backoff: Backoff, logger: Logger,
         setup: @escaping @Sendable (AMQPConnection) async throws -> Void) {
        self.configuration = configuration
        self.queue = queue
        self.prefetch = prefetch
        self.backoff = backoff
        self.logger = logger
        self.setup = setup
    }

    var reconnectCount: Int { max(0, connectionsOpened - 1) }

    func nextBatch() async throws -> [Delivery]? {
        while !isClosed {
            try Task.checkCancellation()
            guard let consumer else {
                if isDraining { return nil }
                try await connect()
                continue
            }
            do {
                if let batch = try await consumer.nextBatch() { return batch }
                if isClosed || isDraining { return nil }
                logger.info("AMQP consumer ended; reconnecting", metadata: ["amqp.queue": "\(queue)"])
            } catch let error as AMQPError {
                // While draining, deliveries of the lost connection come back to the queue anyway.
                if isDraining { return nil }
                logger.info("AMQP consumer lost its connection; reconnecting",
                            metadata: ["amqp.queue": "\(queue)", "error": "\(error)"])
            }
            await dropConnection()
        }
        return nil
    }

    func cancel() async {
        isDraining = true
        try? await consumer?.cancel()
    }

    func close() async {
        isClosed = true
        await dropConnection()
    }

    private func dropConnection() async {
        let connection = self.connection
        self.connection = nil
        consumer = nil
        await connection?.close()
    }

    private func connect() async throws {
        var attempt = 0
        while !isClosed && !isDraining {
            do {
                let connection = try await AMQPConnection.connect(configuration, logger: logger)
                do {
                    try await setup(connection)
                    let consumer = try await connection.consume(queue: queue, prefetch: prefetch)
                    if isClosed || isDraining {
                        await connection.close()
                        return
                    }
                    self.connection = connection
                    self.consumer = consumer
                    connectionsOpened += 1
                    if connectionsOpened > 1 {
                        logger.info("AMQP consumer reconnected", metadata: ["amqp.queue": "\(queue)", "amqp.attempts": "\(attempt + 1)"])
                    }
                    return
                } catch {
                    await connection.close()
                    throw error
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let delay = backoff.delay(attempt: attempt)
                logger.info("AMQP consumer cannot connect; retrying",
                            metadata: ["amqp.queue": "\(queue)", "error": "\(error)", "amqp.retry_in": "\(delay)"])
                attempt += 1
                try await Task.sleep(for: delay)
            }
        }
    }
}
