import Foundation
import Logging
import RelanceCore
import ServiceLifecycle

/// Consumes the queues of some channels and runs each batch of deliveries through the
/// `JobProcessor`: retries and dead letters are sent back (confirmed by the broker), outcomes
/// are committed for the whole batch, and only then are the deliveries acknowledged, at once.
///
/// Graceful shutdown (SIGTERM): consumers are cancelled so no new delivery comes, the batch in
/// hand is finished and acknowledged, and deliveries not yet processed go back to the queue
/// when the connection closes. A killed worker loses nothing either: its unacknowledged
/// deliveries are redelivered, and a job with an outcome already is only acknowledged.
public struct WorkerService<Storage: WorkerStorage, Broker: JobBroker>: Service {
    public typealias Configuration = WorkerConfiguration

    public let processor: JobProcessor<Storage>
    public let broker: Broker
    public let configuration: Configuration
    public let logger: Logger

    public init(processor: JobProcessor<Storage>, broker: Broker, configuration: Configuration = Configuration(), logger: Logger) {
        self.processor = processor
        self.broker = broker
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
        var logger = self.logger
        logger[metadataKey: "channel"] = "\(channel)"
        let subscription = broker.subscribe(to: channel, prefetch: Int(configuration.prefetch), logger: logger)
        var batches = subscription.batches()
        logger.info("Worker consuming")
        do {
            try await withGracefulShutdownHandler {
                while let batch = try await batches.nextBatch() {
                    try await handle(batch, from: subscription, channel: channel, logger: logger)
                    if batch.count < Int(configuration.prefetch) / 2, configuration.batchLinger > .zero {
                        try await Task.sleep(for: configuration.batchLinger)
                    }
                }
            } onGracefulShutdown: {
                Task { await subscription.cancel() }
            }
        } catch {
            await subscription.close()
            throw error
        }
        await subscription.close()
        logger.info("Worker stopped")
    }

    private func handle(
        _ batch: [Broker.Subscription.Message], from subscription: Broker.Subscription, channel: Channel, logger: Logger
    ) async throws {
        guard !batch.isEmpty else { return }
        let broker = self.broker
        do {
            _ = try await processor.process(batch) { dispositions in
                var resends: [(message: Broker.Subscription.Message, action: Resend)] = []
                for (message, disposition) in zip(batch, dispositions) {
                    switch disposition {
                    case .acknowledge: continue
                    case .retry(let delay, let attempt): resends.append((message, .retry(delay: delay, attempt: attempt)))
                    case .deadLetter(let reason): resends.append((message, .deadLetter(reason: reason)))
                    }
                }
                try await broker.resend(resends, channel: channel)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("Batch not processed; handing it back", metadata: ["error": "\(String(reflecting: error))"])
            try await Task.sleep(for: configuration.databaseFailurePause)
            subscription.handBack(batch)
            return
        }
        // Every delivery of the batch is settled: its outcome is committed, or it was a
        // duplicate, or its retry / dead letter is confirmed by the broker.
        subscription.acknowledge(batch)
    }
}

// The service group describes its services in its log lines: name the role, not the whole
// processor (its composer holds every template and rate table).
extension WorkerService: CustomStringConvertible {
    public var description: String {
        "WorkerService(channels: \(configuration.channels.map(\.rawValue).joined(separator: ", ")))"
    }
}

/// How a `WorkerService` works: its batches, pauses and timeouts.
public struct WorkerConfiguration: Sendable {
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
