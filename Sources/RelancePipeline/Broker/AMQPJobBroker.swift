import AMQP
import Foundation
import Logging
import RelanceCore

/// The pipeline's broker on RabbitMQ (`relance.jobs` → one quorum queue per channel, delayed
/// retry queues, dead-letter queues; see `JobTopology`). Jobs are published persistent, with
/// the mandatory flag and publisher confirms, through one reconnecting publisher; each
/// subscription has a reconnecting consumer of its own. Given several brokers (the nodes of a
/// cluster), the publisher and each consumer fail over between them.
public struct AMQPJobBroker: JobBroker {
    /// Header carrying our attempt counter on retried messages.
    public static let attemptHeader = "x-relance-attempt"
    /// Header carrying why a message was dead-lettered.
    public static let reasonHeader = "x-relance-reason"

    /// The brokers consumers connect to, tried in turn.
    public let brokers: [AMQPConfiguration]
    public let publisher: ReconnectingPublisher
    public let topology: JobTopology
    /// Where consumers report their connection: a consumer that lost its broker is not ready
    /// until it has reconnected (`/ready`).
    public var readiness: Readiness = Readiness()

    /// The first broker.
    public var configuration: AMQPConfiguration { brokers[0] }

    /// Publishes through `publisher`, which declares `topology` on each connection it opens.
    public init(configuration: AMQPConfiguration, publisher: ReconnectingPublisher, topology: JobTopology = JobTopology()) {
        self.init(brokers: [configuration], publisher: publisher, topology: topology)
    }

    /// Publishes through `publisher`; consumers fail over between `brokers` (not empty).
    public init(brokers: [AMQPConfiguration], publisher: ReconnectingPublisher, topology: JobTopology = JobTopology()) {
        precondition(!brokers.isEmpty, "a job broker needs at least one broker")
        self.brokers = brokers
        self.publisher = publisher
        self.topology = topology
    }

    /// A broker with a publisher of its own: at most `publishWindow` messages await their
    /// confirm at once, and a lost connection is replaced after `backoff`.
    public init(configuration: AMQPConfiguration, publishWindow: Int = 1024, backoff: Backoff = Backoff(), logger: Logger) {
        self.init(brokers: [configuration], publishWindow: publishWindow, backoff: backoff, logger: logger)
    }

    /// A broker with a publisher of its own that, like the consumers, fails over between
    /// `brokers` (not empty).
    public init(brokers: [AMQPConfiguration], publishWindow: Int = 1024, backoff: Backoff = Backoff(), logger: Logger) {
        let topology = JobTopology()
        let publisher = ReconnectingPublisher(
            brokers: brokers, publishWindow: publishWindow, backoff: backoff, logger: logger
        ) { connection in
            try await topology.declare(on: connection)
        }
        self.init(brokers: brokers, publisher: publisher, topology: topology)
    }

    public func publish(_ jobs: [OutboxJob]) async throws -> [PublishResult] {
        let outcomes = try await publisher.publish(jobs.map(Self.message(for:)))
        return outcomes.map { outcome in
            switch outcome {
            case .confirmed: .confirmed
            case .nacked: .failed(reason: "nacked by the broker")
            case .returned(let code, let text): .failed(reason: "returned by the broker: \(code) \(text)")
            }
        }
    }

    public func resend(_ messages: [(message: Message, action: Resend)], channel: Channel) async throws {
        guard !messages.isEmpty else { return }
        let outgoing = messages.map { entry in
            switch entry.action {
            case .retry(let delay, let attempt): Self.retry(entry.message.delivery, channel: channel, delay: delay, attempt: attempt)
            case .deadLetter(let reason): Self.deadLetter(entry.message.delivery, channel: channel, reason: reason)
            }
        }
        let outcomes = try await publisher.publish(outgoing)
        let refused = outcomes.filter { !$0.isConfirmed }.count
        guard refused == 0 else { throw ResendRefused(refused: refused) }
    }

    public func subscribe(to channel: Channel, prefetch: Int, logger: Logger) -> Subscription {
        let (topology, readiness) = (self.topology, self.readiness)
        let queue = JobTopology.queue(for: channel)
        let part = "broker.consumer.\(queue).\(UUID().uuidString.prefix(8))"
        let consumer = ReconnectingConsumer(
            brokers: brokers, queue: queue,
            prefetch: UInt16(clamping: max(1, prefetch)), logger: logger,
            setup: { connection in try await topology.declare(on: connection) },
            onConnectionChange: { connected, reason in
                if connected { readiness.ready(part) } else { readiness.notReady(part, reason) }
            }
        )
        return Subscription(consumer: consumer)
    }

    /// Closes the publisher's connection.
    public func close() async {
        await publisher.close()
    }

    /// The broker refused (nacked or returned) some retries or dead letters.
    struct ResendRefused: Error, CustomStringConvertible {
        let refused: Int
        var description: String { "the broker refused \(refused) retry or dead-letter message(s)" }
    }

    /// A delivery from a job queue, with our attempt counter read from its headers.
    public struct Message: InboundJob {
        public let delivery: Delivery
        public var body: [UInt8] { delivery.body }
        public var attempt: Int { Int(delivery.headers[AMQPJobBroker.attemptHeader]?.integerValue ?? 1) }
        public var isLive: Bool { delivery.isSettleable }
    }

    /// One queue's consumer. A batch is acknowledged with one multiple-ack of its last delivery.
    public struct Subscription: JobSubscription {
        let consumer: ReconnectingConsumer

        public func batches() -> Batches {
            Batches(iterator: consumer.makeAsyncIterator())
        }

        public func acknowledge(_ batch: [Message]) {
            batch.last?.delivery.ack(multiple: true)
        }

        public func handBack(_ batch: [Message]) {
            for message in batch { message.delivery.nack(requeue: true) }
        }

        public func cancel() async { await consumer.cancel() }

        public func close() async { await consumer.close() }
    }

    /// The deliveries of one consumer, as they arrive.
    public struct Batches: JobBatches {
        var iterator: ReconnectingConsumer.AsyncIterator

        public mutating func nextBatch() async throws -> [Message]? {
            try await iterator.nextBatch()?.map(Message.init(delivery:))
        }
    }

    // MARK: - Messages

    static func message(for job: OutboxJob) -> OutgoingMessage {
        OutgoingMessage(
            exchange: JobTopology.jobsExchange,
            routingKey: JobTopology.routingKey(for: job.channel),
            body: [UInt8](job.payload),
            properties: MessageProperties(
                contentType: "application/json",
                deliveryMode: .persistent,
                messageID: job.id.text(uppercase: false),
                timestamp: UInt64(Date().timeIntervalSince1970),
                type: "relance.reminder_job"
            ),
            mandatory: true
        )
    }

    static func retry(_ delivery: Delivery, channel: Channel, delay: Duration, attempt: Int) -> OutgoingMessage {
        var properties = delivery.properties
        properties.headers.fields[attemptHeader] = .int64(Int64(attempt))
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

    static func deadLetter(_ delivery: Delivery, channel: Channel, reason: String) -> OutgoingMessage {
        var properties = delivery.properties
        properties.headers.fields[reasonHeader] = .string(reason)
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
