import AMQP
import Foundation
import Logging
import RelanceCore
import RelanceStore
import ServiceLifecycle

/// Publishes the jobs of outbox rows to RabbitMQ with publisher confirms and the mandatory
/// flag, and removes the rows once confirmed. A job not confirmed (nacked, returned, connection
/// lost) stays in the outbox and is published again on a later pass; a crash between publish
/// and commit publishes again too — workers are idempotent by job id.
public struct OutboxRelay: Service {
    public struct Configuration: Sendable {
        /// Rows per transaction and publish batch.
        public var batchSize = 2000
        /// How long to wait for a wake-up before looking again anyway.
        public var pollInterval: Duration = .seconds(1)
        /// Pause after a pass where the broker refused messages.
        public var failurePause: Duration = .seconds(1)
        public init() {}
    }

    public let outbox: OutboxStore
    public let publisher: ReconnectingPublisher
    public let wake: WakeSignal
    public let configuration: Configuration
    public let logger: Logger

    public init(outbox: OutboxStore, publisher: ReconnectingPublisher, wake: WakeSignal,
                configuration: Configuration = Configuration(), logger: Logger) {
        self.outbox = outbox
        self.publisher = publisher
        self.wake = wake
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        try await runPolling(wake: wake, pollInterval: configuration.pollInterval,
                             failurePause: configuration.failurePause, logger: logger) {
            // A failed pass leaves its rows unpublished; they are taken again.
            let (published, failed) = try await publishOnce()
            if failed > 0 {
                logger.warning("Broker refused jobs; will publish them again", metadata: ["jobs.failed": "\(failed)"])
                return .backOff
            }
            return published < configuration.batchSize ? .idle : .more
        }
    }

    /// One pass: publishes up to a batch of pending rows.
    @discardableResult
    public func publishOnce() async throws -> (published: Int, failed: Int) {
        let publisher = self.publisher
        return try await outbox.publishPending(limit: configuration.batchSize) { jobs in
            let messages = jobs.map(Self.message(for:))
            let outcomes = try await publisher.publish(messages)
            var results: [UUID: OutboxStore.PublishResult] = [:]
            for (job, outcome) in zip(jobs, outcomes) {
                switch outcome {
                case .confirmed: results[job.id] = .confirmed
                case .nacked: results[job.id] = .failed(reason: "nacked by the broker")
                case .returned(let code, let text): results[job.id] = .failed(reason: "returned by the broker: \(code) \(text)")
                }
            }
            return results
        }
    }

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
}

extension OutboxRelay: CustomStringConvertible {
    public var description: String { "OutboxRelay" }
}
