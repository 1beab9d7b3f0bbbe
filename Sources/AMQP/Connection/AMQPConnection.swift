import CRabbitMQ
import Logging

/// A connection to a RabbitMQ broker.
///
/// The connection runs on its own OS thread (the actor's executor), so librabbitmq's
/// blocking calls never hold a thread of Swift's cooperative pool. While no call is
/// running the thread watches the socket: heartbeats are answered, deliveries and
/// confirms are read, and settlements (acks) are sent, all without help from the caller.
///
/// One connection serialises its work. Use one connection to publish and another to
/// consume (a consumer's acks then never wait behind a large publish). When the
/// connection drops (socket error, broker restart, missed heartbeats), every call and
/// every consumer's iteration throws an ``AMQPError`` whose
/// ``AMQPError/closesConnection`` is true: open a new connection, or use
/// ``ReconnectingConsumer`` and ``ReconnectingPublisher``, which do that.
///
/// Call ``close()`` when done.
public actor AMQPConnection {
    private nonisolated let thread: ConnectionThread
    private let core: ConnectionCore

    /// Where this connection goes (its description omits the password).
    public nonisolated let configuration: AMQPConfiguration

    /// The connection's own thread: every librabbitmq call runs there.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        thread.asUnownedSerialExecutor()
    }

    private init(configuration: AMQPConfiguration, logger: Logger, publishWindow: Int) {
        self.configuration = configuration
        thread = ConnectionThread(name: "amqp-connection")
        core = ConnectionCore(configuration: configuration, thread: thread, logger: logger,
                              publishWindow: max(1, publishWindow))
    }

    deinit {
        let core = self.core
        thread.stop { core.destroy() }
    }

    /// Opens a connection and logs in.
    ///
    /// - Parameters:
    ///   - configuration: where to connect; see ``AMQPConfiguration/init(url:)``.
    ///   - publishWindow: the most published messages awaiting their confirm at once;
    ///     a larger window publishes faster and holds more unconfirmed messages.
    /// - Throws: ``AMQPError`` with code `connectionFailed` or `authenticationFailed`.
    public static func connect(
        _ configuration: AMQPConfiguration,
        publishWindow: Int = 1024,
        logger: Logger = Logger(label: "amqp")
    ) async throws -> AMQPConnection {
        let connection = AMQPConnection(configuration: configuration, logger: logger, publishWindow: publishWindow)
        try await connection.open()
        return connection
    }

    private func open() throws(AMQPError) {
        try core.open()
        thread.attach(core)
    }

    /// True until the connection is closed or lost.
    public var isOpen: Bool { core.isOpen }

    /// Closes the connection: consumers are cancelled and their pending acks sent, then
    /// the broker is told. Consumers' iterations end; publishes still waiting for confirms
    /// fail with `connectionClosed`. Safe to call more than once.
    public func close() async {
        if core.beginClose() {
            core.roundTripConsumers()
            try? await Task.sleep(for: .milliseconds(100))
        }
        core.finishClose()
        thread.attach(nil)
    }

    // MARK: Topology

    /// Declares an exchange (creates it, or checks that it exists with these settings).
    public func declareExchange(
        _ name: String,
        type: ExchangeType = .direct,
        durable: Bool = true,
        autoDelete: Bool = false,
        internal isInternal: Bool = false,
        arguments: FieldTable = [:]
    ) throws {
        try core.withTopologyChannel("declaring exchange '\(name)'") { connection, channel, arena in
            _ = amqp_exchange_declare(connection, channel, arena.bytes(name), arena.bytes(type.name), 0,
                                      durable ? 1 : 0, autoDelete ? 1 : 0, isInternal ? 1 : 0, arena.table(arguments))
        }
    }

    /// Deletes an exchange; deleting one that does not exist succeeds.
    public func deleteExchange(_ name: String, ifUnused: Bool = false) throws {
        try core.withTopologyChannel("deleting exchange '\(name)'") { connection, channel, arena in
            _ = amqp_exchange_delete(connection, channel, arena.bytes(name), ifUnused ? 1 : 0)
        }
    }

    /// Declares a queue (creates it, or checks that it exists with these settings) and
    /// returns its counts. An empty name asks the broker to choose one.
    ///
    /// ```swift
    /// try await connection.declareQueue("relance.email", arguments: [
    ///     "x-queue-type": "quorum", "x-delivery-limit": 5,
    ///     "x-dead-letter-exchange": "relance.dlx", "x-dead-letter-strategy": "at-least-once",
    ///     "x-overflow": "reject-publish",
    /// ])
    /// ```
    @discardableResult
    public func declareQueue(
        _ name: String,
        durable: Bool = true,
        exclusive: Bool = false,
        autoDelete: Bool = false,
        arguments: FieldTable = [:]
    ) throws -> QueueInfo {
        try queueDeclare(name, passive: false, durable: durable, exclusive: exclusive, autoDelete: autoDelete,
                         arguments: arguments, context: "declaring queue '\(name)'")
    }

    /// The queue's counts (a passive declare). Throws `channelClosed` with reply code
    /// 404 when the queue does not exist.
    public func queueInfo(_ name: String) throws -> QueueInfo {
        try queueDeclare(name, passive: true, durable: false, exclusive: false, autoDelete: false,
                         arguments: [:], context: "inspecting queue '\(name)'")
    }

    private func queueDeclare(
        _ name: String, passive: Bool, durable: Bool, exclusive: Bool, autoDelete: Bool,
        arguments: FieldTable, context: String
    ) throws -> QueueInfo {
        let ok = try core.withTopologyChannel(context) { connection, channel, arena -> QueueInfo? in
            guard let ok = amqp_queue_declare(connection, channel, arena.bytes(name), passive ? 1 : 0, durable ? 1 : 0,
                                              exclusive ? 1 : 0, autoDelete ? 1 : 0, arena.table(arguments)) else {
                return nil
            }
            return QueueInfo(name: String(amqpBytes: ok.pointee.queue), messageCount: Int(ok.pointee.message_count),
                             consumerCount: Int(ok.pointee.consumer_count))
        }
        guard let ok else { throw AMQPError(.protocolError, "\(context): no answer from the broker") }
        return ok
    }

    /// Binds a queue to an exchange.
    public func bindQueue(_ queue: String, exchange: String, routingKey: String, arguments: FieldTable = [:]) throws {
        try core.withTopologyChannel("binding queue '\(queue)' to '\(exchange)'") { connection, channel, arena in
            _ = amqp_queue_bind(connection, channel, arena.bytes(queue), arena.bytes(exchange), arena.bytes(routingKey),
                                arena.table(arguments))
        }
    }

    /// Removes a binding.
    public func unbindQueue(_ queue: String, exchange: String, routingKey: String, arguments: FieldTable = [:]) throws {
        try core.withTopologyChannel("unbinding queue '\(queue)' from '\(exchange)'") { connection, channel, arena in
            _ = amqp_queue_unbind(connection, channel, arena.bytes(queue), arena.bytes(exchange), arena.bytes(routingKey),
                                  arena.table(arguments))
        }
    }

    /// Deletes a queue and returns how many messages it held; deleting one that does not
    /// exist succeeds.
    @discardableResult
    public func deleteQueue(_ name: String, ifUnused: Bool = false, ifEmpty: Bool = false) throws -> Int {
        try core.withTopologyChannel("deleting queue '\(name)'") { connection, channel, arena in
            let ok = amqp_queue_delete(connection, channel, arena.bytes(name), ifUnused ? 1 : 0, ifEmpty ? 1 : 0)
            return ok.map { Int($0.pointee.message_count) } ?? 0
        }
    }

    /// Removes every ready message from a queue and returns how many there were.
    @discardableResult
    public func purgeQueue(_ name: String) throws -> Int {
        try core.withTopologyChannel("purging queue '\(name)'") { connection, channel, arena in
            let ok = amqp_queue_purge(connection, channel, arena.bytes(name))
            return ok.map { Int($0.pointee.message_count) } ?? 0
        }
    }

    // MARK: Publishing

    /// Publishes a batch with publisher confirms and returns each message's outcome, in
    /// order. Messages stream out without waiting for each other; up to `publishWindow`
    /// of them await their confirm at once.
    ///
    /// - Throws: ``AMQPError`` when the channel or connection fails before every message
    ///   is settled. Messages confirmed before the failure were delivered, but the error
    ///   does not say which: ``ReconnectingPublisher`` keeps that account and republishes
    ///   only the others.
    public func publish(_ batch: [OutgoingMessage]) async throws -> [PublishOutcome] {
        let (outcomes, error) = await publishReportingOutcomes(batch)
        if let error { throw error }
        return outcomes.map { $0! }
    }

    /// Publishes like ``publish(_:)`` but, on failure, returns the outcomes known so far
    /// (nil for a message whose fate is unknown) with the error.
    func publishReportingOutcomes(_ messages: [OutgoingMessage]) async -> (outcomes: [PublishOutcome?], error: AMQPError?) {
        let batch = PublishBatch(messages)
        var index = 0
        while index < messages.count, batch.error == nil {
            let publisher: PublisherChannel
            do {
                publisher = try core.publisherChannel()
            } catch {
                batch.fail(error)
                break
            }
            if publisher.inFlight >= core.publishWindow {
                core.readAvailableFrames()
                await waitForWindow(publisher)
                continue
            }
            do {
                try core.publish(messages[index], index: index, batch: batch, on: publisher)
            } catch {
                batch.fail(error)
                break
            }
            index += 1
            if index % 64 == 0 { core.readAvailableFrames() }
        }
        if batch.error == nil {
            core.readAvailableFrames()
            await waitForSettlement(of: batch)
        }
        return (batch.outcomes, batch.error)
    }

    /// Waits until the publisher has room in its window. The check and the registration
    /// run in one job on the connection thread, so a confirm cannot slip in between.
    private func waitForWindow(_ publisher: PublisherChannel) async {
        await withCheckedContinuation { continuation in
            if core.publisher === publisher, publisher.inFlight >= core.publishWindow {
                publisher.addWindowWaiter(continuation)
            } else {
                continuation.resume()
            }
        }
    }

    /// Waits until every published message of the batch is settled or the channel fails.
    private func waitForSettlement(of batch: PublishBatch) async {
        await withCheckedContinuation { continuation in
            if batch.unsettled > 0, batch.error == nil {
                batch.waiter = continuation
            } else {
                continuation.resume()
            }
        }
    }

    // MARK: Consuming

    /// Starts a consumer on its own channel, with manual acknowledgements.
    ///
    /// - Parameters:
    ///   - queue: the queue to consume from.
    ///   - prefetch: the most unsettled deliveries the broker sends this consumer (at
    ///     least 1). Deliveries wait in memory only up to this bound.
    ///   - exclusive: ask to be the queue's only consumer.
    ///   - arguments: consumer arguments (for example `x-priority`).
    public func consume(
        queue: String,
        prefetch: UInt16 = 100,
        exclusive: Bool = false,
        arguments: FieldTable = [:]
    ) throws -> AMQPConsumer {
        let id = try core.startConsumer(queue: queue, prefetch: max(1, prefetch), exclusive: exclusive, arguments: arguments)
        return AMQPConsumer(connection: self, id: id, queue: queue, tag: core.consumer(id)?.tag ?? "")
    }

    /// The next deliveries for a consumer: what arrived since the last call, waiting for
    /// at least one. Nil when the consumer was cancelled or the connection closed.
    func nextDeliveries(_ id: ConsumerID) async throws -> [Delivery]? {
        core.flushSettlements()
        if let ready = try readyDeliveries(id) { return ready }
        guard let consumer = core.consumer(id) else { return nil }
        let wait = core.makeWaitID()
        let acknowledger = consumer.acknowledger
        return try await withTaskCancellationHandler {
            try await waitForDeliveries(id, wait: wait)
        } onCancel: {
            acknowledger.cancelWait(wait)
        }
    }

    /// What `nextDeliveries` returns without waiting: `.some(batch)`, `.some(nil)` when the
    /// sequence has ended, or nil when the caller must wait.
    private func readyDeliveries(_ id: ConsumerID) throws -> [Delivery]?? {
        guard let consumer = core.consumer(id) else {
            if let failure = core.ending(of: id) { throw failure }
            return .some(nil)
        }
        if !consumer.buffer.isEmpty {
            let batch = consumer.buffer
            consumer.buffer = []
            return batch
        }
        if let failure = consumer.failure { throw failure }
        if consumer.isCancelled || consumer.isFinished { return .some(nil) }
        return nil
    }

    /// Registers the wait. The checks and the registration run in one go on the
    /// connection thread, so a delivery read in between cannot be missed (the
    /// cancellation handler's closure may hop executors before getting here).
    private func waitForDeliveries(_ id: ConsumerID, wait: UInt64) async throws -> [Delivery]? {
        try await withCheckedThrowingContinuation { continuation in
            do {
                if let ready = try readyDeliveries(id) {
                    continuation.resume(returning: ready)
                } else if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else if let consumer = core.consumer(id) {
                    consumer.waiter = (wait, continuation)
                } else {
                    continuation.resume(returning: nil)
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    func cancelConsumer(_ id: ConsumerID) throws {
        guard let consumer = core.consumer(id) else { return }
        try core.cancel(consumer)
    }

    func closeConsumer(_ id: ConsumerID) async {
        guard let consumer = core.consumer(id) else { return }
        if core.beginClosing(consumer) {
            core.roundTripConsumers()
            try? await Task.sleep(for: .milliseconds(100))
        }
        core.finishClosing(consumer)
    }
}
