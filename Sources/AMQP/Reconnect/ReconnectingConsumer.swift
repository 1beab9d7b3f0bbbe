import Logging

/// Consumes a queue across connection losses: when the connection drops (broker restart,
/// network cut, missed heartbeats, consumer cancelled by the broker), it opens a new
/// connection with exponential backoff and jitter, runs `setup` again (declare the
/// queues and exchanges the consumer needs), and goes on consuming. Given several brokers
/// (the nodes of a cluster), it connects to the first that answers; when that connection is
/// lost or an attempt fails, it moves on to the next (round robin).
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
    ///   - onConnectionChange: told `true` when a connection is consuming, `false` with the
    ///     reason when it is lost or an attempt fails (a readiness check reads this). It comes
    ///     after `setup`, so that a trailing closure is still the setup.
    public convenience init(
        configuration: AMQPConfiguration,
        queue: String,
        prefetch: UInt16 = 100,
        backoff: Backoff = Backoff(),
        logger: Logger = Logger(label: "amqp"),
        setup: @escaping @Sendable (AMQPConnection) async throws -> Void = { _ in },
        onConnectionChange: @escaping @Sendable (_ connected: Bool, _ reason: String) -> Void = { _, _ in }
    ) {
        self.init(brokers: [configuration], queue: queue, prefetch: prefetch, backoff: backoff, logger: logger,
                  setup: setup, onConnectionChange: onConnectionChange)
    }

    /// A consumer that fails over between `brokers`, tried in turn; the other parameters are
    /// those of ``init(configuration:queue:prefetch:backoff:logger:setup:)``.
    public init(
        brokers: [AMQPConfiguration],
        queue: String,
        prefetch: UInt16 = 100,
        backoff: Backoff = Backoff(),
        logger: Logger = Logger(label: "amqp"),
        setup: @escaping @Sendable (AMQPConnection) async throws -> Void = { _ in },
        onConnectionChange: @escaping @Sendable (_ connected: Bool, _ reason: String) -> Void = { _, _ in }
    ) {
        precondition(!brokers.isEmpty, "a consumer needs at least one broker")
        session = ReconnectingConsumerSession(
            brokers: brokers, queue: queue, prefetch: prefetch, backoff: backoff, logger: logger,
            onConnectionChange: onConnectionChange, setup: setup)
    }

    /// How many times a lost connection was replaced.
    public var reconnectCount: Int {
        get async { await session.reconnectCount }
    }

    /// The broker of the open connection, if any.
    public var currentBroker: AMQPConfiguration? {
        get async { await session.currentBroker }
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

        /// The deliveries in hand, or else the next ones to arrive (waiting for at least
        /// one): a batch to process and settle together. Nil when the sequence has ended.
        public mutating func nextBatch() async throws -> [Delivery]? {
            let rest = position < batch.count ? Array(batch[position...]).filter { !$0.acknowledger.isClosed } : []
            batch = []
            position = 0
            if !rest.isEmpty { return rest }
            while let next = try await session.nextBatch() {
                let open = next.filter { !$0.acknowledger.isClosed }
                if !open.isEmpty { return open }
            }
            return nil
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
    private let brokers: [AMQPConfiguration]
    /// The broker the next connection attempt goes to.
    private var nextBroker = 0
    private let queue: String
    private let prefetch: UInt16
    private let backoff: Backoff
    private let logger: Logger
    private let setup: @Sendable (AMQPConnection) async throws -> Void
    private let onConnectionChange: @Sendable (Bool, String) -> Void
    private var connection: AMQPConnection?
    private var consumer: AMQPConsumer?
    private var isClosed = false
    /// ``cancel()`` was called: end once the deliveries in hand are out; never reconnect.
    private var isDraining = false
    private var connectionsOpened = 0

    init(brokers: [AMQPConfiguration], queue: String, prefetch: UInt16, backoff: Backoff, logger: Logger,
         onConnectionChange: @escaping @Sendable (Bool, String) -> Void,
         setup: @escaping @Sendable (AMQPConnection) async throws -> Void) {
        self.onConnectionChange = onConnectionChange
        self.brokers = brokers
        self.queue = queue
        self.prefetch = prefetch
        self.backoff = backoff
        self.logger = logger
        self.setup = setup
    }

    var reconnectCount: Int { max(0, connectionsOpened - 1) }

    var currentBroker: AMQPConfiguration? { connection?.configuration }

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
                onConnectionChange(false, "the broker ended the consumer of \(queue)")
            } catch let error as AMQPError {
                // While draining, deliveries of the lost connection come back to the queue anyway.
                if isDraining { return nil }
                logger.info("AMQP consumer lost its connection; reconnecting",
                            metadata: ["amqp.queue": "\(queue)", "error": "\(error)"])
                onConnectionChange(false, "lost the connection consuming \(queue): \(error)")
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
            let broker = brokers[nextBroker]
            // Whether this attempt fails or its connection is later lost, the next goes elsewhere.
            nextBroker = (nextBroker + 1) % brokers.count
            do {
                let connection = try await AMQPConnection.connect(broker, logger: logger)
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
                    onConnectionChange(true, "")
                    if connectionsOpened > 1 {
                        logger.info("AMQP consumer reconnected",
                                    metadata: ["amqp.queue": "\(queue)", "amqp.broker": "\(broker)", "amqp.attempts": "\(attempt + 1)"])
                    } else {
                        logger.log(level: brokers.count > 1 ? .info : .debug, "AMQP consumer connected",
                                   metadata: ["amqp.queue": "\(queue)", "amqp.broker": "\(broker)"])
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
                onConnectionChange(false, "cannot connect to consume \(queue): \(error)")
                logger.info("AMQP consumer cannot connect; retrying",
                            metadata: ["amqp.queue": "\(queue)", "amqp.broker": "\(broker)", "error": "\(error)",
                                       "amqp.retry_in": "\(delay)"])
                attempt += 1
                try await Task.sleep(for: delay)
            }
        }
    }
}
