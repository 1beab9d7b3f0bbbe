import Foundation
import Logging
import RelanceCore
import ServiceLifecycle

/// Finds jobs that were dispatched but never finished — no outcome long after they were
/// written, and no longer in the outbox — and puts them back in the outbox under their own ids,
/// so the relay publishes them again. A message can be lost on the way: a queue purged by hand,
/// a message dropped by the broker after its delivery limit. Workers are idempotent by job id,
/// so a job that was only slow is acknowledged, not acted on twice, when its copy arrives.
///
/// Every `interval` it looks at the jobs written between `deadline + 2 × interval` and
/// `deadline` ago: each job is looked at about twice, then left alone.
public struct JobReconciler<Outbox: OutboxStorage>: Service {
    public let outbox: Outbox
    public let clock: any PipelineClock
    public let configuration: ReconcilerConfiguration
    public let logger: Logger

    public init(outbox: Outbox, clock: any PipelineClock = SystemClock(),
                configuration: ReconcilerConfiguration = ReconcilerConfiguration(), logger: Logger) {
        self.outbox = outbox
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await reconcileOnce()
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("Reconciliation failed; trying again later", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: configuration.interval)
            }
        }
    }

    /// One look at the jobs of the window; returns how many went back to the outbox.
    @discardableResult
    public func reconcileOnce() async throws -> Int {
        let now = clock.now()
        let deadline = configuration.deadline.timeInterval
        let window = deadline + 2 * configuration.interval.timeInterval
        let requeued = try await outbox.requeueUnfinished(
            createdIn: now.addingTimeInterval(-window)..<now.addingTimeInterval(-deadline)
        )
        if requeued > 0 {
            logger.warning("Jobs without an outcome published again", metadata: ["jobs": "\(requeued)"])
        }
        return requeued
    }
}

extension JobReconciler: CustomStringConvertible {
    public var description: String { "JobReconciler" }
}

/// When the `JobReconciler` looks, and how long a job may go without an outcome.
public struct ReconcilerConfiguration: Sendable {
    /// How long after it was written a job without an outcome counts as lost. Longer than a
    /// job's whole retry ladder (5 s, 25 s, 125 s, 600 s: about a quarter of an hour), so that
    /// a job waiting in a retry queue is not published beside itself.
    public var deadline: Duration = .seconds(3600)
    /// Time between two looks.
    public var interval: Duration = .seconds(300)
    public init() {}
}
