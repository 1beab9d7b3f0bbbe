import Logging

/// Publishes with confirms across connection losses. When the connection or channel
/// fails in the middle of a batch, it keeps the outcomes the broker already gave, opens
/// a new connection (exponential backoff with jitter), runs `setup` again, and
/// republishes only the messages whose fate is unknown. Every message of a batch thus
/// ends confirmed, returned or nacked, and no confirmed message is lost.
///
/// A republished message may reach the queue twice (its first copy may have arrived
/// without its confirm): consumers must be idempotent, for example by message id.
///
/// Given several brokers (the nodes of a cluster), it connects to the first that answers;
/// when that connection is lost or an attempt fails, it moves on to the next (round robin).
///
/// It retries until the calling task is cancelled (then `publish` throws
/// `CancellationError`, and the batch's messages may or may not have been published) or
/// the publisher is closed. Concurrent `publish` calls share one connection.
public actor ReconnectingPublisher {
    private let brokers: [AMQPConfiguration]
    /// The broker the next connection attempt goes to.
    private var nextBroker = 0
    private let publishWindow: Int
    private let backoff: Backoff
    private let logger: Logger
    private let setup: @Sendable (AMQPConnection) async throws -> Void
    private var connection: AMQPConnection?
    private var isConnecting = false
    private var connectWaiters: [CheckedContinuation<Void, Never>] = []
    private var isClosed = false
    private var connectionsOpened = 0

    /// - Parameters:
    ///   - configuration: the broker to connect to.
    ///   - publishWindow: the most messages awaiting their confirm at once.
    ///   - backoff: delays between attempts.
    ///   - logger: where connection losses and recoveries are logged (info level).
    ///   - setup: run on each new connection before publishing (declare exchanges).
    public init(
        configuration: AMQPConfiguration,
        publishWindow: Int = 1024,
        backoff: Backoff = Backoff(),
        logger: Logger = Logger(label: "amqp"),
        setup: @escaping @Sendable (AMQPConnection) async throws -> Void = { _ in }
    ) {
        self.init(brokers: [configuration], publishWindow: publishWindow, backoff: backoff, logger: logger, setup: setup)
    }

    /// A publisher that fails over between `brokers`, tried in turn; the other parameters are
    /// those of ``init(configuration:publishWindow:backoff:logger:setup:)``.
    public init(
        brokers: [AMQPConfiguration],
        publishWindow: Int = 1024,
        backoff: Backoff = Backoff(),
        logger: Logger = Logger(label: "amqp"),
        setup: @escaping @Sendable (AMQPConnection) async throws -> Void = { _ in }
    ) {
        precondition(!brokers.isEmpty, "a publisher needs at least one broker")
        self.brokers = brokers
        self.publishWindow = publishWindow
        self.backoff = backoff
        self.logger = logger
        self.setup = setup
    }

    /// How many times a lost connection was replaced.
    public var reconnectCount: Int { max(0, connectionsOpened - 1) }

    /// The broker of the open connection, if any.
    public var currentBroker: AMQPConfiguration? { connection?.configuration }

    /// Publishes the batch and returns each message's outcome, in order, retrying through
    /// connection losses. Throws `CancellationError` when the task is cancelled, and
    /// ``AMQPError`` with code `connectionClosed` once the publisher is closed.
    public func publish(_ batch: [OutgoingMessage]) async throws -> [PublishOutcome] {
        var outcomes = [PublishOutcome?](repeating: nil, count: batch.count)
        var pending = Array(batch.indices)
        var failuresInARow = 0
        while !pending.isEmpty {
            try Task.checkCancellation()
            let connection = try await currentConnection()
            let (partial, error) = await connection.publishReportingOutcomes(pending.map { batch[$0] })
            var progressed = false
            for (position, outcome) in partial.enumerated() where outcome != nil {
                outcomes[pending[position]] = outcome
                progressed = true
            }
            pending.removeAll { outcomes[$0] != nil }
            guard let error else { continue }
            logger.info("AMQP publish interrupted; republishing unconfirmed messages",
                        metadata: ["amqp.unconfirmed": "\(pending.count)", "error": "\(error)"])
            // Any failure gets a fresh connection, so that `setup` runs again (a channel
            // error such as a missing exchange may be repaired by it).
            await drop(connection)
            failuresInARow = progressed ? 0 : failuresInARow + 1
            if failuresInARow > 0 {
                try await Task.sleep(for: backoff.delay(attempt: failuresInARow - 1))
            }
        }
        let settled = outcomes.map { $0! }
        let nacked = settled.count { if case .nacked = $0 { true } else { false } }
        if nacked > 0, let connection {
            // A nack is the broker's own failure, rare on a healthy node; after a quorum queue's
            // leader died, a channel was refused more and more of each batch for minutes while a
            // new one was accepted. So the next batch gets a fresh connection, to the next
            // broker of the list; the nacked messages are the caller's to publish again.
            logger.warning("AMQP broker nacked messages; reconnecting", metadata: [
                "amqp.nacked": "\(nacked)", "amqp.batch": "\(settled.count)", "amqp.broker": "\(connection.configuration)",
            ])
            await drop(connection)
        }
        return settled
    }

    /// Closes the connection. Publishes in progress fail with `connectionClosed`.
    public func close() async {
        isClosed = true
        let connection = self.connection
        self.connection = nil
        await connection?.close()
    }

    private func drop(_ failed: AMQPConnection) async {
        if connection === failed { connection = nil }
        await failed.close()
    }

    private func currentConnection() async throws -> AMQPConnection {
        while true {
            if isClosed { throw AMQPError(.connectionClosed, "the publisher was closed") }
            if let connection {
                if await connection.isOpen { return connection }
                await drop(connection)
                continue
            }
            if isConnecting {
                await withCheckedContinuation { continuation in
                    // Checked again in the same job that registers the wait.
                    if isConnecting {
                        connectWaiters.append(continuation)
                    } else {
                        continuation.resume()
                    }
                }
                continue
            }
            isConnecting = true
            defer {
                isConnecting = false
                let waiters = connectWaiters
                connectWaiters = []
                for waiter in waiters { waiter.resume() }
            }
            try await connect()
        }
    }

    private func connect() async throws {
        var attempt = 0
        while !isClosed {
            let broker = brokers[nextBroker]
            // Whether this attempt fails or its connection is later lost, the next goes elsewhere.
            nextBroker = (nextBroker + 1) % brokers.count
            do {
                let connection = try await AMQPConnection.connect(broker, publishWindow: publishWindow, logger: logger)
                do {
                    try await setup(connection)
                } catch {
                    await connection.close()
                    throw error
                }
                if isClosed {
                    await connection.close()
                    return
                }
                self.connection = connection
                connectionsOpened += 1
                if connectionsOpened > 1 {
                    logger.info("AMQP publisher reconnected",
                                metadata: ["amqp.broker": "\(broker)", "amqp.attempts": "\(attempt + 1)"])
                } else {
                    logger.log(level: brokers.count > 1 ? .info : .debug, "AMQP publisher connected",
                               metadata: ["amqp.broker": "\(broker)"])
                }
                return
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let delay = backoff.delay(attempt: attempt)
                logger.info("AMQP publisher cannot connect; retrying",
                            metadata: ["amqp.broker": "\(broker)", "error": "\(error)", "amqp.retry_in": "\(delay)"])
                attempt += 1
                try await Task.sleep(for: delay)
            }
        }
    }
}
