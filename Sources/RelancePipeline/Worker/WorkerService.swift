import AMQP
import Foundation
import Logging
import RelanceCore
import ServiceLifecycle

/// Consumes the queues of some channels and runs each batch of deliveries through the
/// `JobProcessor`: outcomes are committed for the whole batch, retries and dead letters are
/// published (with confirms), and only then are the deliveries acknowledged — one
/// multiple-ack per batch when all went well.
///
/// Graceful shutdown (SIGTERM): consumers are cancelled so no new delivery comes, the batch in
/// hand is finished and acknowledged, and deliveries not yet processed go back to the queue
/// when the connection closes. A killed worker loses nothing either: its unacknowledged
/// deliveries are redelivered, and a job with an outcome already is only acknowledged.
public struct WorkerService: Service {
    public struct Configuration: Sendable {
        /// Queue channels to consume (registered letters travel on `letter`).
        public var channels: [Channel] = JobTopology.queueChannels
        /// Consumers (each with its own connection) per channel.
        public var consumersPerChannel = 1
        /// Unacknowledged deliveries the broker may send each consumer; a batch is at most this
        /// many, and one batch shares its reads and one commit (a thousand measured faster than
        /// five hundred in the pipeline benchmark, with no gain beyond).
        public var prefetch: UInt16 = 1_000
        /// After a batch of fewer than half `prefetch` deliveries, how long to let more arrive
        /// before taking the next one. A batch's reads and its commit cost about the same for
        /// ten deliveries as for a thousand: a worker that keeps pace with the relay would
        /// otherwise take its deliveries a few at a time. Zero: take what is there at once.
        public var batchLinger: Duration = .milliseconds(10)
        /// Pause before handing a batch back when the database could not be reached.
        public var databaseFailurePause: Duration = .seconds(1)
        public init() {}
    }

    /// Header carrying our attempt counter on retried messages.
    public static let attemptHeader = "x-relance-attempt"
    /// Header carrying why a message was dead-lettered.
    public static let reasonHeader = "x-relance-reason"

    public let amqp: AMQPConfiguration
    public let processor: JobProcessor
    public let publisher: ReconnectingPublisher
    public let topology: JobTopology
    public let configuration: Configuration
    public let logger: Logger

    public init(amqp: AMQPConfiguration, processor: JobProcessor, publisher: ReconnectingPublisher,
                topology: JobTopology = JobTopology(), configuration: Configuration = Configuration(), logger: Logger) {
        self.amqp = amqp
        self.processor = processor
        self.publisher = publisher
        self.topology = topology
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for channel in Set(configuration.channels.map(\.queueChannel)) {
                for _ in 0..<max(1, configuration.consumersPerChannel) {
                    group.addTask { try await consume(channel) }
                }
            }
            try await group.waitForAll()
        }
    }

    private func consume(_ channel: Channel) async throws {
        let topology = self.topology
        let consumer = ReconnectingConsumer(
            configuration: amqp, queue: JobTopology.queue(for: channel), prefetch: configuration.prefetch,
            logger: logger
        ) { connection in
            try await topology.declare(on: connection)
        }
        var logger = self.logger
        logger[metadataKey: "channel"] = "\(channel)"
        logger.info("Worker consuming")
        var iterator = consumer.makeAsyncIterator()
        do {
            try await withGracefulShutdownHandler {
                while let batch = try await iterator.nextBatch() {
                    try await handle(batch, channel: channel, logger: logger)
                    if batch.count < Int(configuration.prefetch) / 2, configuration.batchLinger > .zero {
                        try await Task.sleep(for: configuration.batchLinger)
                    }
                }
            } onGracefulShutdown: {
                Task { await consumer.cancel() }
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        logger.info("Worker stopped")
    }

    private func handle(_ batch: [Delivery], channel: Channel, logger: Logger) async throws {
        guard !batch.isEmpty else { return }
        let messages = batch.map { delivery in
            IncomingMessage(
                body: delivery.body,
                attempt: Int(delivery.headers[Self.attemptHeader]?.integerValue ?? 1),
                queueChannel: channel.rawValue
            )
        }
        do {
            _ = try await processor.process(messages) { dispositions in
                try await publishRetriesAndDeadLetters(batch, dispositions, channel: channel)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("Batch not processed; handing it back", metadata: ["error": "\(String(reflecting: error))"])
            try await Task.sleep(for: configuration.databaseFailurePause)
            for delivery in batch { delivery.nack(requeue: true) }
            return
        }
        // Every delivery of the batch is settled: its outcome is committed, or it was a
        // duplicate, or its retry / dead letter is confirmed by the broker.
        batch.last!.ack(multiple: true)
    }

    /// Publishes the batch's retries and dead letters; throws unless the broker confirmed all.
    private func publishRetriesAndDeadLetters(_ batch: [Delivery], _ dispositions: [MessageDisposition], channel: Channel) async throws {
        var outgoing: [OutgoingMessage] = []
        for (index, disposition) in dispositions.enumerated() {
            switch disposition {
            case .acknowledge:
                continue
            case .retry(let delay, let nextAttempt):
                outgoing.append(retryMessage(batch[index], channel: channel, delay: delay, attempt: nextAttempt))
            case .deadLetter(let reason):
                outgoing.append(deadLetter(batch[index], channel: channel, reason: reason))
            }
        }
        guard !outgoing.isEmpty else { return }
        let outcomes = try await publisher.publish(outgoing)
        guard outcomes.allSatisfy(\.isConfirmed) else {
            throw RetryPublishFailed(refused: outcomes.filter { !$0.isConfirmed }.count)
        }
    }

    struct RetryPublishFailed: Error, CustomStringConvertible {
        let refused: Int
        var description: String { "the broker refused \(refused) retry or dead-letter message(s)" }
    }

    private func retryMessage(_ delivery: Delivery, channel: Channel, delay: Duration, attempt: Int) -> OutgoingMessage {
        var properties = delivery.properties
        properties.headers.fields[Self.attemptHeader] = .int64(Int64(attempt))
        properties.expiration = delay
        properties.deliveryMode = .persistent
        return OutgoingMessage(
            exchange: "",
            routingKey: JobTopology.retryQueue(for: channel, tier: JobTopology.retryTier(for: delay)),
            body: delivery.body,
            properties: properties,
            mandatory: true
        )
    }

    private func deadLetter(_ delivery: Delivery, channel: Channel, reason: String) -> OutgoingMessage {
        var properties = delivery.properties
        properties.headers.fields[Self.reasonHeader] = .string(reason)
        properties.headers.fields["x-relance-dead-lettered-at"] = .string(ISO8601DateFormatter().string(from: Date()))
        properties.expiration = nil
        properties.deliveryMode = .persistent
        return OutgoingMessage(
            exchange: JobTopology.deadLetterExchange,
            routingKey: JobTopology.routingKey(for: channel),
            body: delivery.body,
            properties: properties,
            mandatory: true
        )
    }
}

// The service group describes its services in its log lines: name the role, not the whole
// processor (its composer holds every template and rate table).
extension WorkerService: CustomStringConvertible {
    public var description: String {
        "WorkerService(channels: \(configuration.channels.map(\.rawValue).joined(separator: ", ")))"
    }
}
