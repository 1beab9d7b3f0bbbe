import Foundation
import Logging
import RelanceCore
import ServiceLifecycle

/// Publishes the outbox's jobs: leases a batch, publishes it with publisher confirms, and
/// settles it — confirmed jobs leave the outbox, refused ones stay with the reason and go out
/// on a later pass. The lease is the only hold on the jobs while the broker confirms (no
/// transaction stays open): jobs of a relay that dies or hangs go out again once it ends, and
/// workers are idempotent by job id.
public struct OutboxRelay<Outbox: OutboxStorage, Broker: JobBroker>: Service {
    public typealias Configuration = RelayConfiguration

    public let outbox: Outbox
    public let broker: Broker
    public let wake: WakeSignal
    public let configuration: Configuration
    public let logger: Logger

    public init(outbox: Outbox, broker: Broker, wake: WakeSignal = WakeSignal(),
                configuration: Configuration = Configuration(), logger: Logger) {
        self.outbox = outbox
        self.broker = broker
        self.wake = wake
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        try await runPolling(wake: wake, pollInterval: configuration.pollInterval,
                             failurePause: configuration.failurePause, logger: logger) {
            let (published, failed) = try await publishOnce()
            if failed > 0 {
                logger.warning("Broker refused jobs; will publish them again", metadata: ["jobs.failed": "\(failed)"])
                return .backOff
            }
            return published < configuration.batchSize ? .idle : .more
        }
    }

    /// One pass: publishes up to a batch of waiting jobs. When the broker cannot be reached the
    /// jobs are given back with the reason at once, and the error is rethrown.
    @discardableResult
    public func publishOnce() async throws -> (published: Int, failed: Int) {
        let (outbox, batchSize, lease, timeout) = (self.outbox, configuration.batchSize, configuration.lease, configuration.storageTimeout)
        let leased = try await withDeadline(timeout, what: "leasing outbox rows") {
            try await outbox.lease(limit: batchSize, for: lease)
        }
        guard !leased.isEmpty else { return (0, 0) }
        let results: [PublishResult]
        let broker = self.broker
        let jobs = leased.map(\.job)
        do {
            // A broker that neither confirms nor fails (frozen, or its socket half-open) must not
            // hold the relay: past the deadline the jobs are given back and the pass backs off.
            results = try await withDeadline(configuration.confirmTimeout, what: "publishing \(jobs.count) jobs") {
                try await broker.publish(jobs)
            }
        } catch {
            try? await outbox.settle(confirmed: [], failed: leased.map { ($0, "not published: \(error)") })
            PipelineMetrics.recordPublish(confirmed: 0, failed: leased.count)
            throw error
        }
        var confirmed: [LeasedJob] = []
        var failed: [(job: LeasedJob, reason: String)] = []
        confirmed.reserveCapacity(leased.count)
        for (index, job) in leased.enumerated() {
            switch index < results.count ? results[index] : .failed(reason: "no confirm received") {
            case .confirmed: confirmed.append(job)
            case .failed(let reason): failed.append((job, reason))
            }
        }
        let settled = (confirmed, failed)
        try await withDeadline(timeout, what: "settling published rows") {
            try await outbox.settle(confirmed: settled.0, failed: settled.1)
        }
        PipelineMetrics.recordPublish(confirmed: confirmed.count, failed: failed.count)
        return (confirmed.count, failed.count)
    }
}

extension OutboxRelay: CustomStringConvertible {
    public var description: String { "OutboxRelay" }
}

/// How a `OutboxRelay` works: its batches, pauses and timeouts.
public struct RelayConfiguration: Sendable {
    /// Jobs per lease and publish batch.
    public var batchSize = 2000
    /// How long to wait for a wake-up before looking again anyway.
    public var pollInterval: Duration = .seconds(1)
    /// Pause after a pass where the broker refused messages.
    public var failurePause: Duration = .seconds(1)
    /// How long leased jobs are this relay's alone; past it they go out again.
    public var lease: Duration = .seconds(30)
    /// How long the broker may take to confirm a batch before its jobs are given back.
    public var confirmTimeout: Duration = .seconds(20)
    /// How long one outbox call may take before the pass counts as failed.
    public var storageTimeout: Duration = .seconds(30)
    public init() {}
}
