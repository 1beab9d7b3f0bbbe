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
/// deliveries are redelivered, and a job with an outcome already is only acknowledged; a job
/// it had claimed is taken again once the claim ends (`JobProcessor.claimDuration`).
public struct WorkerService<Storage: WorkerStorage, Broker: JobBroker>: Service {
    public typealias Configuration = WorkerConfiguration

    public let processor: JobProcessor<Storage>
    public let broker: Broker
    public let configuration: Configuration
    public let logger: Logger
    /// Not ready while a consumer holds a batch it cannot store (reason per channel consumer).
    public let readiness: Readiness

    public init(processor: JobProcessor<Storage>, broker: Broker, configuration: Configuration = Configuration(),
                readiness: Readiness = Readiness(), logger: Logger) {
        self.processor = processor
        self.broker = broker
        self.configuration = configuration
        self.readiness = readiness
        self.logger = logger
    }

    public func run() async throws {
        let keeper = ClaimKeeper()
        try await withThrowingTaskGroup(of: Void.self) { roles in
            roles.addTask {
                await keeper.run(storage: processor.storage, duration: processor.claimDuration,
                                 timeout: processor.storageTimeout, logger: logger)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for channel in Set(configuration.channels.map(\.queueChannel)) {
                    for _ in 0..<max(1, configuration.consumersPerChannel) {
                        group.addTask { try await consume(channel, keeper: keeper) }
                    }
                }
                try await group.waitForAll()
            }
            // The consumers are done: no claim is held any more.
            roles.cancelAll()
        }
    }

    private func consume(_ channel: Channel, keeper: ClaimKeeper) async throws {
        var logger = self.logger
        logger[metadataKey: "channel"] = "\(channel)"
        let subscription = broker.subscribe(to: channel, prefetch: Int(configuration.prefetch), logger: logger)
        var batches = subscription.batches()
        logger.info("Worker consuming")
        do {
            try await withGracefulShutdownHandler {
                while let batch = try await batches.nextBatch() {
                    let holder = UUID()
                    try await keeper.holding(holder) {
                        try await handle(batch, holder: holder, from: subscription, channel: channel, logger: logger)
                    }
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
        _ batch: [Broker.Subscription.Message], holder: UUID, from subscription: Broker.Subscription, channel: Channel,
        logger: Logger
    ) async throws {
        guard !batch.isEmpty else { return }
        let received = ContinuousClock.now
        // Read and act. While the storage cannot be read, the batch is held (not handed back,
        // which would spend the jobs' delivery attempts on an outage): nothing has acted yet, and
        // no new delivery comes while the prefetch is taken.
        // (A storage call that never answers fails after the processor's `storageTimeout`, and is
        // asked again here.)
        // The jobs acted on are claimed under `holder` (kept alive by the keeper while in hand).
        guard let prepared = try await untilStored("Cannot read the batch's records", logger: logger, {
            try await processor.prepare(batch, holder: holder)
        }) else {
            subscription.handBack(batch)
            return
        }
        // Retries and dead letters, confirmed by the broker before any outcome is written.
        do {
            try await broker.resend(Self.resends(batch, prepared.dispositions, only: nil), channel: channel)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("Retries or dead letters not sent; handing the batch back", metadata: ["error": "\(String(reflecting: error))"])
            subscription.handBack(batch)
            return
        }
        // Outcomes, written again until the storage takes them; those it refuses for what they
        // hold become dead letters of their own.
        var processed = prepared
        guard let refused = try await untilStored("Cannot write the batch's outcomes", logger: logger, {
            try await processor.record(&processed)
        }) else {
            subscription.handBack(batch)
            return
        }
        if !refused.isEmpty {
            do {
                try await broker.resend(Self.resends(batch, processed.dispositions, only: Set(refused)), channel: channel)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // Their outcomes say why; a redelivery is only acknowledged.
                logger.error("Dead letters of refused outcomes not sent", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
        // Every delivery of the batch is settled: its outcome is committed, or it was a
        // duplicate, or its retry / dead letter is confirmed by the broker.
        subscription.acknowledge(batch)
        PipelineMetrics.recordBatch(processed, attempts: batch.map(\.attempt), channel: channel, received: received, committedAt: Date())
    }

    /// Runs `operation` until it succeeds, waiting after each failure (`databaseFailurePause`,
    /// doubling up to `maximumFailurePause`). Returns nil if graceful shutdown begins while it
    /// fails; rethrows cancellation.
    private func untilStored<Result>(
        _ problem: String, logger: Logger, _ operation: () async throws -> Result
    ) async throws -> Result? {
        var pause = configuration.databaseFailurePause
        var failures = 0
        // One reason per consumer holding a batch (several may at once), named at the first failure.
        var part: String?
        defer { if let part { readiness.ready(part) } }
        while true {
            do {
                let result = try await operation()
                if failures > 0 { logger.notice("Storage reachable again; batch resumed; ready", metadata: ["failures": "\(failures)"]) }
                return result
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failures += 1
                if failures == 1 {
                    let name = "worker.\(logger[metadataKey: "channel"].map { "\($0)" } ?? "?").\(UUID().uuidString.prefix(8))"
                    part = name
                    readiness.notReady(name, "\(problem) (\(error)); holding a batch of deliveries until it can be stored")
                }
                if failures == 1 || failures.isMultiple(of: 10) {
                    logger.error("\(problem); holding the batch and trying again; not ready", metadata: [
                        "error": "\(String(reflecting: error))", "failures": "\(failures)",
                    ])
                }
                if Task.isShuttingDownGracefully { return nil }
                try await Task.sleep(for: pause)
                if Task.isShuttingDownGracefully { return nil }
                pause = min(pause * 2, max(configuration.databaseFailurePause, configuration.maximumFailurePause))
            }
        }
    }

    /// The messages to send back for `dispositions` (only those at `indexes`, when given).
    private static func resends(
        _ batch: [Broker.Subscription.Message], _ dispositions: [MessageDisposition], only indexes: Set<Int>?
    ) -> [(message: Broker.Subscription.Message, action: Resend)] {
        var resends: [(message: Broker.Subscription.Message, action: Resend)] = []
        for (index, disposition) in dispositions.enumerated() where indexes?.contains(index) ?? true {
            switch disposition {
            case .acknowledge: continue
            case .retry(let delay, let attempt): resends.append((batch[index], .retry(delay: delay, attempt: attempt)))
            case .deadLetter(let reason): resends.append((batch[index], .deadLetter(reason: reason)))
            }
        }
        return resends
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
    /// First pause before trying a batch's reads or writes again while the storage cannot be
    /// reached; it doubles at each failure, up to `maximumFailurePause`.
    public var databaseFailurePause: Duration = .seconds(1)
    /// At most this long between tries: once the database is back, a held batch goes on within it.
    public var maximumFailurePause: Duration = .seconds(8)
    public init() {}
}
