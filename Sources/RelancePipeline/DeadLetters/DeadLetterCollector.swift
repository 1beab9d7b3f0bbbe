import AMQP
import Foundation
import Logging
import RelanceCore
import ServiceLifecycle

/// Moves the messages of the dead-letter queues (`relance.dlq.<channel>`) into the system of
/// record (`DeadLetterStorage`), where operators list, read, replay or discard them.
///
/// Each queue has a consumer with manual acks; a batch is stored in one transaction and
/// acknowledged only once committed. A collector killed between the commit and the ack leaves
/// the messages in the queue, to be collected again: the storage recognises each by its
/// `dedupKey` — the job id (or the message id, else a fingerprint of the body, for a body that is no job), the moment it was
/// dead-lettered (the worker's `x-relance-dead-lettered-at` header, else the broker's `x-death`
/// time) and the broker's death count — so nothing is lost and nothing is stored twice. A job
/// replayed and dead-lettered again is a new dead-lettering, with a new moment: a new row.
public struct DeadLetterCollector<Storage: DeadLetterStorage>: Service {
    public let storage: Storage
    public let brokers: [AMQPConfiguration]
    public let topology: JobTopology
    public let prefetch: UInt16
    public let logger: Logger

    public init(storage: Storage, brokers: [AMQPConfiguration], topology: JobTopology = JobTopology(),
                prefetch: UInt16 = 100, logger: Logger) {
        precondition(!brokers.isEmpty, "the collector needs at least one broker")
        self.storage = storage
        self.brokers = brokers
        self.topology = topology
        self.prefetch = prefetch
        self.logger = logger
    }

    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for channel in JobTopology.queueChannels {
                group.addTask { try await collect(channel) }
            }
            try await group.waitForAll()
        }
    }

    private func collect(_ channel: Channel) async throws {
        var logger = self.logger
        logger[metadataKey: "channel"] = "\(channel)"
        let topology = self.topology
        let consumer = ReconnectingConsumer(
            brokers: brokers, queue: JobTopology.deadLetterQueue(for: channel), prefetch: prefetch, logger: logger,
            setup: { connection in try await topology.declare(on: connection) }
        )
        var batches = consumer.makeAsyncIterator()
        do {
            try await withGracefulShutdownHandler {
                while let batch = try await batches.nextBatch() {
                    try await store(batch, channel: channel, logger: logger)
                }
            } onGracefulShutdown: {
                Task { await consumer.cancel() }
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    /// Stores a batch, retrying while the storage is unreachable, then acknowledges it.
    private func store(_ batch: [Delivery], channel: Channel, logger: Logger) async throws {
        let letters = batch.map { Self.letter(from: $0, channel: channel.queueChannel.rawValue) }
        var delay = Duration.milliseconds(200)
        while true {
            do {
                try await storage.collect(letters)
                break
            } catch {
                logger.warning("Dead letters not stored; trying again", metadata: ["error": "\(error)", "count": "\(letters.count)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
        batch.last?.ack(multiple: true)
        logger.info("Dead letters collected", metadata: ["count": "\(letters.count)"])
    }

    /// What is stored of one delivery from `channel`'s dead-letter queue.
    public static func letter(from delivery: Delivery, channel: String) -> CollectedDeadLetter {
        let headers = delivery.headers
        let job = try? ReminderJob.decode(Data(delivery.body))
        let latestDeath: FieldTable? = {
            guard case .array(let deaths)? = headers["x-death"], case .table(let latest)? = deaths.first else { return nil }
            return latest
        }()
        let reason = headers[AMQPJobBroker.reasonHeader]?.stringValue
            ?? latestDeath?["reason"]?.stringValue
            ?? headers["x-first-death-reason"]?.stringValue
            ?? "unknown"
        let deathCount = Int(latestDeath?["count"]?.integerValue ?? 1)
        var moment: Date?
        var momentText = ""
        if let text = headers["x-relance-dead-lettered-at"]?.stringValue {
            momentText = text
            moment = try? Date(text, strategy: .iso8601)
        } else if case .timestamp(let seconds)? = latestDeath?["time"] {
            momentText = String(seconds)
            moment = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let identity = job.map { $0.jobId.uuidString.lowercased() }
            ?? delivery.properties.messageID
            ?? "body:" + String(FieldTableJSON.fingerprint(delivery.body), radix: 16)
        return CollectedDeadLetter(
            tenantId: job?.tenantId, jobId: job?.jobId, channel: channel, reason: reason, body: delivery.body,
            headers: FieldTableJSON.encode(headers), deathCount: max(1, deathCount), firstDeadLetteredAt: moment,
            dedupKey: "\(identity)|\(momentText)|\(deathCount)"
        )
    }
}
